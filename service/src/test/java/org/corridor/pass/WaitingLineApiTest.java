package org.corridor.pass;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import org.corridor.testing.ApiTest;

/**
 * The waiting line and the hallway limit (issue 16) through the API: approving to wait,
 * the place in line, the promotion when a student comes back, leaving the line, the
 * expiry, an emergency, the class badge; the hallway limit's flag, refusal and settings.
 */
class WaitingLineApiTest extends ApiTest {

    @AfterEach
    void restoreTheSchool() {
        endEveryoneOut();
        put("admin", settings(), Map.of("autoPassesWait", false, "maxStudentsOut", 0, "teachersMayExceedHallLimit",
                true, "waitingExpiryMinutes", 10, "hallLimitCounts", List.of("STUDENT", "TEACHER", "KIOSK")));
        jdbc.update("update location set is_open = true where id = ?", destination("Restroom"));
        schoolsOrLocationsChangedInSql();
    }

    @Test
    void approvalToWaitForAFullDestinationPutsThePassInLineAndTheFirstGoesWhenAPlaceFrees() {
        String first = out("cara", "Restroom");
        out("dan", "Restroom");
        String eli = request("eli", "Restroom").getBody().get("id").asText();
        String fay = request("fay", "Restroom").getBody().get("id").asText();

        JsonNode waiting = approveToWait(eli);
        approveToWait(fay);

        assertThat(waiting.get("state").asText()).isEqualTo("WAITING");
        assertThat(waiting.get("color").isNull()).isTrue();
        assertThat(pass("eli", eli).get("waitingPosition").asInt()).isEqualTo(1);
        assertThat(pass("fay", fay).get("status").asText()).isEqualTo("2nd in line for the Restroom");
        assertThat(pass("fay", fay).get("actions")).extracting(JsonNode::asText).containsExactly("cancel");
        assertThat(notificationTitles("fay", "WAITING")).containsExactly("In line for Restroom");
        assertThat(badge("eli").get("state").asText()).isEqualTo("WAITING");
        assertThat(badge("eli").get("color").isNull()).isTrue();
        assertThat(hasTimer(eli, "Boundary_LongRunning")).isFalse();

        assertThat(post("cara", "/api/passes/" + first + "/end", null).getStatusCode()).isEqualTo(HttpStatus.OK);

        JsonNode promoted = pass("eli", eli);
        assertThat(promoted.get("state").asText()).isEqualTo("ACTIVE");
        assertThat(promoted.get("color").asText()).isEqualTo("GREEN");
        assertThat(hasTimer(eli, "Boundary_LongRunning")).isTrue();
        assertThat(pass("fay", fay).get("waitingPosition").asInt()).isEqualTo(1);
        assertThat(notificationTitles("eli", "PLACE_FREED")).containsExactly("A place is free: go to Restroom");
        assertThat(notificationTitles("rivera", "PLACE_FREED")).contains("Eli Evans is leaving for Restroom");
        assertThat(eventKinds(eli)).contains("APPROVED", "JOINED_LINE", "PLACE_FREED");
    }

    @Test
    void approvalToWaitWhereAPlaceIsFreeIsANormalApproval() {
        String id = request("cara", "Restroom").getBody().get("id").asText();

        assertThat(approveToWait(id).get("state").asText()).isEqualTo("ACTIVE");
    }

