-- Who read which student's passes, when, through which endpoint (issue 18): the access log a district's
-- data agreement asks for. Written in batches by ReadLog; one row per student read.
CREATE TABLE pass_read (
    id          VARCHAR(36)  NOT NULL PRIMARY KEY,
    district_id VARCHAR(36)  NOT NULL,
    reader_id   VARCHAR(36)  NOT NULL,
    student_id  VARCHAR(36),
    pass_id     VARCHAR(36),
    what        VARCHAR(16)  NOT NULL,
    endpoint    VARCHAR(100) NOT NULL,
    read_at     DATETIME(3)  NOT NULL
);
CREATE INDEX ix_read_district_time ON pass_read (district_id, read_at);
CREATE INDEX ix_read_student ON pass_read (student_id, read_at);
CREATE INDEX ix_read_reader ON pass_read (reader_id, read_at);
