package org.corridor.notification;

import java.time.Instant;

public record NotificationDelivered(String notificationId, String recipientId, String passId, NotificationKind kind, Instant at) {
}
