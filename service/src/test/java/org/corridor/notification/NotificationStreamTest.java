package org.corridor.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.corridor.testing.OnMariaDb;

/** Live popups: GET /api/notifications/stream over a real connection with HTTP Basic. */
@OnMariaDb
class NotificationStreamTest extends NotificationTestSupport {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void streamOpensWithTheUnreadCount() throws Exception {
        send("rivera", NotificationKind.ON_THE_WAY, "pass-1");
        send("rivera", NotificationKind.ON_THE_WAY, "pass-2");

        try (EventStream rivera = stream("rivera")) {
            assertThat(rivera.status()).isEqualTo(200);
            assertThat(rivera.contentType()).startsWith("text/event-stream");
            assertThat(rivera.header("X-Accel-Buffering")).isEqualTo("no");
            var first = rivera.next();
            assertThat(first.name()).isEqualTo("unread");
            assertThat(json.readTree(first.data()).get("unreadCount").asInt()).isEqualTo(2);
        }
    }

    @Test
    void streamPushesNewNotificationLive() throws Exception {
        try (EventStream rivera = stream("rivera")) {
            rivera.next("unread");

            String id = send("rivera", NotificationKind.REQUEST, "pass-1");

            var pushed = rivera.next("notification");
            assertThat(pushed).isNotNull();
            assertThat(pushed.id()).isEqualTo(id);
            JsonNode data = json.readTree(pushed.data());
            assertThat(data.get("id").asText()).isEqualTo(id);
            assertThat(data.get("kind").asText()).isEqualTo("REQUEST");
            assertThat(data.get("passId").asText()).isEqualTo("pass-1");
            assertThat(data.get("title").asText()).isEqualTo("Title REQUEST");
        }
    }

    @Test
    void livePushPublishesDeliveryAndRecordsIt() throws Exception {
        try (EventStream rivera = stream("rivera")) {
            rivera.next("unread");

            String id = send("rivera", NotificationKind.REQUEST, "pass-1");

            assertThat(rivera.next("notification")).isNotNull();
            assertThat(eventually(() -> !delivered.isEmpty())).isTrue();
            var event = delivered.get(0);
            assertThat(event.notificationId()).isEqualTo(id);
            assertThat(event.recipientId()).isEqualTo(person("rivera").getId());
            assertThat(event.passId()).isEqualTo("pass-1");
            assertThat(event.kind()).isEqualTo(NotificationKind.REQUEST);
            assertThat(eventually(() -> deliveredAt(id) != null)).isTrue();
        }
    }

    @Test
    void notificationWithNoOpenScreenIsNeitherPublishedNorMarkedDelivered() throws Exception {
        String id = send("rivera", NotificationKind.REQUEST, "pass-1");
        // a marker through the same push path, to another person's open stream
        try (EventStream chen = stream("chen")) {
            chen.next("unread");
            String marker = send("chen", NotificationKind.ON_THE_WAY, "pass-2");
            assertThat(chen.next("notification").id()).isEqualTo(marker);
        }

        assertThat(eventually(() -> delivered.stream().anyMatch(d -> d.passId().equals("pass-2")))).isTrue();
        assertThat(delivered).noneMatch(d -> d.notificationId().equals(id));
        assertThat(deliveredAt(id)).isNull();
    }

    @Test
    void streamDoesNotCarrySomeoneElsesNotifications() throws Exception {
        try (EventStream chen = stream("chen")) {
            chen.next("unread");

            send("rivera", NotificationKind.REQUEST, "pass-1");
            String chens = send("chen", NotificationKind.REQUEST, "pass-2");

            assertThat(chen.next("notification").id()).isEqualTo(chens);
        }
    }

    @Test
    void everyOpenTabOfTheRecipientGetsTheNotification() throws Exception {
        try (EventStream first = stream("rivera"); EventStream second = stream("rivera")) {
            first.next("unread");
            second.next("unread");

            String id = send("rivera", NotificationKind.REQUEST, "pass-1");

            assertThat(first.next("notification").id()).isEqualTo(id);
            assertThat(second.next("notification").id()).isEqualTo(id);
        }
    }