    @Test
    void approvalToWaitForAClosedDestinationIsRefusedWithTheReason() {
        String id = request("cara", "Restroom").getBody().get("id").asText();
        jdbc.update("update location set is_open = false where id = ?", destination("Restroom"));
        schoolsOrLocationsChangedInSql();

        ResponseEntity<JsonNode> refused = post("rivera", "/api/passes/" + id + "/approve",
                Map.of("waitForPlace", true));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getBody().get("type").asText()).endsWith("/destination-closed");
        assertThat(refused.getBody().get("detail").asText()).startsWith("Restroom is closed");
        assertThat(pass("rivera", id).get("state").asText()).isEqualTo("PENDING");
    }

    @Test
    void theStudentCanLeaveTheLine() {
        out("cara", "Restroom");
        out("dan", "Restroom");
        String id = request("eli", "Restroom").getBody().get("id").asText();
        approveToWait(id);

        ResponseEntity<JsonNode> left = post("eli", "/api/passes/" + id + "/cancel", null);

        assertThat(left.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(left.getBody().get("state").asText()).isEqualTo("CANCELLED");
        endEveryoneOut();
    }

    @Test
    void aWaitingPassExpiresAfterTheSchoolsWaitingTime() {
        put("admin", settings(), Map.of("waitingExpiryMinutes", 12));
        out("cara", "Restroom");
        out("dan", "Restroom");
        String id = request("eli", "Restroom").getBody().get("id").asText();
        approveToWait(id);
        java.time.Instant due = management.createJobQuery()
            .jobId(timerJobId(id, "Event_WaitingExpired"))
            .singleResult()
            .getDuedate()
            .toInstant();
        assertThat(java.time.Duration.between(java.time.Instant.now(), due)).isBetween(java.time.Duration.ofMinutes(11),
                java.time.Duration.ofMinutes(12));

        fireTimer(id, "Event_WaitingExpired");

        JsonNode expired = pass("eli", id);
        assertThat(expired.get("state").asText()).isEqualTo("EXPIRED");
        assertThat(expired.get("endReason").asText()).startsWith("No place at Restroom freed within 12 minutes.");
        endEveryoneOut();
    }

    @Test
    void anEmergencyEndsWaitingPassesToo() {
        out("cara", "Restroom");
        out("dan", "Restroom");
        String id = request("eli", "Restroom").getBody().get("id").asText();
        approveToWait(id);

        assertThat(post("admin", "/api/admin/schools/" + schoolId() + "/emergency", null).getStatusCode().value())
            .isBetween(200, 201);

        assertThat(pass("eli", id).get("state").asText()).isEqualTo("CANCELLED");
        assertThat(pass("eli", id).get("endReason").asText()).isEqualTo("Ended in an emergency");
        assertThat(jdbc.queryForObject("select students_out from hall_occupancy where school_id = ?", Integer.class,
                schoolId()))
            .isZero();
        jdbc.update("update school set emergency_id = null");
    }

    @Test
    void anAutoPassOverTheHallwayLimitDoesNotStart() {
        put("admin", settings(), Map.of("maxStudentsOut", 1));
        out("cara", "Library");

        JsonNode auto = post("dan", "/api/passes",
                Map.of("departingFromSectionId", english10(), "destinationId", destination("Restroom"), "type", "AUTO"))
            .getBody();

        assertThat(auto.get("state").asText()).isEqualTo("PENDING");
        assertThat(auto.get("autoPassRefused").asText()).isEqualTo(
                "Hall traffic limit reached (1 student out, limit 1), so your request was sent to Ms Rivera for approval.");
        assertThat(auto.get("flags").toString()).contains("HALL_LIMIT");
        endEveryoneOut();
    }

    @Test
    void whereTheSchoolLetsAutoPassesWaitOneOverTheHallwayLimitJoinsTheLine() {
        put("admin", settings(), Map.of("maxStudentsOut", 1, "autoPassesWait", true));
        String cara = out("cara", "Library");

        JsonNode auto = post("dan", "/api/passes",
                Map.of("departingFromSectionId", english10(), "destinationId", destination("Restroom"), "type", "AUTO"))
            .getBody();
        assertThat(auto.get("state").asText()).isEqualTo("WAITING");

        post("cara", "/api/passes/" + cara + "/end", null);

        assertThat(pass("dan", auto.get("id").asText()).get("state").asText()).isEqualTo("ACTIVE");
        endEveryoneOut();
    }

    @Test
    void overTheHallwayLimitATeacherSeesTheFlagAndMayApproveOverItWhereTheSchoolAllows() {
        put("admin", settings(), Map.of("maxStudentsOut", 1));
        out("cara", "Library");
        String id = request("dan", "Nurse").getBody().get("id").asText();
        assertThat(pass("rivera", id).get("flags").toString()).contains("HALL_LIMIT");

        ResponseEntity<JsonNode> approved = post("rivera", "/api/passes/" + id + "/approve", Map.of());

        assertThat(approved.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(approved.getBody().get("state").asText()).isEqualTo("ACTIVE");
        endEveryoneOut();
    }

    @Test
    void whereTheSchoolForbidsOverridingTheTeacherMayOnlyApproveToWait() {
        put("admin", settings(), Map.of("maxStudentsOut", 1, "teachersMayExceedHallLimit", false));
        out("cara", "Library");
        String id = request("dan", "Nurse").getBody().get("id").asText();

        ResponseEntity<JsonNode> refused = post("rivera", "/api/passes/" + id + "/approve",
                Map.of("acknowledgedFlags", List.of("HALL_LIMIT")));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getBody().get("type").asText()).endsWith("/hall-limit-reached");
        assertThat(approveToWait(id).get("state").asText()).isEqualTo("WAITING");
        post("dan", "/api/passes/" + id + "/cancel", null);
        endEveryoneOut();
    }

    @Test
    void passesTheSchoolDoesNotCountAreNotHeldByTheHallwayLimit() {
        put("admin", settings(), Map.of("maxStudentsOut", 1, "hallLimitCounts", List.of("KIOSK")));
        out("cara", "Library");

        JsonNode auto = post("dan", "/api/passes",
                Map.of("departingFromSectionId", english10(), "destinationId", destination("Restroom"), "type", "AUTO"))
            .getBody();

        assertThat(auto.get("state").asText()).isEqualTo("ACTIVE");
        endEveryoneOut();
    }

    @Test
    void hallwaySettingsAreReadBackAndWrongOnesRefusedNamingTheField() {
        ResponseEntity<JsonNode> changed = put("admin", settings(), Map.of("maxStudentsOut", 30, "hallLimitCounts",
                List.of("STUDENT", "KIOSK"), "waitingExpiryMinutes", 5, "autoPassesWait", true));
        assertThat(changed.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode read = get("admin", settings()).getBody();
        assertThat(read.get("maxStudentsOut").asInt()).isEqualTo(30);
        assertThat(read.get("hallLimitCounts").toString()).isEqualTo("[\"STUDENT\",\"KIOSK\"]");
        assertThat(read.get("waitingExpiryMinutes").asInt()).isEqualTo(5);
        assertThat(read.get("autoPassesWait").asBoolean()).isTrue();

        ResponseEntity<JsonNode> refused = put("admin", settings(), Map.of("maxStudentsOut", -1, "hallLimitCounts",
                List.of("STUDENT", "ROBOT"), "waitingExpiryMinutes", 0));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().get("errors")).extracting(e -> e.get("field").asText())
            .containsExactlyInAnyOrder("maxStudentsOut", "hallLimitCounts", "waitingExpiryMinutes");
        assertThat(get("admin", settings()).getBody().get("maxStudentsOut").asInt()).isEqualTo(30);
    }

    private JsonNode approveToWait(String id) {
        ResponseEntity<JsonNode> answer = post("rivera", "/api/passes/" + id + "/approve",
                Map.of("waitForPlace", true));
        assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

    private String settings() {
        return "/api/admin/schools/" + schoolId() + "/settings";
    }

    private JsonNode badge(String student) {
        JsonNode classes = get("rivera", "/api/classes/current").getBody().get("classes");
        return StreamSupport.stream(classes.spliterator(), false)
            .flatMap(c -> StreamSupport.stream(c.get("students").spliterator(), false))
            .filter(s -> s.get("id").asText().equals(person(student).getId()))
            .findFirst()
            .orElseThrow()
            .get("badge");
    }

    /**
     * Every open pass closed through the API, so no timer of this test fires while the
     * next one clears the passes.
     */
    private void endEveryoneOut() {
        jdbc.queryForList("select id from hall_pass where state in ('PENDING', 'WAITING')", String.class)
            .forEach(id -> post("admin", "/api/passes/" + id + "/cancel", null));
        jdbc.queryForList("select id from hall_pass where state in ('ACTIVE', 'LONG_RUNNING')", String.class)
            .forEach(id -> post("admin", "/api/passes/" + id + "/end", null));
    }

}
