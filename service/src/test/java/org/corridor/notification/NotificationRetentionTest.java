package org.corridor.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import org.corridor.testing.OnMariaDb;

/**
 * Notifications are student data: deleted once older than the retention period (30 days
 * by default).
 */
@OnMariaDb
class NotificationRetentionTest extends NotificationTestSupport {

    @Autowired
    NotificationRetention retention;

    @Test
    void retentionDeletesOldNotificationsOnly() {
        String old = send("rivera", NotificationKind.REQUEST, "pass-1");
        String recent = send("rivera", NotificationKind.REQUEST, "pass-2");
        createdAt(old, Instant.now().minus(Duration.ofDays(31)));
        createdAt(recent, Instant.now().minus(Duration.ofDays(29)));

        int deleted = retention.deleteExpired();

        assertThat(deleted).isEqualTo(1);
        assertThat(jdbc.queryForList("select id from notification", String.class)).containsExactly(recent);
    }

}
