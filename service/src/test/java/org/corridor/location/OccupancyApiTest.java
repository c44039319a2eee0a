package org.corridor.location;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.corridor.testing.ApiTest;
import org.corridor.testing.OccupancyCounters;
import org.corridor.testing.OnMariaDb;

/**
 * Each destination's count of students out ({@code destination_occupancy}) as every step
 * of a pass moves it: up when the student goes out, however the pass started; down when
 * they come back, however it ended; untouched by requests that never went out. (After
 * every API test {@link ApiTest} also compares every counter with the passes out.)
 */
@OnMariaDb
class OccupancyApiTest extends ApiTest {

    @Autowired
    private ObjectMapper json;

    @AfterEach
    void removeTestDestinations() {
        startWithNoPasses();
        jdbc.update("delete from location where name like 'Test %'");
    }

    /**
     * The screens show the counter the rules and auto passes read, not a count of passes
     * of their own: set here apart from the passes (as a seeder writing passes with SQL
     * would leave it), the counter is what both lists show.
     */
    @Test
    void destinationListsShowTheCounterTheRulesRead() {
        out("ava", "Nurse");
        jdbc.update("update destination_occupancy set out_now = 2 where location_id = ?", destination("Nurse"));

        JsonNode forStudents = get("cara", "/api/schools/" + schoolId() + "/destinations").getBody();
        JsonNode forAdmins = get("admin", "/api/admin/schools/" + schoolId() + "/locations").getBody();
        OccupancyCounters.recount(jdbc);

        assertThat(occupancyOf(forStudents, "Nurse")).isEqualTo(2);
        assertThat(occupancyOf(forAdmins, "Nurse")).isEqualTo(2);
        assertThat(occupancyOf(forStudents, "Restroom")).isZero();
    }

    @Test
    void requestWaitingForTheTeacherCountsNobodyOut() {
        request("ava", "Nurse");

        assertThat(outAt("Nurse")).isZero();
    }

    @Test
    void approvedPassCountsTheStudentOutAtItsDestination() {
        out("ava", "Nurse");

        assertThat(outAt("Nurse")).isEqualTo(1);
    }

    @Test
    void autoPassCountsTheStudentOutAsItStarts() {
        var answer = post("ava", "/api/passes", body("ava", "Restroom", "AUTO"));
        assertThat(answer.getBody().get("state").asText()).isEqualTo("ACTIVE");

        assertThat(outAt("Restroom")).isEqualTo(1);
    }

    @Test
    void proxyPassCountsTheStudentOutAsItStarts() {
        post("rivera", "/api/passes", body("ava", "Library", "PROXY"));

        assertThat(outAt("Library")).isEqualTo(1);
    }

    @Test
    void appointmentCountsTheStudentOutWhenItsTimeComes() {
        Map<String, Object> body = body("ava", "Main Office", "APPOINTMENT");
        body.put("startsAt", Instant.now().plus(Duration.ofMinutes(30)).toString());
        String id = post("okafor", "/api/passes", body).getBody().get("id").asText();
        fireTimer(id, "Event_AnnouncementDue");
        assertThat(outAt("Main Office")).isZero();

        fireTimer(id, "Event_AppointmentDue");

        assertThat(outAt("Main Office")).isEqualTo(1);
    }

    @Test
    void firstStudentOutAtANewDestinationIsCounted() {
        var created = post("admin", "/api/admin/schools/" + schoolId() + "/destinations",
                Map.of("name", "Test Counsellor", "capacity", 3));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);

        out("ava", "Test Counsellor");

