-- Reports (issue 19) under 1 s for a school's year. Reading each of a year's 200,000 passes per report costs
-- more than that, so a pass that ends leaves one summary row (its day and hour on the school's clock, its
-- group keys, what it counts for and its seconds out), and adds itself to per-month tallies of each group a
-- report shows, split by minute out: a report reads a few thousand tally rows, and the exact median only
-- the passes of the one-minute bucket that holds it. The rows are filled from existing passes by V33.

-- Clustered by school and day, so that the days at a range's edges are one range of the table; the other
-- indexes find the passes of one group's minute bucket for a median.
CREATE TABLE pass_summary (
    school_id      VARCHAR(36) NOT NULL,
    local_day      DATE        NOT NULL,
    pass_id        VARCHAR(36) NOT NULL,
    district_id    VARCHAR(36) NOT NULL,
    -- the first day of local_day's month: the tally it counts in
    month_start    DATE        NOT NULL,
    local_hour     SMALLINT    NOT NULL,
    requested_at   DATETIME(3) NOT NULL,
    student_id     VARCHAR(36) NOT NULL,
    destination_id VARCHAR(36) NOT NULL,
    section_id     VARCHAR(36) NOT NULL,
    routed_to_id   VARCHAR(36) NOT NULL,
    -- the student's grade when the pass ended ('' when not given)
    grade          VARCHAR(16) NOT NULL,
    pass_type      VARCHAR(16) NOT NULL,
    channel        VARCHAR(16) NOT NULL,
    state          VARCHAR(20) NOT NULL,
    went_out       SMALLINT    NOT NULL,
    approved       SMALLINT    NOT NULL,
    denied         SMALLINT    NOT NULL,
    blocked        SMALLINT    NOT NULL,
    long_running   SMALLINT    NOT NULL,
    secs           INT,
    -- whole minutes out, -1 for a pass that never came back from out (or never went)
    minute_out     INT         NOT NULL,
    CONSTRAINT pk_pass_summary PRIMARY KEY (school_id, local_day, pass_id),
    CONSTRAINT uq_pass_summary_pass UNIQUE (pass_id)
);
CREATE INDEX ix_summary_minute ON pass_summary (school_id, minute_out, local_day, secs);
CREATE INDEX ix_summary_hour ON pass_summary (school_id, local_hour, minute_out, local_day, secs);
CREATE INDEX ix_summary_destination ON pass_summary (school_id, destination_id, minute_out, local_day, secs);
CREATE INDEX ix_summary_section ON pass_summary (school_id, section_id, minute_out, local_day, secs);
CREATE INDEX ix_summary_grade ON pass_summary (school_id, grade, minute_out, local_day, secs);
CREATE INDEX ix_summary_student ON pass_summary (school_id, student_id, minute_out, local_day, secs);

-- One row per school, month (its first day), report dimension, group, state, type, channel and minute out.
-- Dimensions: D day, H hour, P destination, S section left, G grade, U student, R rule flagged,
-- N no-contact outcome, L long-running end.
CREATE TABLE pass_tally (
    school_id   VARCHAR(36) NOT NULL,
    month_start DATE        NOT NULL,
    dim         CHAR(1)     NOT NULL,
    group_key   VARCHAR(64) NOT NULL,
    state       VARCHAR(20) NOT NULL,
    pass_type   VARCHAR(16) NOT NULL,
    channel     VARCHAR(16) NOT NULL,
    minute_out  INT         NOT NULL,
    district_id VARCHAR(36) NOT NULL,
    n           BIGINT      NOT NULL,
    went_out    BIGINT      NOT NULL,
    secs        BIGINT      NOT NULL,
    approved    BIGINT      NOT NULL,
    denied      BIGINT      NOT NULL,
    blocked     BIGINT      NOT NULL,
    CONSTRAINT pk_pass_tally PRIMARY KEY (school_id, month_start, dim, group_key, state, pass_type, channel, minute_out)
);
