package org.corridor.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

import org.corridor.problem.ApiProblem;
import org.corridor.security.Caller;
import org.corridor.testing.OnMariaDb;

/**
 * The notification centre over HTTP: my notifications, newest first, and marking them
 * seen.
 */
@OnMariaDb
class NotificationCentreApiTest extends NotificationTestSupport {

    @Autowired
    NotificationCentre centre;

    @Test
    void notificationSentInsideTransactionIsListedForItsRecipientOnly() {
        String id = send("rivera", NotificationKind.REQUEST, "pass-1");

        var rivera = get("rivera", "/api/notifications").getBody();
        var chen = get("chen", "/api/notifications").getBody();

        assertThat(rivera.get("unreadCount").asInt()).isEqualTo(1);
        var listed = rivera.get("notifications").get(0);
        assertThat(listed.get("id").asText()).isEqualTo(id);
        assertThat(listed.get("kind").asText()).isEqualTo("REQUEST");
        assertThat(listed.get("passId").asText()).isEqualTo("pass-1");
        assertThat(listed.get("title").asText()).isEqualTo("Title REQUEST");
        assertThat(listed.get("body").asText()).isEqualTo("Body of REQUEST");
        assertThat(listed.get("createdAt").asText()).isNotBlank();
        assertThat(listed.get("seenAt").isNull()).isTrue();
        assertThat(chen.get("notifications")).isEmpty();
        assertThat(chen.get("unreadCount").asInt()).isZero();
    }

    @Test
    void listIsNewestFirst() {
        String older = send("rivera", NotificationKind.REQUEST, "pass-1");
        String newer = send("rivera", NotificationKind.ON_THE_WAY, "pass-2");
        createdAt(older, java.time.Instant.now().minusSeconds(60));

        var listed = get("rivera", "/api/notifications").getBody().get("notifications");

        assertThat(listed.findValuesAsText("id")).containsExactly(newer, older);
    }

    @Test
    void unreadOnlyLeavesSeenOnesOut() {
        String seen = send("rivera", NotificationKind.REQUEST, "pass-1");
        String unseen = send("rivera", NotificationKind.REQUEST, "pass-2");
        post("rivera", "/api/notifications/" + seen + "/seen", null);

        var listed = get("rivera", "/api/notifications?unreadOnly=true").getBody().get("notifications");

        assertThat(listed.findValuesAsText("id")).containsExactly(unseen);
    }

    @Test
    void markingSeenLowersUnreadCount() {
        String id = send("rivera", NotificationKind.REQUEST, "pass-1");
        send("rivera", NotificationKind.REQUEST, "pass-2");

        var answer = post("rivera", "/api/notifications/" + id + "/seen", null);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getBody().get("seenAt").isNull()).isFalse();
        assertThat(get("rivera", "/api/notifications").getBody().get("unreadCount").asInt()).isEqualTo(1);
    }

    @Test
    void markingSeenAgainKeepsTheFirstSeenTime() {
        String id = send("rivera", NotificationKind.REQUEST, "pass-1");
        String first = post("rivera", "/api/notifications/" + id + "/seen", null).getBody().get("seenAt").asText();

        var again = post("rivera", "/api/notifications/" + id + "/seen", null);

        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getBody().get("seenAt").asText()).isEqualTo(first);
    }

    @Test
    void markingSomeoneElsesNotificationSeenIs404AndChangesNothing() {
        String riveras = send("rivera", NotificationKind.REQUEST, "pass-1");

        var answer = post("chen", "/api/notifications/" + riveras + "/seen", null);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(answer.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(seenAt(riveras)).isNull();
    }

    @Test
    void markingAnUnknownNotificationSeenIs404() {
        var answer = post("rivera", "/api/notifications/no-such-notification/seen", null);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(answer.getBody().get("detail").asText()).contains("no-such-notification");
    }

    @Test
    void markingAllSeenMarksOnlyMine() {
        send("rivera", NotificationKind.REQUEST, "pass-1");
        send("rivera", NotificationKind.ON_THE_WAY, "pass-2");
        String chens = send("chen", NotificationKind.REQUEST, "pass-3");

        var answer = post("rivera", "/api/notifications/seen", null);

        assertThat(answer.getBody().get("unreadCount").asInt()).isZero();
        assertThat(answer.getBody().get("marked").asInt()).isEqualTo(2);
        assertThat(seenAt(chens)).isNull();
    }

    @Test
    void limitOutOfRangeIsAProblem() {
        for (String limit : new String[] { "0", "101" }) {
            var answer = get("rivera", "/api/notifications?limit=" + limit);

            assertThat(answer.getStatusCode()).as("limit=" + limit).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(answer.getHeaders().getContentType()).hasToString("application/problem+json");
            assertThat(answer.getBody().get("errors").findValuesAsText("field")).containsExactly("limit");
        }
    }

    @Test
    void limitCutsTheList() {
        send("rivera", NotificationKind.REQUEST, "pass-1");
        send("rivera", NotificationKind.REQUEST, "pass-2");

        var answer = get("rivera", "/api/notifications?limit=1").getBody();

        assertThat(answer.get("notifications")).hasSize(1);
        assertThat(answer.get("unreadCount").asInt()).isEqualTo(2);
    }

    @Test
    void signingInIsRequired() {
        var answer = get(null, "/api/notifications");

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void impersonatingAdministratorSeesOwnNotificationsNotTheTeachers() {
        send("rivera", NotificationKind.REQUEST, "pass-1");
        String admins = send("admin", NotificationKind.EMERGENCY, null);
        Caller adminAsRivera = new Caller(person("rivera"), person("admin"), null);

        var inbox = centre.list(adminAsRivera, false, 50);

        assertThat(inbox.notifications()).extracting(NotificationView::id).containsExactly(admins);
        assertThat(inbox.unreadCount()).isEqualTo(1);
    }

    @Test
    void impersonatingAdministratorCannotMarkTheTeachersNotificationSeen() {
        String riveras = send("rivera", NotificationKind.REQUEST, "pass-1");
        Caller adminAsRivera = new Caller(person("rivera"), person("admin"), null);

        assertThatThrownBy(() -> centre.markSeen(adminAsRivera, riveras)).isInstanceOfSatisfying(ApiProblem.class,
                p -> assertThat(p.status()).isEqualTo(HttpStatus.NOT_FOUND));
        assertThat(seenAt(riveras)).isNull();
    }

    @Test
    void kioskHasNoNotifications() {
        Caller kiosk = Caller.kiosk(
                new Caller.Kiosk("kiosk-1", person("rivera").getDistrictId(), schoolId(), "room-1", "Room 204 kiosk"));

        assertThatThrownBy(() -> centre.list(kiosk, false, 50)).isInstanceOfSatisfying(ApiProblem.class,
                p -> assertThat(p.status()).isEqualTo(HttpStatus.FORBIDDEN));
    }

    @Test
    void markingAllSeenWithNothingUnreadMarksNone() {
        var answer = post("rivera", "/api/notifications/seen", Map.of());

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getBody().get("marked").asInt()).isZero();
    }

}
