package org.corridor.notification;

import java.time.Instant;

/**
 * A notification was stored and its transaction committed. Published once, on the
 * instance that stored it (never fanned out across instances), so a channel that leaves
 * the service (browser push, email) sends it exactly once. Published on the committing
 * thread: a listener that talks to the outside world must hand the work to its own
 * executor rather than hold a request or job-executor thread.
 */
public record NotificationSent(String notificationId, String districtId, String recipientId, NotificationKind kind,
        String passId, String title, String body, Instant createdAt) {
}
