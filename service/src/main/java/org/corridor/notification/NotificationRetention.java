package org.corridor.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Notifications name students, passes and where they went: student data, which a district
 * keeps only for its retention period and not forever. Once a day (02:30 server time,
 * outside school hours) those older than {@code corridor.retention.notification-days} are
 * deleted. Every instance runs it; the delete is idempotent, so several instances running
 * it at once do no harm.
 */
@Component
class NotificationRetention {

    private static final Logger log = LoggerFactory.getLogger(NotificationRetention.class);

    private final NotificationRepository notifications;

    private final Clock clock;

    private final Duration keep;

    NotificationRetention(NotificationRepository notifications, Clock clock,
            @Value("${corridor.retention.notification-days:30}") int days) {
        if (days < 1) {
            throw new IllegalStateException("corridor.retention.notification-days must be at least 1, not " + days);
        }
        this.notifications = notifications;
        this.clock = clock;
        this.keep = Duration.ofDays(days);
    }

    /**
     * Deletes the notifications created before the retention period began; answers how
     * many.
     */
    @Scheduled(cron = "0 30 2 * * *")
    @Transactional
    public int deleteExpired() {
        Instant before = clock.instant().minus(keep);
        int deleted = notifications.deleteCreatedBefore(before);
        log.info("Retention: {} notification(s) created before {} deleted", deleted, before);
        return deleted;
    }

}
