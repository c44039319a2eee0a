-- Exemptions from named rules, written in a student's plan; both dates included.
CREATE TABLE accommodation (
    id          VARCHAR(36)  NOT NULL PRIMARY KEY,
    district_id VARCHAR(36)  NOT NULL,
    student_id  VARCHAR(36)  NOT NULL,
    rule_name   VARCHAR(200) NOT NULL,
    from_date   DATE         NOT NULL,
    until_date  DATE         NOT NULL,
    note        VARCHAR(500),
    version     BIGINT       NOT NULL,
    CONSTRAINT fk_accommodation_district FOREIGN KEY (district_id) REFERENCES district (id),
    CONSTRAINT fk_accommodation_student FOREIGN KEY (student_id) REFERENCES person (id)
);
CREATE INDEX ix_accommodation_student ON accommodation (student_id);

-- Which pass types count towards the daily and weekly limits (comma-separated PassType names).
ALTER TABLE school ADD counted_pass_types VARCHAR(100) NOT NULL DEFAULT 'REGULAR,AUTO,PROXY';

-- The facts the rules saw at the last evaluation, so a draft rule set can be replayed against real passes.
ALTER TABLE hall_pass ADD facts_snapshot MEDIUMTEXT;
CREATE INDEX ix_pass_district_requested ON hall_pass (district_id, requested_at);
