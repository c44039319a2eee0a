package org.corridor.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import org.corridor.testing.ApiTest;
import org.corridor.testing.OnH2;

/** The auditor's search over the demo district's passes, as pages and as CSV. */
@OnH2
class AuditSearchApiTest extends ApiTest {

    static final ZoneId SCHOOL_ZONE = ZoneId.of("America/New_York");

    @AfterEach
    void removeTestDestinations() {
        startWithNoPasses();
        jdbc.update("delete from destination_occupancy where location_id in "
                + "(select id from location where name like 'Test %')");
        jdbc.update("delete from location where name like 'Test %'");
    }

    @Test
    void aStudentIsFoundByNumberWithTheFlagsTheRulesRaised() {
        out("ava", "Library");
        String bens = request("ben", "Library").getBody().get("id").asText();

        JsonNode page = search("?studentNumber=1002");

        assertThat(page.get("total").asLong()).isEqualTo(1);
        JsonNode row = page.get("passes").get(0);
        assertThat(row.get("id").asText()).isEqualTo(bens);
        assertThat(row.get("student").get("name").asText()).isEqualTo(person("ben").getName());
        assertThat(row.get("routedTo").get("name").asText()).isEqualTo("Ms Rivera");
        assertThat(row.get("timeZone").asText()).isEqualTo(SCHOOL_ZONE.getId());
        assertThat(row.get("flags").findValuesAsText("code")).contains("NO_CONTACT");
        assertThat(row.get("flags").get(0).get("ruleSetVersion").asText()).isNotBlank();
    }

    @Test
    void everyFilterNarrowsTheSearch() {
        String avas = out("ava", "Library");
        String bens = request("ben", "Library").getBody().get("id").asText();
        String version = search("?flag=NO_CONTACT").get("passes")
            .get(0)
            .get("flags")
            .get(0)
            .get("ruleSetVersion")
            .asText();

        assertThat(ids("?studentId=" + person("ava").getId())).containsExactly(avas);
        assertThat(ids("?state=ACTIVE")).containsExactly(avas);
        assertThat(ids("?state=pending")).containsExactly(bens);
        assertThat(ids("?type=REGULAR&channel=DEVICE")).containsExactlyInAnyOrder(avas, bens);
        assertThat(ids("?type=AUTO")).isEmpty();
        assertThat(ids("?destinationId=" + destination("Library"))).containsExactlyInAnyOrder(avas, bens);
        assertThat(ids("?destinationId=" + destination("Restroom"))).isEmpty();
        assertThat(ids("?teacherId=" + person("rivera").getId())).containsExactlyInAnyOrder(avas, bens);
        assertThat(ids("?teacherId=" + person("chen").getId())).as("co-teacher of English 10").hasSize(2);
        assertThat(ids("?teacherId=" + person("okafor").getId())).isEmpty();
        assertThat(ids("?schoolId=" + schoolId())).hasSize(2);
        assertThat(ids("?flag=NO_CONTACT")).containsExactly(bens);
        assertThat(ids("?ruleSetVersion=" + version)).containsExactly(bens);
        assertThat(ids("?ruleSetVersion=no-such-version")).isEmpty();
    }

    @Test
    void datesAreDaysOfTheSchoolsCalendar() {
        String avas = request("ava", "Restroom").getBody().get("id").asText();
        LocalDate today = LocalDate.now(SCHOOL_ZONE);

        assertThat(ids("?from=" + today + "&to=" + today)).containsExactly(avas);
        assertThat(ids("?to=" + today.minusDays(1))).isEmpty();
        assertThat(ids("?from=" + today.plusDays(1))).isEmpty();
        assertThat(ids("?from=" + today + "T00:00")).containsExactly(avas);
        assertThat(ids("?to=" + Instant.now().plusSeconds(60))).containsExactly(avas);
    }

    @Test
    void resultsComePagedNewestFirstWithTheTotal() {
        String first = endedPass("ava");
        String second = endedPass("ben");
        String third = endedPass("cara");

        JsonNode page0 = search("?size=2");
        JsonNode page1 = search("?size=2&page=1");

        assertThat(page0.get("total").asLong()).isEqualTo(3);
        assertThat(ids("?size=2")).containsExactly(third, second);
        assertThat(ids("?size=2&page=1")).containsExactly(first);
        assertThat(ids("?sort=requestedAt,asc")).containsExactly(first, second, third);
    }

