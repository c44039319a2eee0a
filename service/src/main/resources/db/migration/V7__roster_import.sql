-- Rosters imported from OneRoster CSV (issue 5).
-- Written for H2 and MariaDB alike: neither accepts the other's syntax for making a column nullable, so a
-- column that becomes nullable is copied into a new nullable column that then takes the old one's name.

-- The OneRoster sourcedId of what was imported, kept as text (leading zeros matter); NULL for rows made
-- in Corridor itself (the demo seed, the admin screens), which an import never touches.
ALTER TABLE district ADD source_id VARCHAR(255);
ALTER TABLE school ADD source_id VARCHAR(255);
ALTER TABLE school ADD CONSTRAINT uq_school_source UNIQUE (district_id, source_id);

-- People: soft removal keeps every pass and audit line that names them.
ALTER TABLE person ADD source_id VARCHAR(255);
ALTER TABLE person ADD removed_at DATETIME(3);
ALTER TABLE person ADD CONSTRAINT uq_person_source UNIQUE (district_id, source_id);
-- Students without an email still use kiosks; non-null emails stay unique per district.
ALTER TABLE person ADD email_address VARCHAR(254);
UPDATE person SET email_address = email;
ALTER TABLE person DROP CONSTRAINT uq_person_email;
DROP INDEX ix_person_email ON person;
ALTER TABLE person DROP COLUMN email;
ALTER TABLE person RENAME COLUMN email_address TO email;
ALTER TABLE person ADD CONSTRAINT uq_person_email UNIQUE (district_id, email);
CREATE INDEX ix_person_email ON person (email);

-- Sections: OneRoster has no bell times, only period names, so a section meets in named periods that
-- routing matches against the school's bell schedule when a student asks. The single period_id goes.
ALTER TABLE section DROP CONSTRAINT fk_section_period;
ALTER TABLE section DROP COLUMN period_id;
CREATE TABLE section_period (
    section_id  VARCHAR(36)  NOT NULL,
    period_name VARCHAR(100) NOT NULL,
    PRIMARY KEY (section_id, period_name),
    CONSTRAINT fk_section_period_section FOREIGN KEY (section_id) REFERENCES section (id)
);

ALTER TABLE section ADD source_id VARCHAR(255);
ALTER TABLE section ADD removed_at DATETIME(3);
-- The term the class runs in (NULL: open ended): the span of its academic sessions, whose sourcedIds are
-- kept so a later delta that moves a session's dates moves the section's term too.
ALTER TABLE section ADD term_starts_on DATE;
ALTER TABLE section ADD term_ends_on DATE;
ALTER TABLE section ADD term_source_ids VARCHAR(2000);

-- OneRoster academic sessions (school years, terms, semesters, grading periods), per district.
CREATE TABLE academic_session (
    id               VARCHAR(36)  NOT NULL PRIMARY KEY,
    district_id      VARCHAR(36)  NOT NULL,
    source_id        VARCHAR(255) NOT NULL,
    title            VARCHAR(200) NOT NULL,
    session_type     VARCHAR(32)  NOT NULL,
    starts_on        DATE         NOT NULL,
    ends_on          DATE         NOT NULL,
    parent_source_id VARCHAR(255),
    school_year      VARCHAR(16),
    removed_at       DATETIME(3),
    version          BIGINT       NOT NULL,
    CONSTRAINT fk_session_district FOREIGN KEY (district_id) REFERENCES district (id),
    CONSTRAINT uq_session_source UNIQUE (district_id, source_id)
);
ALTER TABLE section ADD CONSTRAINT uq_section_source UNIQUE (school_id, source_id);

-- A class may have no room in the roster, and no teacher yet.
ALTER TABLE section ADD room VARCHAR(36);
UPDATE section SET room = room_id;
ALTER TABLE section DROP CONSTRAINT fk_section_room;
ALTER TABLE section DROP COLUMN room_id;
ALTER TABLE section RENAME COLUMN room TO room_id;
ALTER TABLE section ADD CONSTRAINT fk_section_room FOREIGN KEY (room_id) REFERENCES location (id);

ALTER TABLE section ADD main_teacher VARCHAR(36);
UPDATE section SET main_teacher = main_teacher_id;
ALTER TABLE section DROP CONSTRAINT fk_section_teacher;
ALTER TABLE section DROP COLUMN main_teacher_id;
ALTER TABLE section RENAME COLUMN main_teacher TO main_teacher_id;
ALTER TABLE section ADD CONSTRAINT fk_section_teacher FOREIGN KEY (main_teacher_id) REFERENCES person (id);
CREATE INDEX ix_section_teacher ON section (main_teacher_id);

-- An enrolment's dates (NULL: open ended).
ALTER TABLE section_student ADD begins_on DATE;
ALTER TABLE section_student ADD ends_on DATE;

-- A pass leaves a class that may have no room.
ALTER TABLE hall_pass ADD departing_room VARCHAR(36);
UPDATE hall_pass SET departing_room = departing_room_id;
ALTER TABLE hall_pass DROP CONSTRAINT fk_pass_room;
ALTER TABLE hall_pass DROP COLUMN departing_room_id;
ALTER TABLE hall_pass RENAME COLUMN departing_room TO departing_room_id;
ALTER TABLE hall_pass ADD CONSTRAINT fk_pass_room FOREIGN KEY (departing_room_id) REFERENCES location (id);

-- Each import, applied or rejected: who, when, what it changed. Never the file itself.
CREATE TABLE roster_import (
    id            VARCHAR(36)  NOT NULL PRIMARY KEY,
    district_id   VARCHAR(36)  NOT NULL,
    imported_by   VARCHAR(36)  NOT NULL,
    started_at    DATETIME(3)  NOT NULL,
    finished_at   DATETIME(3)  NOT NULL,
    outcome       VARCHAR(16)  NOT NULL,
    version_label VARCHAR(16),
    mode          VARCHAR(16),
    counts        VARCHAR(2000) NOT NULL,
    error_count   INT          NOT NULL,
    warning_count INT          NOT NULL,
    version       BIGINT       NOT NULL,
    CONSTRAINT fk_import_district FOREIGN KEY (district_id) REFERENCES district (id),
    CONSTRAINT fk_import_person FOREIGN KEY (imported_by) REFERENCES person (id)
);
CREATE INDEX ix_import_district ON roster_import (district_id, started_at);
