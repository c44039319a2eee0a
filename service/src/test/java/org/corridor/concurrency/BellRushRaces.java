package org.corridor.concurrency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import org.corridor.testing.ApiTest;
import org.corridor.testing.OccupancyCounters;

/**
 * The bell rush: the same click twice, two teachers' clicks for the last place, a click
 * against a timer. Each race is released by a barrier and run several times with fresh
 * passes so that it bites; the tests assert outcomes, never durations. Run once per
 * database by the subclasses.
 */
abstract class BellRushRaces extends ApiTest {

    private static final int ROUNDS = 10;

    /**
     * Students enough for every round of every race; Ava and Ben (a no-contact pair) are
     * left out.
     */
    private static final List<String> STUDENTS = List.of("cara", "dan", "eli", "fay", "gus", "hana", "ivan", "jade",
            "kai", "lena", "milo", "nora", "omar", "pia", "quinn", "rosa", "sami", "theo", "uma", "vik", "wren",
            "yara");

    @Test
    void twoApprovalsOfTheSameRequestAtOnceGiveOneSuccessAndOne409() {
        for (int round = 0; round < ROUNDS; round++) {
            // given a pending request
            String id = request(STUDENTS.get(round), "Nurse").getBody().get("id").asText();

            // when Ms Rivera approves it from two screens at the same moment
            List<ResponseEntity<JsonNode>> answers = atOnce(
                    List.of(() -> post("rivera", "/api/passes/" + id + "/approve", Map.of()),
                            () -> post("rivera", "/api/passes/" + id + "/approve", Map.of())));

            // then one approval went through and the other was told the pass changed, and
            // it happened once
            assertThat(answers).extracting(a -> a.getStatusCode().value())
                .as("round %d", round)
                .containsExactlyInAnyOrder(200, 409);
            JsonNode refused = answers.stream()
                .filter(a -> a.getStatusCode() == HttpStatus.CONFLICT)
                .findFirst()
                .orElseThrow()
                .getBody();
            assertThat(refused.get("status").asInt()).isEqualTo(409);
            assertThat(refused.get("type").asText()).endsWith("/pass-state");
            assertThat(pass("rivera", id).get("state").asText()).isEqualTo("ACTIVE");
            assertThat(eventKinds(id)).filteredOn("APPROVED"::equals).hasSize(1);
            assertThat(history.createHistoricProcessInstanceQuery()
                .processDefinitionKey("pass-lifecycle")
                .processInstanceBusinessKey(id)
                .count()).isEqualTo(1);
        }
    }

    /**
     * A retried POST with the Idempotency-Key of one still in flight gets the same answer
     * as a retry after it: 201 with the one pass (what the first call created), never a
     * second pass and never a 409.
     */
    @Test
    void samePostWithOneIdempotencyKeySentTwiceAtOnceGivesOnePass() {
        for (int round = 0; round < ROUNDS; round++) {
            // given a student whose tap is sent twice, with the same key
            String student = STUDENTS.get(round);
            Map<String, Object> body = Map.of("departingFromSectionId", english10(), "destinationId",
                    destination("Library"), "type", "REGULAR");
            Map<String, String> key = Map.of("Idempotency-Key", "tap-" + round);

            // when both arrive at the same moment
            List<ResponseEntity<JsonNode>> answers = atOnce(
                    List.of(() -> call(student, HttpMethod.POST, "/api/passes", body, key),
                            () -> call(student, HttpMethod.POST, "/api/passes", body, key)));

            // then there is one pass, and both answers are that pass
            assertThat(answers).extracting(a -> a.getStatusCode().value())
                .as("round %d: %s", round, answers)
                .containsExactly(201, 201);
            assertThat(answers).extracting(a -> a.getBody().get("id").asText())
                .as("round %d", round)
                .containsOnly(answers.get(0).getBody().get("id").asText());
            assertThat(jdbc.queryForObject("select count(*) from hall_pass where student_id = ?", Integer.class,
                    person(student).getId()))
                .as("round %d", round)
                .isEqualTo(1);
        }
    }

