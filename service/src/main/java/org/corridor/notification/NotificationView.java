package org.corridor.notification;

import java.time.Instant;

/** A notification as the API and the event stream show it. */
public record NotificationView(String id, NotificationKind kind, String passId, String title, String body,
        Instant createdAt, Instant deliveredAt, Instant seenAt) {
    static NotificationView of(Notification n) {
        return new NotificationView(n.getId(), n.getKind(), n.getPassId(), n.getTitle(), n.getBody(), n.getCreatedAt(),
                n.getDeliveredAt(), n.getSeenAt());
    }
}
