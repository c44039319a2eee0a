-- Reports (issue 19) aggregate one school's passes over a range of days. This index holds the range and
-- every column the reports group or sum by, so a report of a school's year reads one range of one index
-- and never the table.
CREATE INDEX ix_pass_school_requested ON hall_pass
    (school_id, requested_at, state, started_at, ended_at, destination_id, student_id, departing_section_id);
-- Flags of a pass, by rule: the by-rule and no-contact reports start from the code.
CREATE INDEX ix_flag_code ON pass_flag (code, pass_id);
-- A student's grade level (OneRoster users.csv "grades", the first one), for the by-grade report.
ALTER TABLE person ADD grade VARCHAR(16);
