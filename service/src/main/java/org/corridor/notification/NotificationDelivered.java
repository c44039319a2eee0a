package org.corridor.notification;

import java.time.Instant;

/**
 * A notification about a pass reached its recipient: written to at least one of their
 * open screens ({@code channel} SCREEN: a real, successful write to a server-sent-event
 * stream, live or replayed on connect), or shown by a browser's service worker, which
 * said so ({@code channel} PUSH). Published on every such push, so listeners must be
 * idempotent (for example: set a pass's deliveredAt only if unset).
 * <p>
 * Published inside a short transaction of its own, on a notification push thread: a plain
 * {@code @EventListener} joins that transaction, a {@code @TransactionalEventListener}
 * runs after it commits.
 */
public record NotificationDelivered(String notificationId, String recipientId, String passId, NotificationKind kind,
        Instant at, NotificationChannel channel) {
}
