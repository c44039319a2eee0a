package org.corridor.pass;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;

import com.fasterxml.jackson.databind.JsonNode;

import org.corridor.notification.EventStream;
import org.corridor.testing.ApiTest;
import org.corridor.testing.OnMariaDb;

/**
 * What the lifecycle's timers do to a pass, seen through the API. The test fires each
 * timer itself instead of waiting for the school's minutes to pass.
 */
@OnMariaDb
class PassTimersApiTest extends ApiTest {

    @LocalServerPort
    int port;

    /** The delivery is written just after the push, on the server's push thread. */
    private boolean deliveredWithinPatience(String passId) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            if (!pass("ava", passId).get("deliveredAt").isNull()) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    /** Other tests rely on the demo school's defaults (V1 and V3 migrations). */
    @AfterEach
    void restoreTheDemoSchoolsSettings() {
        jdbc.update("""
                update school set long_running_minutes = 10, auto_end_minutes = 45, request_expiry_minutes = 15,
                  resend_after_seconds = 120, escalate_after_seconds = 300, escalate_to = 'ADMINISTRATORS'""");
        schoolsOrLocationsChangedInSql();
    }

    private void changeSettings(Map<String, Object> settings) {
        var answer = put("admin", "/api/admin/schools/" + schoolId() + "/settings", settings);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    private Instant dueDate(String passId, String timerId) {
        return management.createJobQuery().jobId(timerJobId(passId, timerId)).singleResult().getDuedate().toInstant();
    }

    /**
     * Within the call's time, widened by a second each way: the engine's timestamps may
     * keep whole seconds.
     */
    private static Instant[] during(Instant before, Instant after, Duration wait) {
        return new Instant[] { before.minusSeconds(1).plus(wait), after.plusSeconds(1).plus(wait) };
    }

    // --- when the timers are due

    @Test
    void requestTimersAreDueAfterTheSchoolsSettings() {
        changeSettings(Map.of("resendAfterSeconds", 100, "escalateAfterSeconds", 200, "requestExpiryMinutes", 7));
        Instant before = Instant.now();
        String id = request("ava", "Restroom").getBody().get("id").asText();
        Instant after = Instant.now();

        Instant[] resend = during(before, after, Duration.ofSeconds(100));
        Instant[] escalate = during(before, after, Duration.ofSeconds(200));
        Instant[] expiry = during(before, after, Duration.ofMinutes(7));
        assertThat(dueDate(id, "Boundary_ResendUnseen")).isBetween(resend[0], resend[1]);
        assertThat(dueDate(id, "Boundary_EscalateUnseen")).isBetween(escalate[0], escalate[1]);
        assertThat(dueDate(id, "Boundary_RequestExpired")).isBetween(expiry[0], expiry[1]);
    }

    @Test
    void outTimersTakeTheSettingsInForceWhenTheStudentLeaves() {
        String id = request("ava", "Restroom").getBody().get("id").asText();
        changeSettings(Map.of("longRunningMinutes", 20, "autoEndMinutes", 60));
        Instant before = Instant.now();
        post("rivera", "/api/passes/" + id + "/approve", Map.of());
        Instant after = Instant.now();

        Instant[] longRunning = during(before, after, Duration.ofMinutes(20));
        Instant[] autoEnd = during(before, after, Duration.ofMinutes(60));
        assertThat(dueDate(id, "Boundary_LongRunning")).isBetween(longRunning[0], longRunning[1]);
        assertThat(dueDate(id, "Boundary_AutoEnd")).isBetween(autoEnd[0], autoEnd[1]);
    }

    @Test
    void timersAlreadySetKeepTheirDueDatesWhenTheSchoolChangesItsSettings() {
        String id = out("ava", "Restroom");
        Instant longRunning = dueDate(id, "Boundary_LongRunning");
        Instant autoEnd = dueDate(id, "Boundary_AutoEnd");

        changeSettings(Map.of("longRunningMinutes", 20, "autoEndMinutes", 60));

        assertThat(dueDate(id, "Boundary_LongRunning")).isEqualTo(longRunning);
        assertThat(dueDate(id, "Boundary_AutoEnd")).isEqualTo(autoEnd);
    }

    // --- what they do

    @Test
    void activePassTurnsYellowWhenLongRunningAndTheDepartingTeacherIsTold() {
        String id = out("ava", "Restroom");

        fireTimer(id, "Boundary_LongRunning");

        JsonNode pass = pass("ava", id);
        assertThat(pass.get("state").asText()).isEqualTo("LONG_RUNNING");
        assertThat(pass.get("color").asText()).isEqualTo("YELLOW");
        assertThat(notificationTitles("rivera", "LONG_RUNNING")).containsExactly("Ava Adams has been out a long time");
    }

    @Test
    void longRunningPassCanStillBeCheckedIn() {
        String id = out("ava", "Restroom");
        fireTimer(id, "Boundary_LongRunning");

        var answer = post("rivera", "/api/passes/" + id + "/check-in", null);

        assertThat(answer.getBody().get("state").asText()).isEqualTo("COMPLETED");
    }

    @Test
    void passIsEndedBySystemAtTheAutoEndLimitAndTurnsRed() {
        String id = out("ava", "Restroom");

        fireTimer(id, "Boundary_AutoEnd");

        JsonNode pass = pass("ava", id);
        assertThat(pass.get("state").asText()).isEqualTo("ENDED_BY_SYSTEM");
        assertThat(pass.get("color").asText()).isEqualTo("RED");
        assertThat(pass.get("endReason").asText()).isEqualTo("Ended after the school's limit of 45 minutes out.");
        assertThat(notificationTitles("ava", "ENDED_BY_SYSTEM")).hasSize(1);
    }

    @Test
    void requestExpiresWhenNobodyDecidesAndTheStudentIsToldWhy() {
        String id = request("ava", "Restroom").getBody().get("id").asText();

        fireTimer(id, "Boundary_RequestExpired");

        JsonNode pass = pass("ava", id);
        assertThat(pass.get("state").asText()).isEqualTo("EXPIRED");
        assertThat(pass.get("endReason").asText()).isEqualTo(
                "No decision within 15 minutes: Ms Rivera never opened it. Ask again, or speak to your teacher.");
        assertThat(notificationTitles("ava", "EXPIRED")).containsExactly("Your request expired");
        assertThat(request("ava", "Restroom").getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void unopenedRequestIsAnnouncedAgain() {
        String id = request("ava", "Restroom").getBody().get("id").asText();

        fireTimer(id, "Boundary_ResendUnseen");

        assertThat(notificationTitles("rivera", "REQUEST_AGAIN"))
            .containsExactly("Still waiting: Ava Adams asks to go to Restroom");
        assertThat(pass("ava", id).get("reannouncedAt").isNull()).isFalse();
    }

    @Test
    void openedRequestIsNotAnnouncedAgain() {
        String id = request("ava", "Restroom").getBody().get("id").asText();
        get("rivera", "/api/passes/" + id);

        fireTimer(id, "Boundary_ResendUnseen");

        assertThat(notificationTitles("rivera", "REQUEST_AGAIN")).isEmpty();
    }

    @Test
    void unopenedRequestIsEscalatedToTheAdministrators() {
        String id = request("ava", "Restroom").getBody().get("id").asText();

        fireTimer(id, "Boundary_EscalateUnseen");

        assertThat(notificationTitles("admin", "REQUEST_ESCALATED"))
            .containsExactly("Unopened request: Ava Adams to Restroom");
        assertThat(pass("ava", id).get("status").asText()).contains("— escalated ");
    }

    @Test
    void unopenedRequestIsEscalatedToCoTeachersWhenTheSchoolSaysSo() {
        jdbc.update("update school set escalate_to = 'CO_TEACHERS'");
        String id = request("ava", "Restroom").getBody().get("id").asText();

        fireTimer(id, "Boundary_EscalateUnseen");

        assertThat(notificationTitles("chen", "REQUEST_ESCALATED")).hasSize(1);
        assertThat(notificationTitles("admin", "REQUEST_ESCALATED")).isEmpty();
    }

    @Test
    void removedDistrictAdministratorIsNotToldOfAnEscalation() {
        String admin = personId("admin@corridor.test");
        jdbc.update("update person set removed_at = current_timestamp where id = ?", admin);
        try {
            String id = request("ava", "Restroom").getBody().get("id").asText();

            fireTimer(id, "Boundary_EscalateUnseen");

            assertThat(escalationsOf(id, admin)).isZero();
        }
        finally {
            jdbc.update("update person set removed_at = null where id = ?", admin);
        }
    }

    @Test
    void escalationToCoTeachersSkipsARemovedCoTeacherAndFallsBackToTheAdministrators() {
        jdbc.update("update school set escalate_to = 'CO_TEACHERS'");
        String chen = personId("chen@corridor.test");
        jdbc.update("update person set removed_at = current_timestamp where id = ?", chen);
        try {
            String id = request("ava", "Restroom").getBody().get("id").asText();

            fireTimer(id, "Boundary_EscalateUnseen");

            assertThat(escalationsOf(id, chen)).isZero();
            assertThat(escalationsOf(id, personId("admin@corridor.test"))).isOne();
        }
        finally {
            jdbc.update("update person set removed_at = null where id = ?", chen);
        }
    }

    private String personId(String email) {
        return jdbc.queryForObject("select id from person where email = ?", String.class, email);
    }

    private int escalationsOf(String passId, String personId) {
        return jdbc.queryForObject(
                "select count(*) from notification where pass_id = ? and person_id = ? and kind = 'REQUEST_ESCALATED'",
                Integer.class, passId, personId);
    }

    @Test
    void coTeacherCanDecideARequestOnceItWasEscalatedToThem() {
        jdbc.update("update school set escalate_to = 'CO_TEACHERS'");
        String id = request("ava", "Restroom").getBody().get("id").asText();
        fireTimer(id, "Boundary_EscalateUnseen");

        var answer = post("chen", "/api/passes/" + id + "/approve", Map.of());

        assertThat(answer.getBody().get("state").asText()).isEqualTo("ACTIVE");
        assertThat(answer.getBody().get("decidedBy").get("name").asText()).isEqualTo("Mr Chen");
    }

    @Test
    void coTeacherCannotDecideARequestThatWasNotEscalated() {
        String id = request("ava", "Restroom").getBody().get("id").asText();

        var answer = post("chen", "/api/passes/" + id + "/approve", Map.of());

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void studentSeesThatTheRequestHasNotReachedTheTeachersScreenYet() {
        String id = request("ava", "Restroom").getBody().get("id").asText();

        assertThat(pass("ava", id).get("status").asText())
            .isEqualTo("Sent to Ms Rivera, Room 204 — not yet on the teacher's screen");
    }

    @Test
    void requestPoppedUpOnTheTeachersOpenScreenIsDelivered() throws Exception {
        try (EventStream stream = EventStream.open(port, "rivera", null)) {
            String id = request("ava", "Restroom").getBody().get("id").asText();

            assertThat(stream.next("notification")).isNotNull();
            assertThat(deliveredWithinPatience(id)).isTrue();
        }
    }

    @Test
    void coTeacherDoesNotGetTheMainTeachersRequests() {
        request("ava", "Restroom");

        assertThat(notificationTitles("rivera", "REQUEST")).containsExactly("Ava Adams asks to go to Restroom");
        assertThat(notificationTitles("chen", "REQUEST")).isEmpty();
    }

}