    @Test
    void badFiltersAreRefusedNamingEachField() {
        var answer = get("auditor", "/api/audit/passes?state=WANDERING&from=yesterday&size=0&page=-1&studnt=1"
                + "&sort=name&type=x&to=2026-13-01");

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody().get("type").asText()).endsWith("invalid-input");
        assertThat(answer.getBody().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("state", "from",
                "size", "page", "studnt", "sort", "type", "to");
    }

    @Test
    void aRangeThatEndsBeforeItStartsIsRefused() {
        var answer = get("auditor", "/api/audit/passes?from=2026-09-02&to=2026-09-01");

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody().get("errors").findValuesAsText("field")).containsExactly("to");
    }

    @Test
    void aSchoolOfAnotherDistrictIsRefusedAsUnknown() {
        var answer = get("auditor", "/api/audit/passes?schoolId=not-a-school");

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody().get("errors").findValuesAsText("field")).containsExactly("schoolId");
    }

    @Test
    void theExportIsCsvWithTimesOnTheSchoolsClockAndQuotedCommas() throws IOException {
        String odd = created("Test Nurse, \"east\" wing");
        String id = post("ava", "/api/passes",
                Map.of("departingFromSectionId", english10(), "destinationId", odd, "type", "REGULAR"))
            .getBody()
            .get("id")
            .asText();
        post("rivera", "/api/passes/" + id + "/approve", Map.of());
        Instant requestedAt = Instant.parse(pass("ava", id).get("requestedAt").asText());

        ResponseEntity<String> answer = csv("auditor", "?studentNumber=1001");

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getHeaders().getContentType().isCompatibleWith(MediaType.valueOf("text/csv"))).isTrue();
        assertThat(answer.getBody()).contains("\"Test Nurse, \"\"east\"\" wing\"");
        List<CSVRecord> rows = CSVFormat.RFC4180.builder()
            .setHeader()
            .get()
            .parse(new StringReader(answer.getBody()))
            .getRecords();
        assertThat(rows).hasSize(1);
        CSVRecord row = rows.get(0);
        assertThat(row.getParser().getHeaderNames()).containsExactly(PassSearch.CSV_HEADER);
        assertThat(row.get("pass_id")).isEqualTo(id);
        assertThat(row.get("destination")).isEqualTo("Test Nurse, \"east\" wing");
        assertThat(row.get("state")).isEqualTo("ACTIVE");
        OffsetDateTime local = OffsetDateTime.parse(row.get("requested_at"));
        assertThat(local.getOffset()).isEqualTo(SCHOOL_ZONE.getRules().getOffset(requestedAt));
        assertThat(local.toInstant()).isEqualTo(requestedAt);
        assertThat(row.get("ended_at")).isEmpty();
    }

    @Test
    void aClientThatAcceptsAnythingGetsThePageAsJson() {
        request("ava", "Restroom");
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.ALL));

        var answer = http.withBasicAuth("auditor@corridor.test", "demo")
            .exchange("/api/audit/passes", HttpMethod.GET, new HttpEntity<>(headers), String.class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();
    }

    @Test
    void aBadFilterOfAnExportIsAProblemNotAHalfWrittenFile() {
        ResponseEntity<String> answer = csv("auditor", "?from=soon");

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody()).contains("\"field\":\"from\"");
    }

    @Test
    void teachersAndStudentsCannotSearch() {
        request("ava", "Restroom");

        assertThat(get("rivera", "/api/audit/passes").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("ava", "/api/audit/passes").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(csv("ava", "").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("admin", "/api/audit/passes").getBody().get("total").asLong()).isEqualTo(1);
    }

    private String created(String name) {
        var answer = post("admin", "/api/admin/schools/" + schoolId() + "/destinations",
                Map.of("name", name, "capacity", 5));
        assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(HttpStatus.CREATED);
        return answer.getBody().get("id").asText();
    }

    private String endedPass(String student) {
        String id = out(student, "Restroom");
        post(student, "/api/passes/" + id + "/end", Map.of());
        return id;
    }

    JsonNode search(String query) {
        var answer = get("auditor", "/api/audit/passes" + query);
        assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

    List<String> ids(String query) {
        List<String> ids = new java.util.ArrayList<>();
        search(query).get("passes").forEach(p -> ids.add(p.get("id").asText()));
        return ids;
    }

    ResponseEntity<String> csv(String who, String query) {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.valueOf("text/csv")));
        return http.withBasicAuth(who + "@corridor.test", "demo")
            .exchange("/api/audit/passes" + query, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

}