    @Test
    void streamReplaysUndeliveredRequestOnConnect() throws Exception {
        String id = send("rivera", NotificationKind.REQUEST, "pass-1");

        try (EventStream rivera = stream("rivera")) {
            assertThat(rivera.next().name()).isEqualTo("unread");
            var replayed = rivera.next();
            assertThat(replayed.name()).isEqualTo("notification");
            assertThat(replayed.id()).isEqualTo(id);
            assertThat(eventually(() -> deliveredAt(id) != null)).isTrue();
            assertThat(eventually(() -> delivered.stream().anyMatch(d -> d.notificationId().equals(id)))).isTrue();
        }
    }

    @Test
    void deliveredRequestIsNotReplayedOnTheNextConnect() throws Exception {
        String delivered = send("rivera", NotificationKind.REQUEST, "pass-1");
        try (EventStream rivera = stream("rivera")) {
            assertThat(rivera.next("notification").id()).isEqualTo(delivered);
        }
        assertThat(eventually(() -> deliveredAt(delivered) != null)).isTrue();
        String later = send("rivera", NotificationKind.REQUEST, "pass-2");

        try (EventStream rivera = stream("rivera")) {
            assertThat(rivera.next("notification").id()).isEqualTo(later);
        }
    }

    @Test
    void seenAndOldAndNonRequestNotificationsAreNotReplayedOnConnect() throws Exception {
        String seen = send("rivera", NotificationKind.REQUEST, "pass-1");
        post("rivera", "/api/notifications/" + seen + "/seen", null);
        String old = send("rivera", NotificationKind.REQUEST, "pass-2");
        createdAt(old, Instant.now().minus(Duration.ofHours(13)));
        send("rivera", NotificationKind.ON_THE_WAY, "pass-3");
        String fresh = send("rivera", NotificationKind.REQUEST_ESCALATED, "pass-4");

        try (EventStream rivera = stream("rivera")) {
            assertThat(rivera.next().name()).isEqualTo("unread");
            assertThat(rivera.next().id()).isEqualTo(fresh);
            assertThat(rivera.poll(Duration.ofSeconds(1))).isNull();
        }
    }

    @Test
    void streamHonoursLastEventId() throws Exception {
        String a = send("rivera", NotificationKind.ON_THE_WAY, "pass-1");
        String b = send("rivera", NotificationKind.PASS_STARTED, "pass-2");
        String c = send("rivera", NotificationKind.LONG_RUNNING, "pass-3");
        Instant now = Instant.now();
        createdAt(a, now.minusSeconds(30));
        createdAt(b, now.minusSeconds(20));
        createdAt(c, now.minusSeconds(10));

        try (EventStream rivera = EventStream.open(port, "rivera", a)) {
            assertThat(rivera.next().name()).isEqualTo("unread");
            assertThat(rivera.next().id()).isEqualTo(b);
            assertThat(rivera.next().id()).isEqualTo(c);
            assertThat(rivera.poll(Duration.ofSeconds(1))).isNull();
        }
    }

    @Test
    void lastEventIdOfSomeoneElseReplaysNothingOfTheirs() throws Exception {
        String chens = send("chen", NotificationKind.ON_THE_WAY, "pass-1");
        send("chen", NotificationKind.ON_THE_WAY, "pass-2");

        try (EventStream rivera = EventStream.open(port, "rivera", chens)) {
            assertThat(rivera.next().name()).isEqualTo("unread");
            assertThat(rivera.poll(Duration.ofSeconds(1))).isNull();
        }
    }

    @Test
    void heartbeatReachesOpenStreams() throws Exception {
        try (EventStream rivera = stream("rivera")) {
            rivera.next("unread");

            streams.heartbeat();

            assertThat(eventually(() -> rivera.comments().contains("heartbeat"))).isTrue();
        }
    }

