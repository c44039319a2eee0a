-- Issue 22: email for what must not wait.
-- Whom a school emails, per kind of notice (school.SchoolSettings):
--   email_escalations_to   ESCALATION_CONTACTS (whoever the escalation went to) or NOBODY;
--   email_ended_by_system_to DEPARTING_TEACHER (the teacher the student left) or NOBODY;
--   email_emergencies_to   ALL_STAFF, ADMINISTRATORS or NOBODY: who is told when an emergency is declared or
--                          cleared, in the notification centre and by email.
ALTER TABLE school ADD email_escalations_to VARCHAR(30) NOT NULL DEFAULT 'ESCALATION_CONTACTS';
ALTER TABLE school ADD email_ended_by_system_to VARCHAR(30) NOT NULL DEFAULT 'DEPARTING_TEACHER';
ALTER TABLE school ADD email_emergencies_to VARCHAR(30) NOT NULL DEFAULT 'ALL_STAFF';

-- A person's own choice per kind of notification (GET/PUT /api/me/notification-preferences). No row: the
-- default, email on. One row per person and kind; the person's row is locked while their choices change.
CREATE TABLE notification_preference (
    id        VARCHAR(36) NOT NULL PRIMARY KEY,
    person_id VARCHAR(36) NOT NULL,
    kind      VARCHAR(40) NOT NULL,
    email     BOOLEAN     NOT NULL,
    version   BIGINT      NOT NULL,
    CONSTRAINT uq_notification_preference UNIQUE (person_id, kind),
    CONSTRAINT fk_notification_preference_person FOREIGN KEY (person_id) REFERENCES person (id) ON DELETE CASCADE
);
