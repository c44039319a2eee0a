-- Emails waiting to be sent, or sent again after a server that could not take them for now (email.EmailOutbox).
-- A row per emailed notification, written when the notification is announced and deleted once the email is
-- accepted or given up: an instance that stops leaves its rows for another instance, or for itself once restarted.
-- An instance sending a row claims it until claimed_until (a conditional update), so one instance sends it;
-- a claim that outlives its instance lapses and the row is taken again. Rows go with their notification.
CREATE TABLE email_outbox (
    notification_id VARCHAR(36) NOT NULL PRIMARY KEY,
    attempt         INT         NOT NULL,
    due_at          DATETIME(3) NOT NULL,
    claimed_until   DATETIME(3),
    version         BIGINT      NOT NULL,
    CONSTRAINT fk_email_outbox_notification FOREIGN KEY (notification_id)
        REFERENCES notification (id) ON DELETE CASCADE
);
CREATE INDEX ix_email_outbox_due ON email_outbox (due_at);