        assertThat(outAt("Test Counsellor")).isEqualTo(1);
    }

    @Test
    void checkInCountsTheStudentBack() {
        String id = out("ava", "Library");

        post("okafor", "/api/passes/" + id + "/check-in", null);

        assertThat(outAt("Library")).isZero();
    }

    @Test
    void endCountsTheStudentBack() {
        String id = out("ava", "Nurse");

        post("ava", "/api/passes/" + id + "/end", null);

        assertThat(outAt("Nurse")).isZero();
    }

    @Test
    void longRunningStudentIsStillCountedOut() {
        String id = out("ava", "Nurse");

        fireTimer(id, "Boundary_LongRunning");

        assertThat(outAt("Nurse")).isEqualTo(1);
    }

    @Test
    void autoEndTimerCountsTheStudentBack() {
        String id = out("ava", "Nurse");
        fireTimer(id, "Boundary_LongRunning");

        fireTimer(id, "Boundary_AutoEnd");

        assertThat(pass("admin", id).get("state").asText()).isEqualTo("ENDED_BY_SYSTEM");
        assertThat(outAt("Nurse")).isZero();
    }

    @Test
    void emergencyCountsEveryoneBack() {
        out("ava", "Library");
        out("cara", "Nurse");
        out("dan", "Nurse");
        request("eli", "Nurse");

        post("admin", "/api/admin/schools/" + schoolId() + "/emergency", null);

        assertThat(jdbc.queryForObject("select sum(out_now) from destination_occupancy where school_id = ?",
                Integer.class, schoolId()))
            .isZero();
    }

    @Test
    void cancelledRequestLeavesTheCountAlone() {
        out("ava", "Nurse");
        String id = request("cara", "Nurse").getBody().get("id").asText();

        post("cara", "/api/passes/" + id + "/cancel", null);

        assertThat(outAt("Nurse")).isEqualTo(1);
    }

    @Test
    void deniedRequestLeavesTheCountAlone() {
        out("ava", "Nurse");
        String id = request("cara", "Nurse").getBody().get("id").asText();

        post("rivera", "/api/passes/" + id + "/deny", Map.of("reason", "Not now"));

        assertThat(outAt("Nurse")).isEqualTo(1);
    }

    @Test
    void expiredRequestLeavesTheCountAlone() {
        out("ava", "Nurse");
        String id = request("cara", "Nurse").getBody().get("id").asText();

        fireTimer(id, "Boundary_RequestExpired");

        assertThat(outAt("Nurse")).isEqualTo(1);
    }

    @Test
    void rulesSeeTheStudentsOutAtTheDestinationAndInTheSchool() {
        // given the Restroom's 2 places taken and one more student at the Nurse
        out("cara", "Restroom");
        out("dan", "Restroom");
        out("eli", "Nurse");

        // when Ava asks for the Restroom
        String id = request("ava", "Restroom").getBody().get("id").asText();

        // then the rules counted 2 out there and 3 in the hallways, and said it is full
        JsonNode facts = factsOf(id);
        assertThat(facts.get("destination").get("occupancy").asInt()).isEqualTo(2);
        assertThat(facts.get("hall").get("studentsOut").asInt()).isEqualTo(3);
        assertThat(pass("rivera", id).get("flags").findValuesAsText("code")).contains("DESTINATION_FULL");
    }

    private int outAt(String destinationName) {
        return jdbc
            .queryForList("select out_now from destination_occupancy where location_id = ?", Integer.class,
                    destination(destinationName))
            .stream()
            .findFirst()
            .orElse(0);
    }

    private Map<String, Object> body(String student, String destinationName, String type) {
        Map<String, Object> body = new HashMap<>(Map.of("departingFromSectionId", english10(), "destinationId",
                destination(destinationName), "type", type));
        if (!type.equals("AUTO")) {
            body.put("studentId", person(student).getId());
        }
        return body;
    }

    private static int occupancyOf(JsonNode list, String name) {
        for (JsonNode location : list) {
            if (location.get("name").asText().equals(name)) {
                return location.get("occupancy").asInt();
            }
        }
        throw new AssertionError(name + " is not in " + list);
    }

    private JsonNode factsOf(String passId) {
        try {
            return json.readTree(
                    jdbc.queryForObject("select facts_snapshot from hall_pass where id = ?", String.class, passId));
        }
        catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

}
