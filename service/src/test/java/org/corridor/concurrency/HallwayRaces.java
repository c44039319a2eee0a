package org.corridor.concurrency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import org.corridor.CorridorApplication;
import org.corridor.pass.WaitingLine;
import org.corridor.testing.ApiTest;
import org.corridor.testing.OccupancyCounters;

/**
 * The hallway held (issue 16) under races: auto passes for the last places, on one
 * service instance and on two sharing the database; the waiting line's promotions racing
 * each other and the waiting pass's expiry; the school's hallway limit. Each race is
 * released by a barrier and run for a few rounds; the tests assert outcomes, never
 * durations. Run once per database by the subclasses.
 */
abstract class HallwayRaces extends ApiTest {

    private static final List<String> STUDENTS = List.of("cara", "dan", "eli", "fay", "gus", "hana", "ivan", "jade",
            "kai", "lena", "milo", "nora", "omar", "pia", "quinn", "rosa", "sami", "theo", "uma", "vik", "wren",
            "yara");

    /** A second Corridor on the same database, started once for the class. */
    private static ConfigurableApplicationContext second;

    @Autowired
    private Environment environment;

    @Autowired
    private WaitingLine line;

    @AfterEach
    void restoreTheSchool() {
        put("admin", "/api/admin/schools/" + schoolId() + "/settings", Map.of("autoPassesWait", false, "maxStudentsOut",
                0, "teachersMayExceedHallLimit", true, "waitingExpiryMinutes", 10));
        jdbc.update("update location set capacity = 2 where id = ?", destination("Restroom"));
        schoolsOrLocationsChangedInSql();
    }

    @AfterAll
    static void stopTheSecondInstance() {
        if (second != null) {
            second.close();
            second = null;
        }
    }

    /**
     * Eight students start auto passes to the Restroom (2 places) at the same moment,
     * four through each of two service instances: exactly two go, on either.
     */
    @Test
    void autoPassesRacingForTwoPlacesOnTwoInstancesSendTwoOut() {
        TestRestTemplate other = secondInstance();
        for (int round = 0; round < 2; round++) {
            List<String> students = STUDENTS.subList(8 * round, 8 * round + 8);
            List<Callable<ResponseEntity<JsonNode>>> calls = new ArrayList<>();
            for (int i = 0; i < students.size(); i++) {
                String student = students.get(i);
                Map<String, Object> body = autoTo("Restroom");
                calls.add(i % 2 == 0 ? () -> post(student, "/api/passes", body)
                        : () -> call(other, student, HttpMethod.POST, "/api/passes", body));
            }

            List<ResponseEntity<JsonNode>> answers = atOnce(calls);

            assertThat(answers).extracting(a -> a.getStatusCode().value())
                .as("round %d: %s", round, answers)
                .containsOnly(201);
            assertThat(states(answers)).as("round %d", round).filteredOn("ACTIVE"::equals).hasSize(2);
            assertThat(states(answers)).as("round %d", round).filteredOn("PENDING"::equals).hasSize(6);
            assertThat(outAt("Restroom")).isEqualTo(2);
            assertThat(OccupancyCounters.hallMismatches(jdbc)).isEmpty();
            endAllOpenPasses();
        }
    }

    /**
     * Where the school lets auto passes wait, the ones that find no place join the line
     * in the order they came; a student coming back lets exactly the first in line go.
     */
    @Test
    void autoPassesThatFindNoPlaceJoinTheLineAndTheFirstGoesWhenAPlaceFrees() {
        settings(Map.of("autoPassesWait", true));
        List<String> students = STUDENTS.subList(0, 6);

        List<ResponseEntity<JsonNode>> answers = atOnce(students.stream()
            .<Callable<ResponseEntity<JsonNode>>>map(student -> () -> post(student, "/api/passes", autoTo("Restroom")))
            .toList());

        assertThat(states(answers)).filteredOn("ACTIVE"::equals).hasSize(2);
        assertThat(states(answers)).filteredOn("WAITING"::equals).hasSize(4);
        List<JsonNode> waiting = answers.stream()
            .map(ResponseEntity::getBody)
            .filter(p -> p.get("state").asText().equals("WAITING"))
            .map(p -> pass("admin", p.get("id").asText()))
            .toList();
        assertThat(waiting).extracting(p -> p.get("waitingPosition").asInt()).containsExactlyInAnyOrder(1, 2, 3, 4);
        JsonNode first = waiting.stream().filter(p -> p.get("waitingPosition").asInt() == 1).findFirst().orElseThrow();
        assertThat(first.get("status").asText()).isEqualTo("1st in line for the Restroom");

        String back = answers.stream()
            .map(ResponseEntity::getBody)
            .filter(p -> p.get("state").asText().equals("ACTIVE"))
            .findFirst()
            .orElseThrow()
            .get("id")
            .asText();
        assertThat(post("admin", "/api/passes/" + back + "/end", null).getStatusCode()).isEqualTo(HttpStatus.OK);

        assertThat(pass("admin", first.get("id").asText()).get("state").asText()).isEqualTo("ACTIVE");
        assertThat(waiting).filteredOn(p -> p != first)
            .extracting(p -> pass("admin", p.get("id").asText()).get("waitingPosition").asInt())
            .containsExactlyInAnyOrder(1, 2, 3);
        assertThat(outAt("Restroom")).isEqualTo(2);
        endAllOpenPasses();
    }

