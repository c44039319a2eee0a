-- A class's periods, room and main teacher set by an administrator in Corridor (issue 14), one row per field.
-- roster_value is what the roster said for that field when it was first changed here (periods as their names
-- joined by commas, in order): a later import that sends the same value leaves the administrator's choice, one
-- that sends another value wins, says so in its report and removes the row.
CREATE TABLE section_edit (
    section_id   VARCHAR(36)   NOT NULL,
    field        VARCHAR(20)   NOT NULL,
    roster_value VARCHAR(2000),
    edited_by    VARCHAR(36)   NOT NULL,
    edited_at    DATETIME(3)   NOT NULL,
    PRIMARY KEY (section_id, field),
    CONSTRAINT fk_section_edit_section FOREIGN KEY (section_id) REFERENCES section (id)
);
