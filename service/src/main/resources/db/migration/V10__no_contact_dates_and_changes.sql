-- No-contact pairs are entered by administrators (issue 14): a pair may hold only between two dates (both
-- included; none means open-ended), with a note saying why. Every pair is stored with the smaller student id
-- first, so the unique key also refuses the same two students given the other way round.
ALTER TABLE no_contact_pair ADD COLUMN note VARCHAR(500);
ALTER TABLE no_contact_pair ADD COLUMN from_date DATE;
ALTER TABLE no_contact_pair ADD COLUMN until_date DATE;
ALTER TABLE no_contact_pair ADD COLUMN created_at DATETIME(3);

-- Who added or removed which pair, and when. No foreign key to the pair: the history outlives a removed pair.
CREATE TABLE no_contact_change (
    id          VARCHAR(36) NOT NULL PRIMARY KEY,
    district_id VARCHAR(36) NOT NULL,
    pair_id     VARCHAR(36) NOT NULL,
    action      VARCHAR(16) NOT NULL,
    actor_id    VARCHAR(36) NOT NULL,
    student_id  VARCHAR(36) NOT NULL,
    partner_id  VARCHAR(36) NOT NULL,
    from_date   DATE,
    until_date  DATE,
    changed_at  DATETIME(3) NOT NULL,
    version     BIGINT      NOT NULL,
    CONSTRAINT fk_nocontact_change_district FOREIGN KEY (district_id) REFERENCES district (id)
);
CREATE INDEX ix_nocontact_change_student ON no_contact_change (district_id, student_id);
CREATE INDEX ix_nocontact_change_partner ON no_contact_change (district_id, partner_id);