    /**
     * One place frees while two passes wait for it, and three promoters (the freed
     * place's own, and two more on two instances) race: exactly one pass goes, the first
     * in line.
     */
    @Test
    void aPlaceFreeingWhileTwoWaitingPassesRaceForItPromotesExactlyOne() {
        for (int round = 0; round < 3; round++) {
            List<String> students = STUDENTS.subList(4 * round, 4 * round + 4);
            String out1 = out(students.get(0), "Restroom");
            out(students.get(1), "Restroom");
            String firstInLine = waitFor(students.get(2), "Restroom");
            String secondInLine = waitFor(students.get(3), "Restroom");

            atOnce(List.<Callable<Object>>of(() -> post("admin", "/api/passes/" + out1 + "/end", null),
                    () -> line.promote(schoolId()), () -> line.promote(schoolId())));

            assertThat(pass("admin", firstInLine).get("state").asText()).as("round %d", round).isEqualTo("ACTIVE");
            assertThat(pass("admin", secondInLine).get("state").asText()).as("round %d", round).isEqualTo("WAITING");
            assertThat(pass("admin", secondInLine).get("waitingPosition").asInt()).isEqualTo(1);
            assertThat(outAt("Restroom")).as("round %d", round).isEqualTo(2);
            assertThat(eventKinds(firstInLine)).filteredOn("PLACE_FREED"::equals).hasSize(1);
            post(students.get(3), "/api/passes/" + secondInLine + "/cancel", null);
            endAllOpenPasses();
        }
    }

    /**
     * The waiting pass's expiry falls due in the moment its place frees: it either goes
     * or expires, never both, and the counters say which.
     */
    @Test
    void aWaitingPassExpiringWhilePromotedHasOneOutcome() {
        for (int round = 0; round < 4; round++) {
            List<String> students = STUDENTS.subList(3 * round, 3 * round + 3);
            out(students.get(0), "Restroom");
            out(students.get(1), "Restroom");
            String waiting = waitFor(students.get(2), "Restroom");
            String expiry = timerJobId(waiting, "Event_WaitingExpired");
            // a place frees without anyone coming back (no event): only the racers see it
            jdbc.update("update location set capacity = 3 where id = ?", destination("Restroom"));
            schoolsOrLocationsChangedInSql();

            atOnce(List.<Callable<Object>>of(() -> {
                try {
                    management.executeJob(expiry);
                }
                catch (RuntimeException lostTheRace) {
                    // the promotion took the pass first: the job is gone
                }
                return null;
            }, () -> line.promote(schoolId())));

            String state = pass("admin", waiting).get("state").asText();
            assertThat(state).as("round %d", round).isIn("ACTIVE", "EXPIRED");
            assertThat(outAt("Restroom")).as("round %d", round).isEqualTo(state.equals("ACTIVE") ? 3 : 2);
            assertThat(eventKinds(waiting)).as("round %d", round)
                .filteredOn(k -> k.equals("PLACE_FREED") || k.equals("EXPIRED"))
                .hasSize(1);
            assertThat(hasTimer(waiting, "Event_WaitingExpired")).isFalse();
            endAllOpenPasses();
            jdbc.update("update location set capacity = 2 where id = ?", destination("Restroom"));
            schoolsOrLocationsChangedInSql();
        }
    }

