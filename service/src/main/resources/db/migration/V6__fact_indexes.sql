-- Policy facts (issue 6): the students out in a school, per destination, in one range of one index that
-- holds every column the query reads (school, state, destination, and the id it leaves out), so neither
-- database fetches a row. Its prefix (school_id, state) also serves what ix_pass_school_state served.
CREATE INDEX ix_pass_school_state_destination ON hall_pass (school_id, state, destination_id, id);
