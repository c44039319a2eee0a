package org.corridor.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionTemplate;

import org.corridor.testing.OnMariaDb;

/** Sending and settling, as the pass package calls them: inside its transactions. */
@OnMariaDb
class NotificationsTest extends NotificationTestSupport {

    @Test
    void rolledBackNotificationIsNeitherStoredNorPushed() throws Exception {
        try (EventStream rivera = stream("rivera")) {
            rivera.next("unread");
            String districtId = person("rivera").getDistrictId();
            String riveraId = person("rivera").getId();
            new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
                notifications.send(districtId, riveraId, NotificationKind.REQUEST, "pass-1", "Rolled back", "");
                status.setRollbackOnly();
            });
            String marker = send("rivera", NotificationKind.ON_THE_WAY, "pass-2");

            // events of one person arrive in order: the first one after the rollback is
            // the marker
            assertThat(rivera.next("notification").id()).isEqualTo(marker);
            assertThat(count()).isEqualTo(1);
        }
    }

    @Test
    void notificationIsPushedOnlyAfterTheSendersCommit() throws Exception {
        try (EventStream rivera = stream("rivera")) {
            rivera.next("unread");
            String districtId = person("rivera").getDistrictId();
            String riveraId = person("rivera").getId();
            new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
                notifications.send(districtId, riveraId, NotificationKind.REQUEST, "pass-1", "Request", "");
                // a slow machine can only make this pass more easily
                assertThat(rivera.poll(Duration.ofSeconds(1))).isNull();
            });

            assertThat(rivera.next("notification")).isNotNull();
        }
    }

    @Test
    void sendWithoutTransactionStoresAtOnce() {
        notifications.send(person("rivera").getDistrictId(), person("rivera").getId(), NotificationKind.EMERGENCY, null,
                "Emergency", "Stay in your rooms");

        assertThat(get("rivera", "/api/notifications").getBody().get("unreadCount").asInt()).isEqualTo(1);
    }

    @Test
    void overlongTitleAndBodyAreShortenedNotRefused() {
        notifications.send(person("rivera").getDistrictId(), person("rivera").getId(), NotificationKind.REQUEST,
                "pass-1", "t".repeat(500), "b".repeat(5000));

        var listed = get("rivera", "/api/notifications").getBody().get("notifications").get(0);
        assertThat(listed.get("title").asText()).hasSize(Notification.TITLE_MAX);
        assertThat(listed.get("body").asText()).hasSize(Notification.BODY_MAX);
    }

    @Test
    void settleMarksRequestNotificationsSeen() {
        String request = send("rivera", NotificationKind.REQUEST, "pass-1");
        String again = send("rivera", NotificationKind.REQUEST_AGAIN, "pass-1");
        String escalated = send("admin", NotificationKind.REQUEST_ESCALATED, "pass-1");

        new TransactionTemplate(transactionManager).executeWithoutResult(status -> notifications.settle("pass-1"));

        assertThat(seenAt(request)).isNotNull();
        assertThat(seenAt(again)).isNotNull();
        assertThat(seenAt(escalated)).isNotNull();
    }

    @Test
    void settleLeavesOtherKindsAndOtherPassesUnread() {
        String onTheWay = send("okafor", NotificationKind.ON_THE_WAY, "pass-1");
        String otherPass = send("rivera", NotificationKind.REQUEST, "pass-2");

        new TransactionTemplate(transactionManager).executeWithoutResult(status -> notifications.settle("pass-1"));

        assertThat(seenAt(onTheWay)).isNull();
        assertThat(seenAt(otherPass)).isNull();
    }

    @Test
    void settleRolledBackWithItsCallerChangesNothing() {
        String request = send("rivera", NotificationKind.REQUEST, "pass-1");

        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            notifications.settle("pass-1");
            status.setRollbackOnly();
        });

        assertThat(seenAt(request)).isNull();
    }

    @Test
    void requestKindsAreTheThreeRequestKinds() {
        assertThat(Notifications.REQUEST_KINDS).containsExactly(NotificationKind.REQUEST,
                NotificationKind.REQUEST_AGAIN, NotificationKind.REQUEST_ESCALATED);
    }

}