    @Test
    void aSixthStreamOfOnePersonEndsTheirOldest() throws Exception {
        String riveraId = person("rivera").getId();
        java.util.List<EventStream> tabs = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                EventStream tab = stream("rivera");
                tab.next("unread");
                tabs.add(tab);
            }
            assertThat(streams.openStreams(riveraId)).isEqualTo(5);

            EventStream sixth = stream("rivera");
            tabs.add(sixth);
            sixth.next("unread");

            assertThat(tabs.get(0).next("superseded").data()).contains("At most 5 screens");
            assertThat(tabs.get(0).ends()).isTrue();
            assertThat(streams.openStreams(riveraId)).isEqualTo(5);
            String id = send("rivera", NotificationKind.REQUEST, "pass-1");
            for (EventStream open : tabs.subList(1, 6)) {
                assertThat(open.next("notification").id()).isEqualTo(id);
            }
        }
        finally {
            for (EventStream tab : tabs) {
                tab.close();
            }
        }
    }

    @Test
    void closedStreamIsDroppedFromTheRegistry() throws Exception {
        String riveraId = person("rivera").getId();
        EventStream rivera = stream("rivera");
        rivera.next("unread");
        assertThat(streams.openStreams(riveraId)).isEqualTo(1);

        rivera.close();

        // the container reports the closed connection, or a heartbeat write fails on it
        assertThat(eventually(() -> {
            streams.heartbeat();
            return streams.openStreams(riveraId) == 0;
        })).isTrue();
    }

    @Test
    void streamEndedByTheServerEndsCleanlyForTheClient() throws Exception {
        // Ending a stream makes Spring MVC dispatch the request again
        // (DispatcherType.ASYNC), which
        // Spring Security authorizes again: with HTTP Basic it must still find the
        // caller.
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        root.addAppender(logged);
        try (EventStream rivera = stream("rivera")) {
            rivera.next("unread");

            streams.close(person("rivera").getId());

            assertThat(rivera.ends()).isTrue();
            assertThat(streams.openStreams(person("rivera").getId())).isZero();
            // a refused ASYNC dispatch shows as "Unable to handle the Spring Security
            // Exception because the
            // response is already committed", logged as an error by the servlet container
            assertThat(logged.list).noneMatch(e -> e.getLevel() == Level.ERROR);
        }
        finally {
            root.detachAppender(logged);
        }
    }

    @Test
    void streamNeedsSigningIn() throws Exception {
        var answer = get(null, "/api/notifications/stream");

        assertThat(answer.getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void requestNeverAnnouncedIsPushedToTheOpenStreamByTheRepair() throws Exception {
        try (EventStream rivera = stream("rivera")) {
            rivera.next("unread");
            String lost = unannouncedRequest("rivera", Duration.ofSeconds(10));

            streams.repairLostAnnouncements();

            assertThat(rivera.next("notification").id()).isEqualTo(lost);
            assertThat(eventually(() -> deliveredAt(lost) != null)).isTrue();
        }
    }

    @Test
    void requestStillWithinItsAnnouncementIsLeftToTheNormalPath() throws Exception {
        try (EventStream rivera = stream("rivera")) {
            rivera.next("unread");
            String fresh = unannouncedRequest("rivera", Duration.ZERO);

            streams.repairLostAnnouncements();

            assertThat(deliveredAt(fresh)).isNull();
        }
    }

    @Test
    void noticeNeverAnnouncedIsPushedToTheStreamOpenWhenItWasMade() throws Exception {
        try (EventStream rivera = stream("rivera")) {
            rivera.next("unread");
            String lost = unannounced("rivera", NotificationKind.LONG_RUNNING, Duration.ofSeconds(5));

            streams.repairLostAnnouncements();

            assertThat(rivera.next("notification").id()).isEqualTo(lost);
            assertThat(eventually(() -> deliveredAt(lost) != null)).isTrue();
        }
    }

    // In the next two, a live notification sent after the repair comes first only if the
    // repair pushed nothing: the pushes to one person are written in order.
    @Test
    void noticeMadeLongBeforeTheScreenOpenedIsLeftToTheList() throws Exception {
        String old = unannounced("rivera", NotificationKind.LONG_RUNNING, Duration.ofSeconds(60));
        try (EventStream rivera = stream("rivera")) {
            rivera.next("unread");

            streams.repairLostAnnouncements();

            String marker = send("rivera", NotificationKind.ON_THE_WAY, "pass-marker");
            assertThat(rivera.next("notification").id()).as("the first push after the repair").isEqualTo(marker);
            assertThat(deliveredAt(old)).isNull();
        }
    }

    @Test
    void requestDecidedBeforeTheRepairIsNotPushed() throws Exception {
        try (EventStream rivera = stream("rivera")) {
            rivera.next("unread");
            String settled = unannounced("rivera", NotificationKind.REQUEST, Duration.ofSeconds(10));
            jdbc.update("update notification set seen_at = created_at where id = ?", settled);

            streams.repairLostAnnouncements();

            String marker = send("rivera", NotificationKind.ON_THE_WAY, "pass-marker");
            assertThat(rivera.next("notification").id()).as("the first push after the repair").isEqualTo(marker);
            assertThat(deliveredAt(settled)).isNull();
        }
    }

    @Test
    void repairLeavesWhatAReconnectingScreenAlreadyHad() throws Exception {
        String had = unannounced("rivera", NotificationKind.ON_THE_WAY, Duration.ofSeconds(30));
        try (EventStream rivera = EventStream.open(port, "rivera", had)) {
            rivera.next("unread");

            streams.repairLostAnnouncements();

            String marker = send("rivera", NotificationKind.ON_THE_WAY, "pass-marker");
            assertThat(rivera.next("notification").id()).as("the first push after the repair").isEqualTo(marker);
        }
    }

    @Test
    void repairIsNotCrowdedOutByTheNotificationsOfPeopleWithNoScreenOpen() throws Exception {
        // more unread, undelivered notifications of someone with no screen than one read
        // takes, all older than the one lost for the teacher with a screen
        List<Object[]> crowd = new java.util.ArrayList<>();
        java.time.LocalDateTime earlier = java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).minusSeconds(60);
        for (int i = 0; i <= NotificationStreams.REPAIR_LIMIT; i++) {
            crowd.add(new Object[] { java.util.UUID.randomUUID().toString(), person("ava").getDistrictId(),
                    person("ava").getId(), earlier.plusNanos(i * 1_000_000L) });
        }
        jdbc.batchUpdate("insert into notification (id, district_id, person_id, kind, pass_id, title, body, created_at,"
                + " version) values (?, ?, ?, 'ON_THE_WAY', 'pass-crowd', 'Crowd', '', ?, 0)", crowd);
        try (EventStream rivera = stream("rivera")) {
            rivera.next("unread");
            String lost = unannouncedRequest("rivera", Duration.ofSeconds(10));

            streams.repairLostAnnouncements();

            assertThat(rivera.next("notification").id()).isEqualTo(lost);
        }
        finally {
            jdbc.update("delete from notification where pass_id = 'pass-crowd'");
        }
    }

    /**
     * A request row as an instance that died between its commit and its announcement
     * leaves it: stored, never pushed.
     */
    private String unannouncedRequest(String to, Duration age) {
        return unannounced(to, NotificationKind.REQUEST, age);
    }

    private String unannounced(String to, NotificationKind kind, Duration age) {
        String id = java.util.UUID.randomUUID().toString();
        jdbc.update(
                "insert into notification (id, district_id, person_id, kind, pass_id, title, body, created_at,"
                        + " version) values (?, ?, ?, ?, 'pass-lost', 'Lost', '', ?, 0)",
                id, person(to).getDistrictId(), person(to).getId(), kind.name(),
                java.time.LocalDateTime.ofInstant(Instant.now().minus(age), java.time.ZoneOffset.UTC));
        return id;
    }

}
