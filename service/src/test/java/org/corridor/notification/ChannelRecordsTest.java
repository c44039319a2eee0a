package org.corridor.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import org.corridor.testing.OnMariaDb;

/**
 * What leaves the service besides the screen: the event that starts it, and its record.
 */
@OnMariaDb
class ChannelRecordsTest extends NotificationTestSupport {

    @Autowired
    ChannelRecords channels;

    @Test
    void committedNotificationIsAnnouncedOnceWithItsContent() {
        String id = send("rivera", NotificationKind.REQUEST, "pass-1");

        assertThat(sent).singleElement().satisfies(s -> {
            assertThat(s.notificationId()).isEqualTo(id);
            assertThat(s.recipientId()).isEqualTo(person("rivera").getId());
            assertThat(s.districtId()).isEqualTo(person("rivera").getDistrictId());
            assertThat(s.kind()).isEqualTo(NotificationKind.REQUEST);
            assertThat(s.passId()).isEqualTo("pass-1");
            assertThat(s.title()).isEqualTo("Title REQUEST");
        });
    }

    @Test
    void rolledBackNotificationIsNotAnnounced() {
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            notifications.send(person("rivera").getDistrictId(), person("rivera").getId(), NotificationKind.REQUEST,
                    "pass-1", "Rolled back", "");
            status.setRollbackOnly();
        });

        assertThat(sent).isEmpty();
    }

    @Test
    void attemptsAreListedOldestFirstWithWhetherAccepted() {
        String id = send("rivera", NotificationKind.REQUEST, "pass-1");

        channels.record(id, NotificationChannel.PUSH, true, null);
        channels.record(id, NotificationChannel.EMAIL, false, "550 mailbox unavailable");

        assertThat(channels.of(List.of(id)))
            .extracting(ChannelRecords.Attempt::channel, ChannelRecords.Attempt::accepted,
                    ChannelRecords.Attempt::detail)
            .containsExactly(org.assertj.core.groups.Tuple.tuple(NotificationChannel.PUSH, true, null),
                    org.assertj.core.groups.Tuple.tuple(NotificationChannel.EMAIL, false, "550 mailbox unavailable"));
    }

    @Test
    void screenIsNotRecordedAsAnAttempt() {
        String id = send("rivera", NotificationKind.REQUEST, "pass-1");

        assertThatThrownBy(() -> channels.record(id, NotificationChannel.SCREEN, true, null))
            .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void attemptsGoWithTheirNotification() {
        String id = send("rivera", NotificationKind.REQUEST, "pass-1");
        channels.record(id, NotificationChannel.PUSH, true, null);

        jdbc.update("delete from notification where id = ?", id);

        assertThat(jdbc.queryForObject("select count(*) from notification_channel", Integer.class)).isZero();
    }

}
