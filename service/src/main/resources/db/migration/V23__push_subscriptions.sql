-- Issue 22: browser push. One row per browser (device) a teacher or administrator turned notifications on in;
-- a person may have several. The endpoint is the push service's address for that browser (up to 1000
-- characters, so it is unique by its SHA-256: a browser that subscribes again replaces its row); p256dh and
-- auth are the browser's keys for the payload's encryption (RFC 8291), base64url. The label says which
-- browser it is on the person's device list; last_success_at is when the push service last accepted one.
CREATE TABLE push_subscription (
    id              VARCHAR(36)   NOT NULL PRIMARY KEY,
    district_id     VARCHAR(36)   NOT NULL,
    person_id       VARCHAR(36)   NOT NULL,
    endpoint        VARCHAR(1000) NOT NULL,
    endpoint_hash   VARCHAR(64)   NOT NULL,
    p256dh          VARCHAR(100)  NOT NULL,
    auth            VARCHAR(40)   NOT NULL,
    label           VARCHAR(80)   NOT NULL,
    created_at      DATETIME(3)   NOT NULL,
    last_success_at DATETIME(3),
    version         BIGINT        NOT NULL,
    CONSTRAINT uq_push_subscription_endpoint UNIQUE (endpoint_hash)
);
-- Sending a notification asks for its recipient's subscriptions: one indexed look-up, empty for most.
CREATE INDEX ix_push_subscription_person ON push_subscription (person_id, district_id);

-- The VAPID key pair (RFC 8292) the demo generates on its first start and keeps, so a restart and every
-- instance of a cluster sign with the same key (browsers bind a subscription to the key). Production
-- configures its key pair instead (CORRIDOR_PUSH_VAPID_PUBLIC_KEY / _PRIVATE_KEY) and leaves this empty.
CREATE TABLE push_vapid_key (
    name        VARCHAR(32)  NOT NULL PRIMARY KEY,
    public_key  VARCHAR(100) NOT NULL,
    private_key VARCHAR(100) NOT NULL,
    created_at  DATETIME(3)  NOT NULL
);
