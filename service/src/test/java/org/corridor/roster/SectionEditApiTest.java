package org.corridor.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;

import org.corridor.testing.ApiTest;

/**
 * An administrator sets a class's periods, room and main teacher ({@code PUT
 * /api/admin/sections/{id}}) on the example roster: bad input is refused whole, a class
 * out of reach is 404 or 403, and a later import keeps the choice unless it changes that
 * field, when it wins and its report says so.
 */
class SectionEditApiTest extends ApiTest {

    private static final Path EXAMPLE = Path.of("../examples/oneroster/maple-grove");

    private static final String OBI = "obi@maplegrove.test";

    private String school;

    private String history;

    @BeforeEach
    void importTheExample() {
        RosterSets.forgetImports(jdbc);
        assertThat(importSet(RosterSets.files(EXAMPLE)).getStatusCode()).isEqualTo(HttpStatus.OK);
        school = read(OBI, "/api/me").get("schoolId").asText();
        history = sectionId("mg-his-2");
        ResponseEntity<JsonNode> schedule = as(OBI, HttpMethod.PUT, "/api/admin/schools/" + school + "/periods",
                List.of(Map.of("name", "1", "startsAt", "08:00", "endsAt", "09:00", "days", List.of("MON", "TUE")),
                        Map.of("name", "3", "startsAt", "10:00", "endsAt", "11:00", "days", List.of("MON", "TUE"))));
        assertThat(schedule.getStatusCode()).as("%s", schedule.getBody()).isEqualTo(HttpStatus.OK);
    }

    @AfterEach
    void forgetTheExample() {
        RosterSets.forgetImports(jdbc);
    }

    @Test
    void administratorGivesAClassAPeriodOfTheBellScheduleAndItLeavesTheGaps() {
        String lima = jdbc.queryForObject("select id from person where source_id = 'mg-u-lima'", String.class);
        assertThat(read(OBI, "/api/admin/schools/" + school + "/teachers").findValuesAsText("id")).contains(lima);

        ResponseEntity<JsonNode> answer = as(OBI, HttpMethod.PUT, "/api/admin/sections/" + history,
                Map.of("periods", List.of("3"), "mainTeacherId", lima));

        assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getBody().get("periods").toString()).isEqualTo("[\"3\"]");
        assertThat(answer.getBody().get("mainTeacher").get("name").asText()).isEqualTo("Ana Lima");
        assertThat(answer.getBody().get("editedInCorridor").toString()).isEqualTo("[\"mainTeacher\",\"periods\"]");
        assertThat(read(OBI, "/api/admin/schools/" + school + "/roster-gaps").get("classesWithGaps")
            .findValuesAsText("name")).doesNotContain("World History");
    }

    @Test
    void badFieldsAreRefusedTogetherAndNothingChanges() {
        String student = read("noah.kim@maplegrove.test", "/api/me").get("id").asText();

        ResponseEntity<JsonNode> answer = as(OBI, HttpMethod.PUT, "/api/admin/sections/" + history, Map.of("periods",
                List.of("2", "9"), "roomId", UUID.randomUUID().toString(), "mainTeacherId", student, "teacher", "x"));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("teacher",
                "periods", "roomId", "mainTeacherId");
        assertThat(answer.getBody().get("errors").toString())
            .contains("may only name periods of the school's bell " + "schedule (1, 3); not '2', '9'");
        assertThat(read(OBI, "/api/admin/sections/" + history).get("periods").toString()).isEqualTo("[\"2\"]");
    }

    @Test
    void noPeriodsAtAllIsRefused() {
        ResponseEntity<JsonNode> answer = as(OBI, HttpMethod.PUT, "/api/admin/sections/" + history,
                Map.of("periods", List.of()));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody().get("errors").findValuesAsText("field")).containsExactly("periods");
    }

    @Test
    void aClassOfNoSchoolOfTheDistrictIsNotFoundAndAnotherSchoolsIsForbidden() {
        ResponseEntity<JsonNode> unknown = as(OBI, HttpMethod.PUT, "/api/admin/sections/" + UUID.randomUUID(),
                Map.of("periods", List.of("1")));
        ResponseEntity<JsonNode> demoClass = as(OBI, HttpMethod.GET, "/api/admin/sections/" + english10(), null);

        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(demoClass.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("ava@corridor.test", HttpMethod.PUT, "/api/admin/sections/" + history,
                Map.of("periods", List.of("1")))
            .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void theSameRosterAgainKeepsTheAdministratorsPeriods() {
        edit(history, Map.of("periods", List.of("3")));

        ResponseEntity<JsonNode> again = importSet(RosterSets.files(EXAMPLE));

        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(read(OBI, "/api/admin/sections/" + history).get("periods").toString()).isEqualTo("[\"3\"]");
        assertThat(RosterImportScenarios.reasons(again.getBody(), "notes")).noneMatch(r -> r.contains("World History"));
    }

    @Test
    void aRosterThatChangesThePeriodsWinsAndItsReportSaysSo() {
        edit(history, Map.of("periods", List.of("3")));
        Map<String, byte[]> files = new TreeMap<>(RosterSets.files(EXAMPLE));
        String classes = new String(files.get("classes.csv"), StandardCharsets.UTF_8);
        files.put("classes.csv",
                classes.replace("Social Studies,,2", "Social Studies,,1").getBytes(StandardCharsets.UTF_8));

        ResponseEntity<JsonNode> later = importSet(files);

        assertThat(later.getStatusCode()).as("%s", later.getBody()).isEqualTo(HttpStatus.OK);
        JsonNode section = read(OBI, "/api/admin/sections/" + history);
        assertThat(section.get("periods").toString()).isEqualTo("[\"1\"]");
        assertThat(section.get("editedInCorridor")).isEmpty();
        assertThat(RosterImportScenarios.reasons(later.getBody(), "notes"))
            .anyMatch(r -> r.contains("World History") && r.contains("replace the periods 3"));
    }

    private void edit(String section, Map<String, Object> body) {
        ResponseEntity<JsonNode> answer = as(OBI, HttpMethod.PUT, "/api/admin/sections/" + section, body);
        assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(HttpStatus.OK);
    }

    private String sectionId(String sourceId) {
        return jdbc.queryForObject("select id from section where source_id = ?", String.class, sourceId);
    }

    private ResponseEntity<JsonNode> importSet(Map<String, byte[]> files) {
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        files.forEach((name, bytes) -> body.add("files", RosterSets.named(name, bytes)));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        return http.withBasicAuth("admin@corridor.test", "demo")
            .exchange("/api/admin/roster/import", HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
    }

    private ResponseEntity<JsonNode> as(String who, HttpMethod method, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        return http.withBasicAuth(who, "demo").exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
    }

    private JsonNode read(String who, String path) {
        ResponseEntity<JsonNode> answer = as(who, HttpMethod.GET, path, null);
        assertThat(answer.getStatusCode()).as("GET %s as %s: %s", path, who, answer.getBody()).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

}
