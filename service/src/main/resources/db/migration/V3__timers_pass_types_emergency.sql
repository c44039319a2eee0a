-- School settings for the lifecycle's timers (issue 3). Defaults are what a school gets until an
-- administrator changes them.
ALTER TABLE school ADD resend_after_seconds INT NOT NULL DEFAULT 120;
ALTER TABLE school ADD escalate_after_seconds INT NOT NULL DEFAULT 300;
-- Who hears about a request nobody opened: ADMINISTRATORS or CO_TEACHERS.
ALTER TABLE school ADD escalate_to VARCHAR(20) NOT NULL DEFAULT 'ADMINISTRATORS';
ALTER TABLE school ADD appointment_lead_minutes INT NOT NULL DEFAULT 5;
-- Set while an emergency is in force: no new requests until it is cleared.
ALTER TABLE school ADD emergency_id VARCHAR(36);

-- When an appointment pass is booked for.
ALTER TABLE hall_pass ADD starts_at DATETIME(3);
ALTER TABLE hall_pass ADD reannounced_at DATETIME(3);
ALTER TABLE hall_pass ADD escalated_at DATETIME(3);
ALTER TABLE hall_pass ADD long_running_at DATETIME(3);
ALTER TABLE hall_pass ADD decided_by_id VARCHAR(36);
-- The kiosk a pass was requested, started, ended or checked in at.
ALTER TABLE hall_pass ADD kiosk_id VARCHAR(36);
-- Why an AUTO pass became a request that needs approval.
ALTER TABLE hall_pass ADD auto_pass_refused VARCHAR(500);
-- Why a pass ended the way it did when no person decided it (expired, missed appointment, emergency).
ALTER TABLE hall_pass ADD end_reason VARCHAR(500);

-- An emergency end-all: who declared it, when, what it ended, and who cleared it.
CREATE TABLE school_emergency (
    id              VARCHAR(36)  NOT NULL PRIMARY KEY,
    district_id     VARCHAR(36)  NOT NULL,
    school_id       VARCHAR(36)  NOT NULL,
    declared_at     DATETIME(3)  NOT NULL,
    declared_by_id  VARCHAR(36)  NOT NULL,
    on_behalf_of_id VARCHAR(36),
    passes_ended    INT          NOT NULL,
    cleared_at      DATETIME(3),
    cleared_by_id   VARCHAR(36),
    version         BIGINT       NOT NULL,
    CONSTRAINT fk_emergency_school FOREIGN KEY (school_id) REFERENCES school (id)
);
CREATE INDEX ix_emergency_school ON school_emergency (school_id, declared_at);
