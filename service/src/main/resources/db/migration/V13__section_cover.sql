-- Covered classes (issue 15): an administrator gives a class a covering teacher (a substitute) for a range
-- of days on the school's calendar, both included. While a cover is in force the class's requests go to the
-- covering teacher instead of the main teacher. Covers of one class never overlap (checked by the service
-- under a lock on the section). Ending a cover removes its row; the history below keeps it.
CREATE TABLE section_cover (
    id            VARCHAR(36) NOT NULL PRIMARY KEY,
    district_id   VARCHAR(36) NOT NULL,
    school_id     VARCHAR(36) NOT NULL,
    section_id    VARCHAR(36) NOT NULL,
    teacher_id    VARCHAR(36) NOT NULL,
    from_date     DATE        NOT NULL,
    until_date    DATE        NOT NULL,
    created_by_id VARCHAR(36) NOT NULL,
    created_at    DATETIME(3) NOT NULL,
    version       BIGINT      NOT NULL,
    CONSTRAINT fk_section_cover_district FOREIGN KEY (district_id) REFERENCES district (id),
    CONSTRAINT fk_section_cover_section FOREIGN KEY (section_id) REFERENCES section (id),
    CONSTRAINT fk_section_cover_teacher FOREIGN KEY (teacher_id) REFERENCES person (id)
);
CREATE INDEX ix_section_cover_section ON section_cover (section_id, from_date);
CREATE INDEX ix_section_cover_teacher ON section_cover (teacher_id, from_date);

-- Who added or ended which cover, and when. No foreign key to the cover: the history outlives it.
CREATE TABLE section_cover_change (
    id              VARCHAR(36) NOT NULL PRIMARY KEY,
    district_id     VARCHAR(36) NOT NULL,
    school_id       VARCHAR(36) NOT NULL,
    cover_id        VARCHAR(36) NOT NULL,
    section_id      VARCHAR(36) NOT NULL,
    action          VARCHAR(16) NOT NULL,
    actor_id        VARCHAR(36) NOT NULL,
    teacher_id      VARCHAR(36) NOT NULL,
    from_date       DATE        NOT NULL,
    until_date      DATE        NOT NULL,
    changed_at      DATETIME(3) NOT NULL,
    version         BIGINT      NOT NULL,
    CONSTRAINT fk_section_cover_change_district FOREIGN KEY (district_id) REFERENCES district (id)
);
CREATE INDEX ix_section_cover_change_section ON section_cover_change (district_id, section_id);
