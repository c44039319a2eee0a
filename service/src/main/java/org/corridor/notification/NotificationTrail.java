package org.corridor.notification;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which ways the notifications about passes went out: for each, its recipient, when an
 * open screen got it, and each push or email attempt. For routing diagnostics and the
 * auditor's timeline, whose callers have already checked the passes are theirs to read;
 * the district is named in the query all the same.
 */
@Service
public class NotificationTrail {

    private final NotificationRepository notifications;

    private final ChannelRecords records;

    NotificationTrail(NotificationRepository notifications, ChannelRecords records) {
        this.notifications = notifications;
        this.records = records;
    }

    /**
     * One notification and how it went out. {@code screenAt}: its first write to an open
     * screen, or null.
     */
    public record Delivery(String notificationId, String recipientId, NotificationKind kind, Instant createdAt,
            Instant screenAt, Instant seenAt, List<ChannelRecords.Attempt> attempts) {
    }

    /**
     * The notifications of these passes (only the request kinds when
     * {@code requestsOnly}), oldest first, by pass id.
     */
    @Transactional(readOnly = true)
    public Map<String, List<Delivery>> of(String districtId, Collection<String> passIds, boolean requestsOnly) {
        if (passIds.isEmpty()) {
            return Map.of();
        }
        List<Notification> found = notifications.aboutPasses(districtId, passIds)
            .stream()
            .filter(n -> !requestsOnly || n.getKind().isRequest())
            .toList();
        Map<String, List<ChannelRecords.Attempt>> attempts = records
            .of(found.stream().map(Notification::getId).toList())
            .stream()
            .collect(Collectors.groupingBy(ChannelRecords.Attempt::notificationId));
        return found.stream()
            .collect(Collectors.groupingBy(Notification::getPassId, LinkedHashMap::new,
                    Collectors.mapping(
                            n -> new Delivery(n.getId(), n.getPersonId(), n.getKind(), n.getCreatedAt(),
                                    n.getDeliveredAt(), n.getSeenAt(), attempts.getOrDefault(n.getId(), List.of())),
                            Collectors.toList())));
    }

}
