-- Reports (issue 19) read one school's passes over a range of days. V19's index lacked the district (every
-- report is scoped by it) and the columns of the approval, denial and long-running counts, so each of the
-- range's rows was read from the table too: 200,000 random reads for a school's year. This index holds every
-- column a report groups, sums or scopes by, so a report reads one range of it and never the table.
CREATE INDEX ix_pass_school_report ON hall_pass
    (school_id, district_id, requested_at, state, started_at, ended_at, approved_at, decided_by_id, long_running_at,
     destination_id, student_id, departing_section_id);
DROP INDEX ix_pass_school_requested ON hall_pass;

-- What else a purge removes (issue 19): accommodations and emergencies past the district's pass retention, the
-- no-contact pairs (and their change records) and kiosk PINs of students removed that long ago.
ALTER TABLE purge_run ADD accommodations INT NOT NULL DEFAULT 0;
ALTER TABLE purge_run ADD emergencies INT NOT NULL DEFAULT 0;
ALTER TABLE purge_run ADD no_contact_records INT NOT NULL DEFAULT 0;
ALTER TABLE purge_run ADD student_pins INT NOT NULL DEFAULT 0;
CREATE INDEX ix_emergency_district_cleared ON school_emergency (district_id, cleared_at);
CREATE INDEX ix_accommodation_district_until ON accommodation (district_id, until_date);
-- A removed person is erased once no pass names them: one index probe per column a pass names a person in
-- (student and routed-to teacher have theirs already), rather than a scan of the passes per person.
CREATE INDEX ix_pass_created_by ON hall_pass (created_by_id);
CREATE INDEX ix_pass_decided_by ON hall_pass (decided_by_id);
