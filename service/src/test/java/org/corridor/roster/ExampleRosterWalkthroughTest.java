package org.corridor.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;

import org.corridor.location.Location;
import org.corridor.testing.ApiTest;
import org.corridor.testing.MapleGroveTerm;

/**
 * The roster walkthrough of docs/administrators.md, step by step, on the example set in
 * {@code examples/oneroster/maple-grove}: what a new user does after starting Corridor.
 * Keeps the guide and the example set honest. The clock stands in the example's 2026-2027
 * term, a Monday, 10:00 in the school's time zone.
 */
@Import(MapleGroveTerm.class)
class ExampleRosterWalkthroughTest extends ApiTest {

    private static final Path EXAMPLE = Path.of("../examples/oneroster/maple-grove");

    private static final String ALL_DAY_PERIOD_1 = """
            [{"name":"1","startsAt":"00:00","endsAt":"00:00","days":["MON","TUE","WED","THU","FRI","SAT","SUN"]}]""";

    @BeforeEach
    @AfterEach
    void noImportedRoster() {
        RosterSets.forgetImports(jdbc);
    }

    @Test
    void theExampleImportsCleanlyAndWarnsAboutPeriodsTheBellScheduleLacks() {
        ResponseEntity<JsonNode> report = importExample();

        assertThat(report.getStatusCode()).as("%s", report.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(report.getBody().get("errors")).isEmpty();
        assertThat(RosterImportScenarios.count(report.getBody(), "users", "created")).isEqualTo(9);
        assertThat(RosterImportScenarios.reasons(report.getBody(), "warnings"))
            .anyMatch(reason -> reason.contains("period '2'"));
    }

    @Test
    void aStudentsRequestLandsWithTheMainTeacherOnceTheSchoolAdministratorSetsTheBellSchedule() {
        importExample();
        String school = me("obi@maplegrove.test").get("schoolId").asText();
        putSchedule("obi@maplegrove.test", school);

        JsonNode leaving = read("noah.kim@maplegrove.test", "/api/me/departing-from");
        assertThat(leaving).hasSize(1);
        assertThat(leaving.get(0).get("section").asText()).isEqualTo("Biology");
        assertThat(leaving.get(0).get("room").get("name").asText()).isEqualTo("Room 112");
        String pass = requestToRestroom(school, leaving.get(0).get("sectionId").asText());

        assertThat(read("patel@maplegrove.test", "/api/requests").toString()).contains(pass);
        assertThat(read("lima@maplegrove.test", "/api/requests").toString()).doesNotContain(pass);
    }

    @Test
    void routingExplainsTheCoTeacherAndThePeriodMissingFromTheBellSchedule() {
        importExample();
        String school = me("obi@maplegrove.test").get("schoolId").asText();
        putSchedule("obi@maplegrove.test", school);
        String lima = me("lima@maplegrove.test").get("id").asText();

        JsonNode answer = read("admin@corridor.test", "/api/admin/routing?studentNumber=5001&teacherId=" + lima);

        assertThat(answer.get("verdict").asText()).isEqualTo("ROUTED");
        assertThat(answer.get("explanation").asText()).contains("Priya Patel");
        assertThat(answer.get("teacher").get("wouldReceive").asBoolean()).isFalse();
        assertThat(answer.get("teacher").get("explanation").asText()).contains("co-teacher");
        assertThat(answer.get("sections").toString()).contains("period 2, which is not in the bell schedule");
    }

    @Test
    void rosterGapsNameTheClassWhosePeriodTheBellScheduleLacks() {
        importExample();
        String school = me("obi@maplegrove.test").get("schoolId").asText();
        JsonNode before = read("obi@maplegrove.test", "/api/admin/schools/" + school + "/roster-gaps");
        putSchedule("obi@maplegrove.test", school);

        JsonNode after = read("obi@maplegrove.test", "/api/admin/schools/" + school + "/roster-gaps");

        assertThat(before.get("classesWithGaps").findValuesAsText("name")).contains("Biology", "World History");
        assertThat(after.get("classesWithGaps").findValuesAsText("name")).containsExactly("World History");
        JsonNode history = after.get("classesWithGaps").get(0);
        assertThat(history.get("gaps").toString()).isEqualTo("[\"NO_PERIOD_IN_SCHEDULE\"]");
        assertThat(history.get("periodsNotInSchedule").toString()).isEqualTo("[\"2\"]");
        assertThat(after.get("studentsInNoClass")).isEmpty();
    }

    private ResponseEntity<JsonNode> importExample() {
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        RosterSets.files(EXAMPLE).forEach((name, bytes) -> body.add("files", RosterSets.named(name, bytes)));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        return http.withBasicAuth("admin@corridor.test", "demo")
            .exchange("/api/admin/roster/import", HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
    }

    private void putSchedule(String who, String school) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<JsonNode> answer = http.withBasicAuth(who, "demo")
            .exchange("/api/admin/schools/" + school + "/periods", HttpMethod.PUT,
                    new HttpEntity<>(ALL_DAY_PERIOD_1, headers), JsonNode.class);
        assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(HttpStatus.OK);
    }

    private String requestToRestroom(String school, String section) {
        String restroom = locations.findBySchoolIdAndDestinationTrueOrderByName(school)
            .stream()
            .filter(l -> l.getName().equals("Restroom"))
            .map(Location::getId)
            .findFirst()
            .orElseThrow();
        ResponseEntity<JsonNode> pass = http.withBasicAuth("noah.kim@maplegrove.test", "demo")
            .postForEntity("/api/passes",
                    Map.of("departingFromSectionId", section, "destinationId", restroom, "type", "REGULAR"),
                    JsonNode.class);
        assertThat(pass.getStatusCode()).as("%s", pass.getBody()).isEqualTo(HttpStatus.CREATED);
        return pass.getBody().get("id").asText();
    }

    private JsonNode me(String who) {
        return read(who, "/api/me");
    }

    private JsonNode read(String who, String path) {
        ResponseEntity<JsonNode> answer = http.withBasicAuth(who, "demo").getForEntity(path, JsonNode.class);
        assertThat(answer.getStatusCode()).as("GET %s as %s: %s", path, who, answer.getBody()).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

}
