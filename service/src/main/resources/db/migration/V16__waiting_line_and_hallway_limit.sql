-- The waiting line and the building-wide hallway limit (issue 16).
-- waiting_expiry_minutes: how long a WAITING pass waits for a place before it expires.
-- auto_passes_wait: a full AUTO request joins the waiting line instead of going to the teacher.
-- max_students_out: the hallway limit, 0 = none; hall_limit_counts: which passes count towards it
-- (STUDENT = made by the student on their device, TEACHER = proxy and appointment, KIOSK = made at a kiosk);
-- teachers_may_exceed_hall_limit: a teacher may approve over it (seeing the flag), else only to wait.
ALTER TABLE school ADD waiting_expiry_minutes INT NOT NULL DEFAULT 10;
ALTER TABLE school ADD auto_passes_wait BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE school ADD max_students_out INT NOT NULL DEFAULT 0;
ALTER TABLE school ADD hall_limit_counts VARCHAR(40) NOT NULL DEFAULT 'STUDENT,TEACHER,KIOSK';
ALTER TABLE school ADD teachers_may_exceed_hall_limit BOOLEAN NOT NULL DEFAULT TRUE;

-- When a pass joined its destination's line: first come, first served.
ALTER TABLE hall_pass ADD waiting_since DATETIME(3);

-- How many students are out in a school's hallways now, by who made the pass, kept in the same transaction as
-- the destinations' counters (org.corridor.location.Occupancy). Its row is the school-level lock the hallway
-- limit is decided under; a row of its own, not the school's, so that the foreign keys of new passes (which
-- lock the school row in share mode) never wait for it.
CREATE TABLE hall_occupancy (
    school_id    VARCHAR(36) NOT NULL PRIMARY KEY,
    students_out INT         NOT NULL,
    teachers_out INT         NOT NULL,
    kiosk_out    INT         NOT NULL,
    CONSTRAINT fk_hall_occupancy_school FOREIGN KEY (school_id) REFERENCES school (id) ON DELETE CASCADE
);

INSERT INTO hall_occupancy (school_id, students_out, teachers_out, kiosk_out)
SELECT s.id,
       (SELECT COUNT(*) FROM hall_pass p WHERE p.school_id = s.id AND p.state IN ('ACTIVE', 'LONG_RUNNING')
          AND p.channel <> 'KIOSK' AND p.pass_type IN ('REGULAR', 'AUTO')),
       (SELECT COUNT(*) FROM hall_pass p WHERE p.school_id = s.id AND p.state IN ('ACTIVE', 'LONG_RUNNING')
          AND p.channel <> 'KIOSK' AND p.pass_type IN ('PROXY', 'APPOINTMENT')),
       (SELECT COUNT(*) FROM hall_pass p WHERE p.school_id = s.id AND p.state IN ('ACTIVE', 'LONG_RUNNING')
          AND p.channel = 'KIOSK')
FROM school s;

-- The waiting line reads who waits, by school and destination, first in line first: few rows, found by state.
CREATE INDEX ix_pass_waiting ON hall_pass (state, school_id, destination_id, waiting_since);
