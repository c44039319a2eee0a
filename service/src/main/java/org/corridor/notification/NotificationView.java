package org.corridor.notification;

import java.time.Instant;
import io.swagger.v3.oas.annotations.media.Schema;

/** A notification as the API and the event stream show it. */
public record NotificationView(String id, NotificationKind kind, @Schema(nullable = true) String passId, String title,
        String body, Instant createdAt, @Schema(nullable = true) Instant deliveredAt,
        @Schema(nullable = true) Instant seenAt) {
    static NotificationView of(Notification n) {
        return new NotificationView(n.getId(), n.getKind(), n.getPassId(), n.getTitle(), n.getBody(), n.getCreatedAt(),
                n.getDeliveredAt(), n.getSeenAt());
    }
}
