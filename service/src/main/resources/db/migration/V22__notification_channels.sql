-- Issue 22: a notification may leave by more than one channel. Its screen delivery is the
-- notification's own delivered_at (the first write to an open stream); every push to a browser's push
-- service and every email is one row here, with whether the other side accepted it, so the routing
-- diagnostics and the auditor's timeline can say which way a request reached (or failed to reach) a
-- teacher. Rows go with their notification (retention deletes notifications).
CREATE TABLE notification_channel (
    id              VARCHAR(36)  NOT NULL PRIMARY KEY,
    notification_id VARCHAR(36)  NOT NULL,
    channel         VARCHAR(16)  NOT NULL,
    sent_at         DATETIME(3)  NOT NULL,
    accepted        BOOLEAN      NOT NULL,
    detail          VARCHAR(200),
    version         BIGINT       NOT NULL,
    CONSTRAINT fk_notification_channel_notification FOREIGN KEY (notification_id)
        REFERENCES notification (id) ON DELETE CASCADE
);
CREATE INDEX ix_notification_channel_notification ON notification_channel (notification_id, sent_at);
