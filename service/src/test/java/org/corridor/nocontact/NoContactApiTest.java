package org.corridor.nocontact;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;

import org.corridor.person.Person;
import org.corridor.person.Role;
import org.corridor.testing.ApiTest;
import org.corridor.testing.OnMariaDb;

/**
 * Administrators keep the district's no-contact list; the rules read the pairs in force
 * on the school's date.
 */
@OnMariaDb
class NoContactApiTest extends ApiTest {

    private static final String PAIRS = "/api/admin/no-contact-pairs";

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("America/New_York"));

    @BeforeEach
    @AfterEach
    void keepOnlyTheDemoPair() {
        // The demo's own pair (Ava and Ben) has no creation time; every pair a test adds
        // has one.
        jdbc.update("delete from no_contact_pair where created_at is not null");
        jdbc.update("delete from no_contact_change");
        jdbc.update("delete from person_role where person_id in "
                + "(select id from person where email like '%@nocontact.test')");
        jdbc.update("delete from person where email like '%@nocontact.test'");
    }

    @Test
    void pairAddedByStudentNumbersFlagsTheNextRequestWithoutNamingThePartnerToTheStudent() {
        var added = post("admin", PAIRS, Map.of("studentNumber", person("cara").getStudentNumber(),
                "otherStudentNumber", person("dan").getStudentNumber(), "note", "Agreed with both families"));
        out("cara", "Library");

        String id = request("dan", "Restroom").getBody().get("id").asText();

        assertThat(added.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(pass("rivera", id).get("flags").findValuesAsText("message"))
            .containsExactly("No-contact conflict: Cara Castillo is out (Library)");
        JsonNode studentView = pass("dan", id);
        assertThat(studentView.get("flags").findValuesAsText("message"))
            .containsExactly("A no-contact restriction applies to this request");
        assertThat(studentView.toString()).doesNotContain("Cara").doesNotContain("Castillo");
    }

    @Test
    void pairOutsideItsDatesDoesNotFlag() {
        post("admin", PAIRS, Map.of("studentId", person("cara").getId(), "otherStudentId", person("dan").getId(),
                "from", TODAY.minusDays(10).toString(), "until", TODAY.minusDays(1).toString()));
        post("admin", PAIRS, Map.of("studentId", person("eli").getId(), "otherStudentId", person("dan").getId(), "from",
                TODAY.plusDays(1).toString()));
        out("cara", "Library");
        out("eli", "Library");

        var answer = request("dan", "Restroom");

        assertThat(answer.getBody().get("flags")).isEmpty();
    }

    @Test
    void samePairInEitherOrderIsRefusedAsADuplicate() {
        post("admin", PAIRS, Map.of("studentId", person("cara").getId(), "otherStudentId", person("dan").getId()));

        var again = post("admin", PAIRS,
                Map.of("studentId", person("dan").getId(), "otherStudentId", person("cara").getId()));

        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getBody().get("type").asText()).endsWith("/duplicate-no-contact-pair");
        assertThat(get("admin", PAIRS + "?studentId=" + person("cara").getId()).getBody()).hasSize(1);
    }

    @Test
    void studentPairedWithThemselvesIsRefused() {
        var answer = post("admin", PAIRS,
                Map.of("studentId", person("cara").getId(), "otherStudentId", person("cara").getId()));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(answer)).containsExactly("otherStudentId");
    }

    @Test
    void teacherAndStudentOfNoSchoolAreUnknownStudents() {
        Person schoolless = people
            .save(new Person(person("ava").getDistrictId(), null, "sol@nocontact.test", "Sol", "Nowhere", Role.STUDENT)
                .withStudentNumber("7777"));

        var byId = post("admin", PAIRS,
                Map.of("studentId", schoolless.getId(), "otherStudentId", person("rivera").getId()));
        var byNumber = post("admin", PAIRS, Map.of("studentNumber", "7777", "otherStudentNumber", "no-such-number"));

        assertThat(byId.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(byId)).containsExactly("studentId", "otherStudentId");
        assertThat(fields(byNumber)).containsExactly("studentNumber", "otherStudentNumber");
        assertThat(jdbc.queryForObject("select count(*) from no_contact_pair", Integer.class)).isEqualTo(1);
    }

    @Test
    void pairEndingBeforeItStartsOrWithAnUnreadableDateIsRefused() {
        var backwards = post("admin", PAIRS, Map.of("studentId", person("cara").getId(), "otherStudentId",
                person("dan").getId(), "from", "2026-11-10", "until", "2026-11-09"));
        var unreadable = post("admin", PAIRS, Map.of("studentId", person("cara").getId(), "otherStudentId",
                person("dan").getId(), "from", "10/11/2026"));

        assertThat(backwards.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(backwards)).containsExactly("until");
        assertThat(unreadable.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(jdbc.queryForObject("select count(*) from no_contact_pair", Integer.class)).isEqualTo(1);
    }

    @Test
    void removedPairStopsFlaggingAndTheHistorySaysWhoAddedAndRemovedIt() {
        String id = post("admin", PAIRS,
                Map.of("studentId", person("cara").getId(), "otherStudentId", person("dan").getId()))
            .getBody()
            .get("id")
            .asText();

        var removed = call("admin", HttpMethod.DELETE, PAIRS + "/" + id, null, Map.of());
        out("cara", "Library");

        assertThat(removed.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(request("dan", "Restroom").getBody().get("flags")).isEmpty();
        JsonNode history = get("admin", PAIRS + "/history?studentId=" + person("dan").getId()).getBody();
        assertThat(history.findValuesAsText("action")).containsExactly("ADDED", "REMOVED");
        assertThat(history.findValuesAsText("pairId")).containsOnly(id);
        assertThat(history.get(1).get("by").get("id").asText()).isEqualTo(person("admin").getId());
        assertThat(history.get(1).get("at").asText()).isNotBlank();
    }

    @Test
    void listOfAStudentShowsEachPairFromThatStudentsSide() {
        post("admin", PAIRS, Map.of("studentId", person("cara").getId(), "otherStudentId", person("dan").getId()));
        post("admin", PAIRS, Map.of("studentId", person("eli").getId(), "otherStudentId", person("dan").getId()));

        JsonNode list = get("admin", PAIRS + "?studentId=" + person("dan").getId()).getBody();

        assertThat(list.findPath("student").get("name").asText()).isEqualTo("Dan Dubois");
        assertThat(list.findValues("otherStudent").stream().map(s -> s.get("name").asText()))
            .containsExactlyInAnyOrder("Cara Castillo", "Eli Evans");
    }

    @Test
    void teachersAndStudentsNeverSeeThePairs() {
        assertThat(get("rivera", PAIRS).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("ava", PAIRS).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("rivera", PAIRS + "/history").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void csvWithBadRowsAddsNothingAndReportsEachRow() {
        String csv = "studentNumber,otherStudentNumber,note,from,until\n" + number("cara") + "," + number("dan")
                + ",fine row,,\n" + number("eli") + ",99999,,,\n" + number("fay") + "," + number("fay") + ",,,\n"
                + number("gus") + "," + number("hana") + ",,2026-13-01,\n" + "," + number("ivan") + ",,,\n"
                + number("dan") + "," + number("cara") + ",,,\n";

        var answer = upload(csv);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        List<String> report = answer.getBody().get("errors").findValuesAsText("row").stream().toList();
        assertThat(answer.getBody().get("errors").toString()).contains("\"row\":3,\"column\":\"otherStudentNumber\"")
            .contains("\"row\":4,\"column\":\"otherStudentNumber\"")
            .contains("\"row\":5,\"column\":\"from\"")
            .contains("\"row\":6,\"column\":\"studentNumber\"")
            .contains("\"row\":7,\"column\":\"otherStudentNumber\"");
        assertThat(report).hasSize(5);
        assertThat(jdbc.queryForObject("select count(*) from no_contact_pair", Integer.class)).isEqualTo(1);
    }

    @Test
    void csvOfGoodRowsAddsEveryPair() {
        String csv = "\uFEFFstudentNumber,otherStudentNumber,note,from,until\r\n" + number("cara") + "," + number("dan")
                + ",\"Agreed, with both families\"," + TODAY + ",\r\n" + number("eli") + "," + number("fay")
                + ",,,\r\n";

        var answer = upload(csv);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getBody().get("added").asInt()).isEqualTo(2);
        JsonNode cara = get("admin", PAIRS + "?studentId=" + person("cara").getId()).getBody();
        assertThat(cara.get(0).get("note").asText()).isEqualTo("Agreed, with both families");
        assertThat(cara.get(0).get("from").asText()).isEqualTo(TODAY.toString());
    }

    private String number(String name) {
        return person(name).getStudentNumber();
    }

    private static List<String> fields(ResponseEntity<JsonNode> answer) {
        return answer.getBody().get("errors").findValuesAsText("field");
    }

    private ResponseEntity<JsonNode> upload(String csv) {
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("file", new ByteArrayResource(csv.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "pairs.csv";
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        return http.withBasicAuth("admin@corridor.test", "demo")
            .exchange(PAIRS + "/import", HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
    }

}
