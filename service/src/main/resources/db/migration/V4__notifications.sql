-- The notification centre (issue 3): every popup a person was sent, whether their screen showed it
-- (delivered_at: first pushed to an open screen) and whether they marked it seen. The table is the
-- source of truth; live pushes over server-sent events only announce rows already committed here.
-- Rows are deleted after corridor.retention.notification-days (student data has a retention period).
CREATE TABLE notification (
    id           VARCHAR(36)   NOT NULL PRIMARY KEY,
    district_id  VARCHAR(36)   NOT NULL,
    person_id    VARCHAR(36)   NOT NULL,
    kind         VARCHAR(32)   NOT NULL,
    pass_id      VARCHAR(36),
    title        VARCHAR(200)  NOT NULL,
    body         VARCHAR(1000) NOT NULL,
    created_at   DATETIME(3)   NOT NULL,
    delivered_at DATETIME(3),
    seen_at      DATETIME(3),
    version      BIGINT        NOT NULL
);
-- A person's list and unread count, newest first.
CREATE INDEX ix_notification_person_created ON notification (person_id, created_at);
-- settle(passId): the requests of one pass.
CREATE INDEX ix_notification_pass ON notification (pass_id);
-- The daily retention delete.
CREATE INDEX ix_notification_created ON notification (created_at);
