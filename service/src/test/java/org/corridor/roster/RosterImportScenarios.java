package org.corridor.roster;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
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
import org.corridor.person.Person;
import org.corridor.person.Role;
import org.corridor.testing.ApiTest;
import org.corridor.testing.SchoolClocks;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OneRoster imports over HTTP, as the demo administrator, on the shared data sets and the hand-made fixtures.
 * The clock stands in the 2020-2021 school year of the Grand Bend and Lakeside sets (a Monday, 10:00 in the
 * demo school's time zone). Run once per database by the subclasses.
 */
@Import(RosterImportScenarios.SchoolYear2020.class)
abstract class RosterImportScenarios extends ApiTest {

    @TestConfiguration
    static class SchoolYear2020 {
        @Bean
        @Primary
        Clock schoolYear2020Clock() {
            return SchoolClocks.runningFrom(Instant.parse("2020-10-05T14:00:00Z"));
        }
    }

    @BeforeEach
    @AfterEach
    void noImportedRoster() {
        RosterSets.forgetImports(jdbc);
    }

    /** An administrator for the whole district (no school of their own): the one who sets new schools' bells. */
    @BeforeEach
    void aDistrictAdministrator() {
        if (people.findByEmailKey(Person.emailKey("district.admin@corridor.test")).isEmpty()) {
            people.save(new Person(person("admin").getDistrictId(), null, "district.admin@corridor.test", "Dana",
                    "District", Role.ADMIN));
        }
    }

    ResponseEntity<JsonNode> importZip(String who, byte[] zip) {
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("file", RosterSets.named("roster.zip", zip));
        return multipart(who, body);
    }

    ResponseEntity<JsonNode> importFiles(Map<String, byte[]> files) {
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        files.forEach((name, bytes) -> body.add("files", RosterSets.named(name, bytes)));
        return multipart("admin", body);
    }

    private ResponseEntity<JsonNode> multipart(String who, MultiValueMap<String, Object> body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        return http.withBasicAuth(who + "@corridor.test", "demo")
                .exchange("/api/admin/roster/import", HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
    }

    static int count(JsonNode report, String kind, String what) {
        return report.get("counts").get(kind).get(what).asInt();
    }

    static List<String> reasons(JsonNode report, String list) {
        List<String> reasons = new ArrayList<>();
        report.get(list).forEach(p -> reasons.add(p.get("reason").asText()));
        return reasons;
    }

    String schoolBySource(String sourceId) {
        return jdbc.queryForObject("select id from school where source_id = ?", String.class, sourceId);
    }

    void allDayPeriod(String schoolId, String name) {
        var answer = put("district.admin", "/api/admin/schools/" + schoolId + "/periods", List.of(Map.of("name", name,
                "startsAt", "00:00", "endsAt", "00:00", "days", List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"))));
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    /** The Restroom a school made by an import starts with. */
    String starterRestroom(String schoolId) {
        return locations.findBySchoolIdAndDestinationTrueOrderByName(schoolId).stream()
                .filter(l -> l.getName().equals("Restroom")).map(Location::getId).findFirst().orElseThrow();
    }

    // ------------------------------------------------------------------------------------- shared sets

    @Test
    void grandBendImportsCleanlyAndTheSecondImportChangesNothing() {
        var first = importZip("admin", RosterSets.zip(RosterSets.GRAND_BEND));
        assertThat(first.getStatusCode()).as("%s", first.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(first.getBody().get("errors")).isEmpty();
        assertThat(count(first.getBody(), "users", "created")).isEqualTo(10);
        assertThat(count(first.getBody(), "sections", "created")).isEqualTo(2);
        assertThat(count(first.getBody(), "schools", "created")).isEqualTo(1);
        // 20 student rows split by semester make 10 (class, student) enrolments; 4 teacher rows make 2 main teachers.
        assertThat(count(first.getBody(), "enrollments", "created")).isEqualTo(12);

        var second = importZip("admin", RosterSets.zip(RosterSets.GRAND_BEND));

        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.OK);
        for (String kind : RosterReport.KINDS) {
            assertThat(count(second.getBody(), kind, "created")).as(kind).isZero();
            assertThat(count(second.getBody(), kind, "updated")).as(kind).isZero();
            assertThat(count(second.getBody(), kind, "removed")).as(kind).isZero();
        }
        assertThat(count(second.getBody(), "users", "unchanged")).isEqualTo(10);
    }

    @Test
    void theGeneratedDistrictImportsCleanlyTwice() {
        var first = importZip("admin", RosterSets.zip(RosterSets.GENERATED));
        assertThat(first.getStatusCode()).as("%s", first.getBody() == null ? "" : first.getBody().get("errors"))
                .isEqualTo(HttpStatus.OK);
        assertThat(count(first.getBody(), "users", "created")).isEqualTo(837);
        assertThat(count(first.getBody(), "schools", "created")).isEqualTo(8);
        assertThat(count(first.getBody(), "sections", "created")).isEqualTo(364);
        assertThat(count(first.getBody(), "enrollments", "created")).isEqualTo(5810);

        var second = importZip("admin", RosterSets.zip(RosterSets.GENERATED));

        assertThat(count(second.getBody(), "users", "unchanged")).isEqualTo(837);
        assertThat(count(second.getBody(), "enrollments", "unchanged")).isEqualTo(5810);
        assertThat(count(second.getBody(), "users", "updated") + count(second.getBody(), "sections", "updated")
                + count(second.getBody(), "enrollments", "updated")).isZero();
    }

    @Test
    void theCatalystDeltaExampleApplies() {
        var answer = importZip("admin", RosterSets.zip(RosterSets.CATALYST_DELTA));

        assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(count(answer.getBody(), "users", "created")).isEqualTo(1);
        assertThat(count(answer.getBody(), "sections", "created")).isEqualTo(1);
        assertThat(reasons(answer.getBody(), "warnings")).anyMatch(r -> r.contains("has no teacher"));
    }

    @Test
    void theBrokenV12SetIsRejectedWholeWithRowsAndColumns() {
        int people = jdbc.queryForObject("select count(*) from person", Integer.class);

        var answer = importZip("admin", RosterSets.zip(RosterSets.CATALYST_BROKEN));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(answer.getBody().get("outcome").asText()).isEqualTo("REJECTED");
        assertThat(answer.getBody().get("detail").asText()).contains("nothing was changed");
        assertThat(answer.getBody().get("errors")).anySatisfy(e -> {
            assertThat(e.get("file").asText()).isNotEmpty();
            assertThat(e.has("row")).isTrue();
        });
        assertThat(jdbc.queryForObject("select count(*) from person", Integer.class)).isEqualTo(people);
        assertThat(get("admin", "/api/admin/roster/imports").getBody().get(0).get("outcome").asText())
                .isEqualTo("REJECTED");
    }

    // ------------------------------------------------------------------------------------- acceptance

    @Test
    void aGrandBendStudentOfEng1ReachesItsTeacherOnceThePeriodIsInTheBellSchedule() {
        assertThat(importZip("admin", RosterSets.zip(RosterSets.GRAND_BEND)).getStatusCode()).isEqualTo(HttpStatus.OK);
        allDayPeriod(schoolBySource("255901001"), "1");
        String student = jdbc.queryForObject("""
                select p.email from person p join section_student e on e.person_id = p.id
                join section s on s.id = e.section_id where s.name = 'ENG-1' order by p.email limit 1""", String.class);
        String teacher = jdbc.queryForObject("""
                select p.email from person p join section s on s.main_teacher_id = p.id where s.name = 'ENG-1'""",
                String.class);
        String destination = starterRestroom(schoolBySource("255901001"));

        JsonNode leaving = http.withBasicAuth(student, "demo").getForEntity("/api/me/departing-from", JsonNode.class)
                .getBody();
        assertThat(leaving).hasSize(1);
        assertThat(leaving.get(0).get("section").asText()).isEqualTo("ENG-1");
        assertThat(leaving.get(0).get("room").get("name").asText()).isEqualTo("120");
        var pass = http.withBasicAuth(student, "demo").postForEntity("/api/passes", Map.of(
                "departingFromSectionId", leaving.get(0).get("sectionId").asText(), "destinationId", destination,
                "type", "REGULAR"), JsonNode.class);
        assertThat(pass.getStatusCode()).as("%s", pass.getBody()).isEqualTo(HttpStatus.CREATED);

        JsonNode requests = http.withBasicAuth(teacher, "demo").getForEntity("/api/requests", JsonNode.class).getBody();
        assertThat(requests.toString()).contains(pass.getBody().get("id").asText());
    }

    // ------------------------------------------------------------------------------------- fixtures

    @Test
    void coTeachersABomNonAsciiNamesAndMultiSchoolTeachersImport() {
        var answer = importFiles(RosterSets.files(RosterSets.fixture("lakeside")));

        assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(jdbc.queryForObject("select count(*) from section_co_teacher c join section s on s.id = c.section_id "
                + "where s.source_id = 'C1'", Integer.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select given_name from person where source_id = 'U1'", String.class))
                .isEqualTo("Zoë");
        assertThat(jdbc.queryForObject("select student_number from person where source_id = 'U3'", String.class))
                .isEqualTo("00042");
        assertThat(jdbc.queryForObject("select count(*) from person where source_id = 'U5'", Integer.class)).isZero();
        assertThat(reasons(answer.getBody(), "warnings"))
                .anyMatch(r -> r.contains("period '1', which is not in the bell schedule of school Lakeside High"))
                .anyMatch(r -> r.contains("Math 7 names no room"));
        assertThat(reasons(answer.getBody(), "notes")).anyMatch(r -> r.contains("several schools"));
    }

    @Test
    void aSchoolMadeByTheImportStartsWithTheStarterDestinations() {
        var answer = importFiles(RosterSets.files(RosterSets.fixture("lakeside")));

        assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(HttpStatus.OK);
        String high = schoolBySource("S1");
        JsonNode listed = get("district.admin", "/api/admin/schools/" + high + "/locations").getBody();
        assertThat(listed.findValuesAsText("name")).containsExactly("Library", "Main Office", "Nurse", "Restroom",
                "Room 2-B");
        assertThat(listed).filteredOn(l -> l.get("destination").asBoolean()).extracting(l -> l.get("name").asText()
                + " " + l.get("capacity").asInt() + " " + l.get("open").asBoolean() + " "
                + l.get("autoPassAllowed").asBoolean())
                .containsExactly("Library 0 true false", "Main Office 0 true false", "Nurse 0 true false",
                        "Restroom 2 true false");
        assertThat(reasons(answer.getBody(), "notes"))
                .anyMatch(r -> r.contains("School Lakeside High was created with the starter destinations")
                        && r.contains("/api/admin/schools/" + high + "/locations"))
                .anyMatch(r -> r.contains("School Lakeside Middle was created with the starter destinations"));
    }

    @Test
    void aSecondImportGivesTheSchoolNoMoreDestinations() {
        importFiles(RosterSets.files(RosterSets.fixture("lakeside")));
        String high = schoolBySource("S1");
        locations.findBySchoolIdAndDestinationTrueOrderByName(high).forEach(locations::delete);

        var again = importFiles(RosterSets.files(RosterSets.fixture("lakeside")));

        assertThat(again.getStatusCode()).as("%s", again.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(locations.findBySchoolIdAndDestinationTrueOrderByName(high)).isEmpty();
        assertThat(reasons(again.getBody(), "notes")).noneMatch(r -> r.contains("starter destinations"));
    }

    @Test
    void aRosterRoomWithAStarterNameBecomesThatDestination() {
        Map<String, byte[]> files = new java.util.TreeMap<>(RosterSets.files(RosterSets.fixture("lakeside")));
        files.put("classes.csv", new String(files.get("classes.csv")).replace("Room 2-B", "library").getBytes());

        var answer = importFiles(files);

        assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(HttpStatus.OK);
        String high = schoolBySource("S1");
        String classRoom = jdbc.queryForObject("select room_id from section where source_id = 'C1'", String.class);
        assertThat(locations.findBySchoolId(high)).hasSize(4);
        assertThat(locations.findById(classRoom).orElseThrow()).satisfies(room -> {
            assertThat(room.isDestination()).isTrue();
            assertThat(room.getName()).isEqualTo("library");
        });
    }

    @Test
    void roomNamesThatDifferOnlyInCaseAreOneRoom() {
        Map<String, byte[]> files = new java.util.TreeMap<>(RosterSets.files(RosterSets.fixture("lakeside")));
        String classes = new String(files.get("classes.csv"), java.nio.charset.StandardCharsets.UTF_8);
        files.put("classes.csv", (classes.stripTrailing() + "\nC3,,,Chemistry,10,CO3,CH1,scheduled,ROOM 2-b,S1,T1,"
                + "Chemistry,,3\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        importFiles(files);
        files.put("classes.csv", classes.replace("Room 2-B", "room 2-B").getBytes(java.nio.charset.StandardCharsets.UTF_8));

        var again = importFiles(files);

        assertThat(again.getStatusCode()).as("%s", again.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(jdbc.queryForObject("select count(*) from location where school_id = ? and upper(name) = 'ROOM 2-B'",
                Integer.class, schoolBySource("S1"))).isEqualTo(1);
    }

    @Test
    void anImportedEmailWithCapitalsSignsInTypedInLowerCase() {
        importFiles(lakesideWithTeacherEmail("Zoe.Nunez@Lakeside.TEST"));

        var me = http.withBasicAuth("zoe.nunez@lakeside.test", "demo").getForEntity("/api/me", JsonNode.class);

        assertThat(me.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(me.getBody().get("email").asText()).isEqualTo("Zoe.Nunez@Lakeside.TEST");
    }

    @Test
    void anEmailALaterImportChangesSignsInInAnyCaseAndTheOldOneNoLonger() {
        importFiles(lakesideWithTeacherEmail("zoe.nunez@lakeside.test"));

        var again = importFiles(lakesideWithTeacherEmail("Zoe.Wrobel@Lakeside.TEST"));

        assertThat(count(again.getBody(), "users", "updated")).isEqualTo(1);
        assertThat(http.withBasicAuth("zoe.wrobel@lakeside.test", "demo").getForEntity("/api/me", JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(http.withBasicAuth("zoe.nunez@lakeside.test", "demo").getForEntity("/api/me", JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    /** The Lakeside fixture with its teacher Zoë Núñez (U1) given this email. */
    private static Map<String, byte[]> lakesideWithTeacherEmail(String email) {
        Map<String, byte[]> files = new java.util.TreeMap<>(RosterSets.files(RosterSets.fixture("lakeside")));
        String users = new String(files.get("users.csv"), java.nio.charset.StandardCharsets.UTF_8);
        files.put("users.csv", users.replace("zoe.nunez@lakeside.test", email)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return files;
    }

    @Test
    void splitEnrolmentsBecomeOneEnrolmentSpanningBothRanges() {
        importFiles(RosterSets.files(RosterSets.fixture("lakeside")));

        var dates = jdbc.queryForMap("select e.begins_on, e.ends_on from section_student e join person p "
                + "on p.id = e.person_id where p.source_id = 'U4'");

        assertThat(dates.get("begins_on").toString()).isEqualTo("2020-08-01");
        assertThat(dates.get("ends_on").toString()).isEqualTo("2021-06-30");
    }

    @Test
    void aDeltaRemovesAStudentAndASectionAndKeepsThePassHistory() {
        importFiles(RosterSets.files(RosterSets.fixture("lakeside")));
        String school = schoolBySource("S1");
        allDayPeriod(school, "1");
        String destination = starterRestroom(school);
        String section = jdbc.queryForObject("select id from section where source_id = 'C1'", String.class);
        var pass = http.withBasicAuth("amelie.poulain@lakeside.test", "demo").postForEntity("/api/passes",
                Map.of("departingFromSectionId", section, "destinationId", destination, "type", "REGULAR"),
                JsonNode.class);
        assertThat(pass.getStatusCode()).as("%s", pass.getBody()).isEqualTo(HttpStatus.CREATED);

        var delta = importFiles(RosterSets.files(RosterSets.fixture("lakeside-delta")));

        assertThat(delta.getStatusCode()).as("%s", delta.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(count(delta.getBody(), "users", "removed")).isEqualTo(1);
        assertThat(count(delta.getBody(), "users", "created")).isEqualTo(1);
        assertThat(count(delta.getBody(), "sections", "removed")).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from hall_pass where id = ?", Integer.class,
                pass.getBody().get("id").asText())).isEqualTo(1);
        assertThat(http.withBasicAuth("amelie.poulain@lakeside.test", "demo").getForEntity("/api/me", JsonNode.class)
                .getStatusCode().is4xxClientError()).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from section_co_teacher c join section s on s.id = c.section_id "
                + "where s.source_id = 'C1'", Integer.class)).isZero();
    }

    @Test
    void aRemovedPersonWhoComesBackIsRestored() {
        importFiles(RosterSets.files(RosterSets.fixture("lakeside")));
        importFiles(RosterSets.files(RosterSets.fixture("lakeside-delta")));

        var again = importFiles(RosterSets.files(RosterSets.fixture("lakeside")));

        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(jdbc.queryForObject("select count(*) from person where source_id = 'U4' and removed_at is null",
                Integer.class)).isEqualTo(1);
        // U6 came only in the delta; the bulk users file replaces the collection, so U6 goes.
        assertThat(count(again.getBody(), "users", "removed")).isEqualTo(1);
    }

    // ------------------------------------------------------------------------------------- bad files

    @Test
    void aFileThatIsNotAZipGetsAClearReport() {
        var answer = importZip("admin", "sourcedId,status\n".getBytes());

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(reasons(answer.getBody(), "errors")).anyMatch(r -> r.contains("not a zip"));
    }

    @Test
    void aSetWithoutAManifestIsRejected() {
        Map<String, byte[]> files = new java.util.TreeMap<>(RosterSets.files(RosterSets.GRAND_BEND));
        files.remove("manifest.csv");

        var answer = importZip("admin", RosterSets.zip(files));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(answer.getBody().get("errors").get(0).get("file").asText()).isEqualTo("manifest.csv");
    }

    @Test
    void aWrongHeaderNamesTheMissingColumn() {
        Map<String, byte[]> files = new java.util.TreeMap<>(RosterSets.files(RosterSets.GRAND_BEND));
        files.put("users.csv", new String(files.get("users.csv")).replace("givenName", "firstName").getBytes());

        var answer = importZip("admin", RosterSets.zip(files));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(answer.getBody().get("errors")).anySatisfy(e -> {
            assertThat(e.get("file").asText()).isEqualTo("users.csv");
            assertThat(e.get("row").asInt()).isEqualTo(1);
            assertThat(e.get("column").asText()).isEqualTo("givenName");
        });
    }

    @Test
    void aDuplicateSourcedIdIsReportedWithBothRows() {
        Map<String, byte[]> files = new java.util.TreeMap<>(RosterSets.files(RosterSets.fixture("lakeside")));
        files.put("classes.csv", (new String(files.get("classes.csv")) + "C1,,,Again,10,CO1,FR1,scheduled,,S1,T1,,,1\n")
                .getBytes());

        var answer = importFiles(files);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(answer.getBody().get("errors")).anySatisfy(e -> {
            assertThat(e.get("row").asInt()).isEqualTo(4);
            assertThat(e.get("column").asText()).isEqualTo("sourcedId");
            assertThat(e.get("reason").asText()).contains("also on row 2");
        });
        assertThat(jdbc.queryForObject("select count(*) from person where source_id is not null", Integer.class)).isZero();
    }

    @Test
    void aDanglingReferenceIsReported() {
        Map<String, byte[]> files = new java.util.TreeMap<>(RosterSets.files(RosterSets.fixture("lakeside")));
        files.put("enrollments.csv", (new String(files.get("enrollments.csv")) + "E9,,,C1,S1,NOBODY,student,,,\n")
                .getBytes());

        var answer = importFiles(files);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(answer.getBody().get("errors")).anySatisfy(e -> {
            assertThat(e.get("column").asText()).isEqualTo("userSourcedId");
            assertThat(e.get("reason").asText()).contains("NOBODY");
        });
    }

    @Test
    void anotherDistrictsRosterIsRefused() {
        importZip("admin", RosterSets.zip(RosterSets.GRAND_BEND));

        var answer = importFiles(RosterSets.files(RosterSets.fixture("lakeside")));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(reasons(answer.getBody(), "errors")).anyMatch(r -> r.contains("belongs to another district"));
    }

    @Test
    void onlyAnAdministratorImports() {
        var answer = importZip("rivera", RosterSets.zip(RosterSets.GRAND_BEND));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void aBellScheduleWithOverlappingPeriodsIsRefusedWhole() {
        var answer = put("admin", "/api/admin/schools/" + schoolId() + "/periods", List.of(
                Map.of("name", "1", "startsAt", "08:00", "endsAt", "09:00", "days", List.of("MON")),
                Map.of("name", "2", "startsAt", "08:30", "endsAt", "9am", "days", List.of("MON"))));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody().get("errors").toString()).contains("[1].endsAt");
        assertThat(get("admin", "/api/admin/schools/" + schoolId() + "/periods").getBody().get(0).get("name").asText())
                .isEqualTo("Demo period (all day)");
    }
}