    @Test
    void twoRequestsOfOneStudentAtOnceGiveOnePassAndA409NamingIt() {
        for (int round = 0; round < ROUNDS; round++) {
            // given a student who taps twice, on two devices, with no idempotency key
            String student = STUDENTS.get(round);

            // when both requests arrive at the same moment
            List<ResponseEntity<JsonNode>> answers = atOnce(
                    List.of(() -> request(student, "Library"), () -> request(student, "Library")));

            // then one pass was made, and the other answer points at it
            assertThat(answers).extracting(a -> a.getStatusCode().value())
                .as("round %d: %s", round, answers)
                .containsExactlyInAnyOrder(201, 409);
            String made = answers.stream()
                .filter(a -> a.getStatusCode() == HttpStatus.CREATED)
                .findFirst()
                .orElseThrow()
                .getBody()
                .get("id")
                .asText();
            JsonNode refused = answers.stream()
                .filter(a -> a.getStatusCode() == HttpStatus.CONFLICT)
                .findFirst()
                .orElseThrow()
                .getBody();
            assertThat(refused.get("type").asText()).endsWith("/open-pass-exists");
            assertThat(refused.get("openPassId").asText()).as("round %d: %s", round, refused).isEqualTo(made);
        }
    }

    @Test
    void twoApprovalsRacingForTheLastPlaceLeaveFlagsAndOccupancyConsistent() {
        for (int round = 0; round < ROUNDS / 2; round++) {
            // given the Restroom (2 places) with one student out, and two more students'
            // requests pending
            String first = STUDENTS.get(3 * round);
            out(first, "Restroom");
            List<String> pending = List.of(
                    request(STUDENTS.get(3 * round + 1), "Restroom").getBody().get("id").asText(),
                    request(STUDENTS.get(3 * round + 2), "Restroom").getBody().get("id").asText());

            // when Ms Rivera approves both at the same moment
            List<ResponseEntity<JsonNode>> answers = atOnce(pending.stream()
                .<Callable<ResponseEntity<JsonNode>>>map(id -> () -> post("rivera", "/api/passes/" + id + "/approve",
                        Map.of("acknowledgedFlags", List.of())))
                .toList());

            // then one takes the last place; the other is stopped with the new
            // DESTINATION_FULL flag
            assertThat(answers).extracting(a -> a.getStatusCode().value())
                .as("round %d", round)
                .containsExactlyInAnyOrder(200, 409);
            int stopped = answers.get(0).getStatusCode() == HttpStatus.CONFLICT ? 0 : 1;
            JsonNode refusal = answers.get(stopped).getBody();
            assertThat(refusal.get("type").asText()).endsWith("/flags-changed");
            assertThat(refusal.get("flags").findValuesAsText("code")).containsExactly("DESTINATION_FULL");
            assertThat(pass("rivera", pending.get(stopped)).get("state").asText()).isEqualTo("PENDING");

            // and once she approves it knowing the Restroom is full, it is out with the
            // flag on record
            var overridden = post("rivera", "/api/passes/" + pending.get(stopped) + "/approve",
                    Map.of("acknowledgedFlags", List.of("DESTINATION_FULL")));
            assertThat(overridden.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(overridden.getBody().get("state").asText()).isEqualTo("ACTIVE");
            assertThat(overridden.getBody().get("flags").findValuesAsText("code")).containsExactly("DESTINATION_FULL");
            assertThat(flaggedOutAt("Restroom")).isEqualTo(new Occupancy(3, 1));

            endAllOpenPasses();
        }
    }

    /**
     * Auto passes have no teacher to read the capacity, so the service holds it: six
     * students start auto passes to the Restroom (2 places) at the same moment, and each
     * counts who is out under the Restroom's lock. Exactly two go; the others become
     * requests to their teacher, saying the Restroom is full.
     */
    @Test
    void autoPassesRacingForTwoPlacesSendTwoStudentsOutAndTheRestToTheTeacher() {
        int racing = 6;
        for (int round = 0; round < 3; round++) {
            // given the Restroom (2 places) with nobody out
            List<String> students = STUDENTS.subList(racing * round, racing * round + racing);

            // when six students start auto passes to it at the same moment
            List<ResponseEntity<JsonNode>> answers = atOnce(students.stream()
                .<Callable<ResponseEntity<JsonNode>>>map(student -> () -> post(student, "/api/passes",
                        Map.of("departingFromSectionId", english10(), "destinationId", destination("Restroom"), "type",
                                "AUTO")))
                .toList());

            // then two are out, and the other four wait for Ms Rivera, told why
            assertThat(answers).extracting(a -> a.getStatusCode().value())
                .as("round %d: %s", round, answers)
                .containsOnly(201);
            assertThat(answers).extracting(a -> a.getBody().get("state").asText())
                .as("round %d", round)
                .filteredOn("ACTIVE"::equals)
                .hasSize(2);
            assertThat(answers).filteredOn(a -> a.getBody().get("state").asText().equals("PENDING"))
                .extracting(a -> a.getBody().get("autoPassRefused").asText())
                .as("round %d", round)
                .hasSize(racing - 2)
                .containsOnly("Restroom is full (2 places taken), so your request was sent to Ms Rivera for approval.");
            assertThat(outAt("Restroom")).as("round %d", round).isEqualTo(2);
            assertThat(flaggedOutAt("Restroom")).as("round %d", round).isEqualTo(new Occupancy(2, 0));

            endAllOpenPasses();
        }
    }

    @Test
    void checkInRacingTheLongRunningTimerEndsCompleted() {
        for (int round = 0; round < ROUNDS / 2; round++) {
            // given a student out at the Library, whose long-running timer falls due as
            // Mr Okafor checks them in
            String id = out(STUDENTS.get(round), "Library");
            String timer = timerJobId(id, "Boundary_LongRunning");

            // when both happen at the same moment
            List<Object> outcomes = atOnce(
                    List.of(() -> post("okafor", "/api/passes/" + id + "/check-in", null), () -> {
                        try {
                            management.executeJob(timer);
                            return "timer fired";
                        }
                        catch (RuntimeException lost) {
                            return "timer lost: " + lost; // the job executor retries or
                                                          // drops such a job
                        }
                    }));

            // then a check-in that lost is a 409 the teacher can retry; retried, the pass
            // is completed
            @SuppressWarnings("unchecked")
            var checkIn = (ResponseEntity<JsonNode>) outcomes.get(0);
            assertThat(checkIn.getStatusCode().value()).as("round %d: %s", round, outcomes).isIn(200, 409);
            if (checkIn.getStatusCode() == HttpStatus.CONFLICT) {
                assertThat(post("okafor", "/api/passes/" + id + "/check-in", null).getStatusCode())
                    .isEqualTo(HttpStatus.OK);
            }
            assertThat(pass("okafor", id).get("state").asText()).isEqualTo("COMPLETED");
            assertThat(history.createHistoricProcessInstanceQuery()
                .processDefinitionKey("pass-lifecycle")
                .processInstanceBusinessKey(id)
                .finished()
                .count()).isEqualTo(1);
            assertThat(runtime.createIncidentQuery().list()).isEmpty();
        }
    }

    /**
     * The same pass ended from two screens: it ends once, and its destination counts the
     * student back once.
     */
    @Test
    void twoEndsOfOnePassAtOnceCountTheStudentBackOnce() {
        for (int round = 0; round < ROUNDS; round++) {
            // given a student out at the Nurse with another out there too
            out(STUDENTS.get(2 * round), "Nurse");
            String id = out(STUDENTS.get(2 * round + 1), "Nurse");

            // when the pass is ended twice at the same moment
            List<ResponseEntity<JsonNode>> answers = atOnce(
                    List.of(() -> post("admin", "/api/passes/" + id + "/end", null),
                            () -> post("admin", "/api/passes/" + id + "/end", null)));

            // then one end went through, the other was told the pass changed, and the
            // Nurse counts one student out
            assertThat(answers).extracting(a -> a.getStatusCode().value())
                .as("round %d: %s", round, answers)
                .containsExactlyInAnyOrder(200, 409);
            assertThat(outAt("Nurse")).as("round %d", round).isEqualTo(1);
            endAllOpenPasses();
        }
    }

    @Test
    void endsOfTwoPassesAtOneDestinationAtOnceCountBothStudentsBack() {
        for (int round = 0; round < ROUNDS; round++) {
            // given two students out at the Library
            List<String> ids = List.of(out(STUDENTS.get(2 * round), "Library"),
                    out(STUDENTS.get(2 * round + 1), "Library"));

            // when both passes end at the same moment
            List<ResponseEntity<JsonNode>> answers = atOnce(ids.stream()
                .<Callable<ResponseEntity<JsonNode>>>map(id -> () -> post("admin", "/api/passes/" + id + "/end", null))
                .toList());

            // then both ended, and nobody is counted out at the Library
            assertThat(answers).extracting(a -> a.getStatusCode().value())
                .as("round %d: %s", round, answers)
                .containsExactly(200, 200);
            assertThat(outAt("Library")).as("round %d", round).isZero();
        }
    }

    /**
     * An approval locks the destination, then its count; an end only the count: neither
     * waits for the other in a circle.
     */
    @Test
    void approvalAndEndAtOneDestinationAtOnceKeepItsCountRight() {
        for (int round = 0; round < ROUNDS; round++) {
            // given one student out at the Nurse and another's request to go there
            String leaving = out(STUDENTS.get(2 * round), "Nurse");
            String going = request(STUDENTS.get(2 * round + 1), "Nurse").getBody().get("id").asText();

            // when the one comes back as Ms Rivera approves the other
            List<ResponseEntity<JsonNode>> answers = atOnce(
                    List.of(() -> post("admin", "/api/passes/" + leaving + "/end", null),
                            () -> post("rivera", "/api/passes/" + going + "/approve", Map.of())));

            // then both went through, and the Nurse counts one student out
            assertThat(answers).extracting(a -> a.getStatusCode().value())
                .as("round %d: %s", round, answers)
                .containsExactly(200, 200);
            assertThat(outAt("Nurse")).as("round %d", round).isEqualTo(1);
            endAllOpenPasses();
        }
    }

    @Test
    void endRacingTheAutoEndTimerCountsTheStudentBackOnce() {
        for (int round = 0; round < ROUNDS / 2; round++) {
            // given a student out at the Nurse whose auto-end timer falls due as they end
            // the pass
            String id = out(STUDENTS.get(round), "Nurse");
            String timer = timerJobId(id, "Boundary_AutoEnd");

            // when both happen at the same moment
            List<Object> outcomes = atOnce(List.of(() -> post("admin", "/api/passes/" + id + "/end", null), () -> {
                try {
                    management.executeJob(timer);
                    return "timer fired";
                }
                catch (RuntimeException lost) {
                    return "timer lost: " + lost;
                }
            }));

            // then the pass ended once, by one or the other (an end that lost is a 409),
            // and nobody is counted out
            @SuppressWarnings("unchecked")
            var end = (ResponseEntity<JsonNode>) outcomes.get(0);
            assertThat(end.getStatusCode().value()).as("round %d: %s", round, outcomes).isIn(200, 409);
            assertThat(pass("admin", id).get("state").asText()).as("round %d: %s", round, outcomes)
                .isIn("COMPLETED", "ENDED_BY_SYSTEM");
            assertThat(outAt("Nurse")).as("round %d: %s", round, outcomes).isZero();
        }
    }

    /**
     * An emergency locks every count of the school before it reads a pass; an approval
     * holds its destination and then that count. Whichever is first, the other waits and
     * then sees what it did: nobody is left out.
     */
    @Test
    void emergencyRacingAnApprovalLeavesNobodyCountedOut() {
        for (int round = 0; round < ROUNDS / 2; round++) {
            // given one student out at the Library and another's request for the Nurse
            out(STUDENTS.get(2 * round), "Library");
            String going = request(STUDENTS.get(2 * round + 1), "Nurse").getBody().get("id").asText();

            // when an administrator declares an emergency as Ms Rivera approves the
            // request
            List<ResponseEntity<JsonNode>> answers = atOnce(
                    List.of(() -> post("admin", "/api/admin/schools/" + schoolId() + "/emergency", null),
                            () -> post("rivera", "/api/passes/" + going + "/approve", Map.of())));

            // then the emergency ended everything, the approval either came first or was
            // told the pass changed
            assertThat(answers.get(0).getStatusCode().value()).as("round %d: %s", round, answers).isEqualTo(201);
            assertThat(answers.get(1).getStatusCode().value()).as("round %d: %s", round, answers).isIn(200, 409);
            assertThat(jdbc.queryForObject("select count(*) from hall_pass where state in ('ACTIVE', 'LONG_RUNNING')",
                    Integer.class))
                .as("round %d", round)
                .isZero();
            assertThat(OccupancyCounters.mismatches(jdbc)).as("round %d", round).isEmpty();
            call("admin", HttpMethod.DELETE, "/api/admin/schools/" + schoolId() + "/emergency", null, Map.of());
        }
    }

    record Occupancy(int out, int flaggedFull) {
    }

    /** The destination's count of students out, as the rules read it. */
    private int outAt(String destination) {
        return jdbc
            .queryForList("select out_now from destination_occupancy where location_id = ?", Integer.class,
                    destination(destination))
            .stream()
            .findFirst()
            .orElse(0);
    }

    /**
     * How many students are out at a destination, and how many of them carry
     * DESTINATION_FULL.
     */
    private Occupancy flaggedOutAt(String destination) {
        List<String> out = jdbc.queryForList(
                "select id from hall_pass where destination_id = ? and state in " + "('ACTIVE', 'LONG_RUNNING')",
                String.class, destination(destination));
        int flagged = 0;
        for (String id : out) {
            flagged += jdbc.queryForObject(
                    "select count(*) from pass_flag where pass_id = ? and code = 'DESTINATION_FULL'", Integer.class,
                    id);
        }
        return new Occupancy(out.size(), flagged);
    }

    private void endAllOpenPasses() {
        List<String> open = new ArrayList<>(
                jdbc.queryForList("select id from hall_pass where state in ('ACTIVE', 'LONG_RUNNING')", String.class));
        open.forEach(id -> assertThat(post("admin", "/api/passes/" + id + "/end", null).getStatusCode())
            .isEqualTo(HttpStatus.OK));
    }

}