    /**
     * The hallway limit (3 students out) under auto passes racing on two instances to a
     * destination with room for all: three go, the others go to their teacher, told the
     * hallways are full.
     */
    @Test
    void hallwayLimitHoldsUnderAutoPassesRacingOnTwoInstances() {
        TestRestTemplate other = secondInstance();
        settings(Map.of("maxStudentsOut", 3));
        jdbc.update("update location set capacity = 20 where id = ?", destination("Restroom"));
        schoolsOrLocationsChangedInSql();
        List<String> students = STUDENTS.subList(0, 8);
        List<Callable<ResponseEntity<JsonNode>>> calls = new ArrayList<>();
        for (int i = 0; i < students.size(); i++) {
            String student = students.get(i);
            calls.add(i % 2 == 0 ? () -> post(student, "/api/passes", autoTo("Restroom"))
                    : () -> call(other, student, HttpMethod.POST, "/api/passes", autoTo("Restroom")));
        }

        List<ResponseEntity<JsonNode>> answers = atOnce(calls);

        assertThat(states(answers)).as("%s", answers).filteredOn("ACTIVE"::equals).hasSize(3);
        assertThat(answers).filteredOn(a -> a.getBody().get("state").asText().equals("PENDING"))
            .extracting(a -> a.getBody().get("autoPassRefused").asText())
            .hasSize(5)
            .allMatch(why -> why.startsWith("Hall traffic limit reached (3 students out, limit 3)"));
        assertThat(jdbc.queryForObject("select students_out from hall_occupancy where school_id = ?", Integer.class,
                schoolId()))
            .isEqualTo(3);
        endAllOpenPasses();
    }

    private Map<String, Object> autoTo(String destination) {
        return Map.of("departingFromSectionId", english10(), "destinationId", destination(destination), "type", "AUTO");
    }

    /**
     * A regular request to a full destination, approved by Ms Rivera to wait for a place.
     */
    private String waitFor(String student, String destination) {
        String id = request(student, destination).getBody().get("id").asText();
        ResponseEntity<JsonNode> approved = post("rivera", "/api/passes/" + id + "/approve",
                Map.of("waitForPlace", true));
        assertThat(approved.getStatusCode()).as("%s", approved.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(approved.getBody().get("state").asText()).isEqualTo("WAITING");
        return id;
    }

    private void settings(Map<String, Object> change) {
        ResponseEntity<JsonNode> answer = put("admin", "/api/admin/schools/" + schoolId() + "/settings", change);
        assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(HttpStatus.OK);
    }

    private static List<String> states(List<ResponseEntity<JsonNode>> answers) {
        return answers.stream().map(a -> a.getBody().get("state").asText()).toList();
    }

    private int outAt(String destination) {
        return jdbc
            .queryForList("select out_now from destination_occupancy where location_id = ?", Integer.class,
                    destination(destination))
            .stream()
            .findFirst()
            .orElse(0);
    }

    private void endAllOpenPasses() {
        jdbc.queryForList("select id from hall_pass where state in ('WAITING')", String.class)
            .forEach(id -> assertThat(post("admin", "/api/passes/" + id + "/cancel", null).getStatusCode())
                .isEqualTo(HttpStatus.OK));
        jdbc.queryForList("select id from hall_pass where state in ('ACTIVE', 'LONG_RUNNING')", String.class)
            .forEach(id -> assertThat(post("admin", "/api/passes/" + id + "/end", null).getStatusCode())
                .isEqualTo(HttpStatus.OK));
    }

    private ResponseEntity<JsonNode> call(TestRestTemplate client, String who, HttpMethod method, String path,
            Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return client.withBasicAuth(who + "@corridor.test", "demo")
            .exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
    }

    /**
     * A second Corridor on this test's database, with an engine of its own (its own job
     * executor): what two instances behind a load balancer are.
     */
    private TestRestTemplate secondInstance() {
        if (second == null) {
            List<String> args = new ArrayList<>(List.of("--server.port=0",
                    "--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                    "--spring.datasource.username=" + environment.getProperty("spring.datasource.username", ""),
                    "--spring.datasource.password=" + environment.getProperty("spring.datasource.password", ""),
                    "--camunda.bpm.process-engine-name=secondInstance"));
            for (String name : List.of("camunda.bpm.database.type",
                    "spring.datasource.hikari.data-source-properties.nullDatabaseMeansCurrent")) {
                if (environment.getProperty(name) != null) {
                    args.add("--" + name + "=" + environment.getProperty(name));
                }
            }
            second = new SpringApplicationBuilder(CorridorApplication.class).profiles("demo")
                .run(args.toArray(String[]::new));
        }
        int port = ((ServletWebServerApplicationContext) second).getWebServer().getPort();
        return new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + port));
    }

}
