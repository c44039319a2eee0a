package org.corridor.pass;

import static org.assertj.core.api.Assertions.assertThat;

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
 * What the lifecycle's timers do to a pass, seen through the API. The test fires each timer itself
 * instead of waiting for the school's minutes to pass.
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

    @AfterEach
    void escalateToAdministratorsAgain() {
        jdbc.update("update school set escalate_to = 'ADMINISTRATORS'");
    }

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
        assertThat(pass.get("endReason").asText())
                .isEqualTo("No decision within 15 minutes: Ms Rivera never opened it. Ask again, or speak to your teacher.");
        assertThat(notificationTitles("ava", "EXPIRED")).containsExactly("Your request expired");
        assertThat(request("ava", "Restroom").getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void unopenedRequestIsAnnouncedAgain() {
        String id = request("ava", "Restroom").getBody().get("id").asText();

        fireTimer(id, "Boundary_ResendUnseen");

        assertThat(notificationTitles("rivera", "REQUEST_AGAIN")).containsExactly("Still waiting: Ava Adams asks to go to Restroom");
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

        assertThat(notificationTitles("admin", "REQUEST_ESCALATED")).containsExactly("Unopened request: Ava Adams to Restroom");
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
