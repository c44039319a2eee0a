-- Retention set per district (issue 19): days each kind of record is kept. A district without a row keeps
-- the server's defaults (corridor.retention.*).
CREATE TABLE district_retention (
    district_id        VARCHAR(36) NOT NULL PRIMARY KEY,
    pass_days          INT         NOT NULL,
    notification_days  INT         NOT NULL,
    read_days          INT         NOT NULL,
    roster_import_days INT         NOT NULL,
    version            BIGINT      NOT NULL,
    CONSTRAINT fk_retention_district FOREIGN KEY (district_id) REFERENCES district (id)
);

-- What each nightly purge removed, per district and kind, so a district can see its setting enforced.
CREATE TABLE purge_run (
    id                  VARCHAR(36) NOT NULL PRIMARY KEY,
    district_id         VARCHAR(36) NOT NULL,
    started_at          DATETIME(3) NOT NULL,
    finished_at         DATETIME(3) NOT NULL,
    passes              INT         NOT NULL,
    notifications       INT         NOT NULL,
    read_records        INT         NOT NULL,
    roster_imports      INT         NOT NULL,
    people_erased       INT         NOT NULL,
    process_histories   INT         NOT NULL
);
CREATE INDEX ix_purge_district ON purge_run (district_id, started_at);

-- ShedLock's table: a scheduled job runs on one instance of the cluster at a time.
CREATE TABLE shedlock (
    name       VARCHAR(64)  NOT NULL PRIMARY KEY,
    lock_until DATETIME(3)  NOT NULL,
    locked_at  DATETIME(3)  NOT NULL,
    locked_by  VARCHAR(255) NOT NULL
);
