package org.corridor.pass;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import com.fasterxml.jackson.databind.JsonNode;

import org.corridor.testing.ApiTest;
import org.corridor.testing.OnMariaDb;

/** Auto, proxy and appointment passes, from the API down to the engine and back. */
@OnMariaDb
class PassTypesApiTest extends ApiTest {

    @Test
    void autoPassStartsActiveWhereTheDestinationAllowsIt() {
        var answer = post("ava", "/api/passes", body("Restroom", "AUTO"));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(answer.getBody().get("state").asText()).isEqualTo("ACTIVE");
        assertThat(answer.getBody().get("autoPass").asBoolean()).isTrue();
        assertThat(answer.getBody().get("approvedAt").isNull()).isTrue();
        assertThat(answer.getBody().get("color").asText()).isEqualTo("GREEN");
    }

    @Test
    void autoPassWhereNotAllowedBecomesARequestAndSaysWhy() {
        var answer = post("ava", "/api/passes", body("Library", "AUTO"));

        assertThat(answer.getBody().get("state").asText()).isEqualTo("PENDING");
        assertThat(answer.getBody().get("autoPassRefused").asText())
            .isEqualTo("Library does not allow auto passes, so your request was sent to Ms Rivera for approval.");
        assertThat(answer.getBody().get("routedTo").get("name").asText()).isEqualTo("Ms Rivera");
    }

    @Test
    void autoPassToAFullDestinationBecomesARequestAndSaysWhy() {
        out("cara", "Restroom");
        out("dan", "Restroom");

        var answer = post("ava", "/api/passes", body("Restroom", "AUTO"));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(answer.getBody().get("state").asText()).isEqualTo("PENDING");
        assertThat(answer.getBody().get("autoPassRefused").asText())
            .isEqualTo("Restroom is full (2 places taken), so your request was sent to Ms Rivera for approval.");
        assertThat(answer.getBody().get("flags").findValuesAsText("code")).contains("DESTINATION_FULL");
    }

    @Test
    void autoPassTakesThePlaceFreedByAStudentComingBack() {
        out("cara", "Restroom");
        String back = out("dan", "Restroom");
        assertThat(post("admin", "/api/passes/" + back + "/end", null).getStatusCode()).isEqualTo(HttpStatus.OK);

        var answer = post("ava", "/api/passes", body("Restroom", "AUTO"));

        assertThat(answer.getBody().get("state").asText()).isEqualTo("ACTIVE");
        assertThat(answer.getBody().get("autoPassRefused").isNull()).isTrue();
    }

    @Test
    void proxyPassIsActiveAtOnceWithItsFlagsStored() {
        out("ava", "Nurse");

        var answer = post("rivera", "/api/passes", proxyFor("ben", "Library"));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(answer.getBody().get("state").asText()).isEqualTo("ACTIVE");
        assertThat(answer.getBody().get("channel").asText()).isEqualTo("STAFF");
        assertThat(answer.getBody().get("flags").findValuesAsText("code")).containsExactly("NO_CONTACT");
    }

    @Test
    void proxyPassForAStudentOfSomeoneElsesClassIsForbiddenAndNothingStored() {
        var answer = post("okafor", "/api/passes", proxyFor("ava", "Library"));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(answer.getBody().get("detail").asText()).contains("English 10 is taught by Ms Rivera");
        assertThat(passCount()).isZero();
    }

    @Test
    void studentCannotCreateAProxyPass() {
        var answer = post("ava", "/api/passes", body("Library", "PROXY"));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody().get("errors").findValuesAsText("field")).containsExactly("type");
        assertThat(passCount()).isZero();
    }

    @Test
    void destinationTeacherIsToldTheStudentIsOnTheWay() {
        out("ava", "Library");

        assertThat(notificationTitles("okafor", "ON_THE_WAY")).containsExactly("Ava Adams is on the way to Library");
    }

    @Test
    void appointmentIsBookedAnnouncedToTheTeacherBeingLeftAndStartsAtItsTime() {
        Instant at = Instant.now().plus(Duration.ofMinutes(30));
        String id = post("okafor", "/api/passes", appointmentFor("ava", "Main Office", at)).getBody()
            .get("id")
            .asText();
        assertThat(pass("ava", id).get("state").asText()).isEqualTo("SCHEDULED");

        fireTimer(id, "Event_AnnouncementDue");
        assertThat(notificationTitles("rivera", "APPOINTMENT_SOON")).hasSize(1);
        assertThat(notificationTitles("ava", "APPOINTMENT_SOON")).hasSize(1);

        fireTimer(id, "Event_AppointmentDue");
        JsonNode started = pass("ava", id);
        assertThat(started.get("state").asText()).isEqualTo("ACTIVE");
        assertThat(started.get("type").asText()).isEqualTo("APPOINTMENT");
    }

    @Test
    void appointmentDoesNotBlockTheStudentsOtherPassesBeforeItsTime() {
        post("okafor", "/api/passes", appointmentFor("ava", "Main Office", Instant.now().plus(Duration.ofHours(1))));

        assertThat(request("ava", "Restroom").getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void appointmentInThePastIsRefusedAndNothingStored() {
        var answer = post("okafor", "/api/passes",
                appointmentFor("ava", "Main Office", Instant.now().minusSeconds(60)));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody().get("errors").findValuesAsText("field")).containsExactly("startsAt");
        assertThat(passCount()).isZero();
    }

    @Test
    void studentCanCancelAnAppointmentBeforeItsTime() {
        String id = post("okafor", "/api/passes",
                appointmentFor("ava", "Main Office", Instant.now().plus(Duration.ofHours(1))))
            .getBody()
            .get("id")
            .asText();

        var answer = post("ava", "/api/passes/" + id + "/cancel", null);

        assertThat(answer.getBody().get("state").asText()).isEqualTo("CANCELLED");
        assertThat(hasTimer(id, "Event_AppointmentDue") || hasTimer(id, "Event_AnnouncementDue")).isFalse();
    }

    @Test
    void appointmentIsMissedWhenTheStudentIsAlreadyOutAndBothAreTold() {
        String id = post("okafor", "/api/passes",
                appointmentFor("ava", "Main Office", Instant.now().plus(Duration.ofMinutes(30))))
            .getBody()
            .get("id")
            .asText();
        out("ava", "Restroom");
        fireTimer(id, "Event_AnnouncementDue");

        fireTimer(id, "Event_AppointmentDue");

        JsonNode missed = pass("ava", id);
        assertThat(missed.get("state").asText()).isEqualTo("EXPIRED");
        assertThat(missed.get("endReason").asText()).isEqualTo("The student already had an open pass at its time.");
        assertThat(notificationTitles("okafor", "APPOINTMENT_MISSED")).hasSize(1);
    }

    private Map<String, Object> body(String destination, String type) {
        return new HashMap<>(
                Map.of("departingFromSectionId", english10(), "destinationId", destination(destination), "type", type));
    }

    private Map<String, Object> proxyFor(String student, String destination) {
        Map<String, Object> body = body(destination, "PROXY");
        body.put("studentId", person(student).getId());
        return body;
    }

    private Map<String, Object> appointmentFor(String student, String destination, Instant at) {
        Map<String, Object> body = body(destination, "APPOINTMENT");
        body.put("studentId", person(student).getId());
        body.put("startsAt", at.toString());
        return body;
    }

}
