package org.corridor.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which ways a notification went out besides the screen: each push to a browser's push
 * service and each email is recorded with its time and whether it was accepted. Callers
 * have already checked that the notification is the caller's to see; ids are never taken
 * from a request here.
 */
@Service
public class ChannelRecords {

    private final ChannelRecordRepository records;

    private final Clock clock;

    ChannelRecords(ChannelRecordRepository records, Clock clock) {
        this.records = records;
        this.clock = clock;
    }

    /** One attempt, now. Runs in its own transaction when the caller has none. */
    @Transactional
    public void record(String notificationId, NotificationChannel channel, boolean accepted, String detail) {
        Objects.requireNonNull(notificationId, "notificationId");
        if (channel == NotificationChannel.SCREEN) {
            throw new IllegalArgumentException("screen delivery is the notification's own deliveredAt");
        }
        records.save(new ChannelRecord(notificationId, channel, clock.instant(), accepted, detail));
    }

    /** Whether this attempt was recorded already (a report that must count once). */
    @Transactional(readOnly = true)
    public boolean recorded(String notificationId, NotificationChannel channel, String detail) {
        return records.recorded(notificationId, channel, detail);
    }

    /** The attempts for these notifications, oldest first. */
    @Transactional(readOnly = true)
    public List<Attempt> of(Collection<String> notificationIds) {
        if (notificationIds.isEmpty()) {
            return List.of();
        }
        return records.findByNotificationIds(notificationIds)
            .stream()
            .map(r -> new Attempt(r.getNotificationId(), r.getChannel(), r.getSentAt(), r.isAccepted(), r.getDetail()))
            .toList();
    }

    /** One push or email attempt, as diagnostics and the auditor show it. */
    public record Attempt(String notificationId, NotificationChannel channel, Instant at, boolean accepted,
            @Schema(nullable = true) String detail) {
    }

}
