package org.corridor.roster;

import java.nio.charset.StandardCharsets;
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
 * OneRoster imports over HTTP, as the demo administrator, on the generated district and
 * the hand-made fixtures. The clock stands in the 2020-2021 school year of both (a
 * Monday, 10:00 in the demo school's time zone). Run once per database by the subclasses.
 */
@Import(RosterImportScenarios.SchoolYear2020.class)
abstract class RosterImportScenarios extends ApiTest {

    /** The standard generated district: 20 schools, 4,100 students. */
    static final GeneratedDistrict DISTRICT = GeneratedDistrict.standard();

    /** One school of it, for the tests that need only a valid set to break. */
    static final GeneratedDistrict ONE_SCHOOL = new GeneratedDistrict(1);

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

    /**
     * An administrator for the whole district (no school of their own): the one who sets
     * new schools' bells.
     */
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
        var answer = put("district.admin", "/api/admin/schools/" + schoolId + "/periods",
                List.of(Map.of("name", name, "startsAt", "00:00", "endsAt", "00:00", "days",
                        List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"))));
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    /** The Restroom a school made by an import starts with. */
    String starterRestroom(String schoolId) {
        return locations.findBySchoolIdAndDestinationTrueOrderByName(schoolId)
            .stream()
            .filter(l -> l.getName().equals("Restroom"))
            .map(Location::getId)
            .findFirst()
            .orElseThrow();
    }

    // -------------------------------------------------------------------------------------
    // generated district

    @Test
    void theGeneratedDistrictImportsWholeAndTheSecondImportChangesNothing() {
        var first = importZip("admin", RosterSets.zip(DISTRICT.bulkV11()));
        assertThat(first.getStatusCode()).as("%s", first.getBody() == null ? "" : first.getBody().get("errors"))
            .isEqualTo(HttpStatus.OK);
        assertThat(first.getBody().get("errors")).isEmpty();
        assertThat(count(first.getBody(), "schools", "created")).isEqualTo(GeneratedDistrict.STANDARD_SCHOOLS);
        assertThat(count(first.getBody(), "academicSessions", "created")).isEqualTo(DISTRICT.sessions.size());
        assertThat(count(first.getBody(), "users", "created")).isEqualTo(DISTRICT.corridorUsers());
        assertThat(count(first.getBody(), "sections", "created")).isEqualTo(DISTRICT.sections());
        // A student's two semester rows of one class are one enrolment; teachers and
        // co-teachers count too.
        assertThat(count(first.getBody(), "enrollments", "created")).isEqualTo(DISTRICT.enrolments());
        assertThat(reasons(first.getBody(), "notes"))
            .anyMatch(r -> r.startsWith(DISTRICT.teachersInTwoSchools() + " user(s) belong to several schools"))
            .anyMatch(r -> r.startsWith(DISTRICT.guardians() + " guardian, parent or relative account(s)"));

        var second = importZip("admin", RosterSets.zip(DISTRICT.bulkV11()));

        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.OK);
        for (String kind : RosterReport.KINDS) {
            assertThat(count(second.getBody(), kind, "created")).as(kind).isZero();
            assertThat(count(second.getBody(), kind, "updated")).as(kind).isZero();
            assertThat(count(second.getBody(), kind, "removed")).as(kind).isZero();
        }
        assertThat(count(second.getBody(), "users", "unchanged")).isEqualTo(DISTRICT.corridorUsers());
        assertThat(count(second.getBody(), "enrollments", "unchanged")).isEqualTo(DISTRICT.enrolments());
    }

    @Test
    void theGeneratedDistrictArrivesAsWritten() {
        assertThat(importZip("admin", RosterSets.zip(DISTRICT.bulkV11())).getStatusCode()).isEqualTo(HttpStatus.OK);

        assertThat(jdbc.queryForObject(
                "select count(*) from person where source_id like 'gd-u%' " + "and removed_at is null", Integer.class))
            .isEqualTo(DISTRICT.students())
            .isGreaterThanOrEqualTo(4000);
        assertThat(jdbc.queryForObject("select count(*) from section_co_teacher c "
                + "join section s on s.id = c.section_id where s.source_id like 'gd-%'", Integer.class))
            .isEqualTo(DISTRICT.coTeachers());
        var first = jdbc.queryForMap(
                "select given_name, family_name, student_number, email from person " + "where source_id = ?",
                GeneratedDistrict.student(0, 0));
        assertThat(first).containsEntry("given_name", "Zoë")
            .containsEntry("family_name", "Núñez")
            .containsEntry("student_number", "010001");
        assertThat(jdbc.queryForObject("select email from person where source_id = ?", String.class,
                GeneratedDistrict.student(0, 9)))
            .isNull();
        assertThat(jdbc.queryForObject(
                "select count(*) from school where source_id like 'gd-s%' and name like " + "'% School'",
                Integer.class))
            .isEqualTo(GeneratedDistrict.STANDARD_SCHOOLS);
        assertThat(jdbc.queryForObject("select name from section where source_id = ?", String.class,
                GeneratedDistrict.clazz(0, 4, 0, 0)))
            .isEqualTo("History, Geography & Civics 1");
        // Every student's period 1 class comes as a fall row and a spring row: one
        // enrolment spanning both.
        var dates = jdbc.queryForMap("select e.begins_on, e.ends_on from section_student e join person p on "
                + "p.id = e.person_id join section s on s.id = e.section_id where p.source_id = ? and s.source_id = ?",
                GeneratedDistrict.student(0, 0), GeneratedDistrict.clazz(0, 1, GeneratedDistrict.group(0, 1), 0));
        assertThat(dates.get("begins_on").toString()).isEqualTo(GeneratedDistrict.FALL_BEGINS);
        assertThat(dates.get("ends_on").toString()).isEqualTo(GeneratedDistrict.SPRING_ENDS);
        assertThat(DISTRICT.splitEnrolments()).isEqualTo(DISTRICT.students());
        assertThat(jdbc.queryForObject(
                "select count(*) from section_student e join person p on p.id = e.person_id " + "where p.source_id = ?",
                Integer.class, GeneratedDistrict.student(0, 0)))
            .isEqualTo(8);
    }

    @Test
    void theGeneratedDeltaRemovesAddsAndMovesPeopleAndLeavesTheRestAlone() {
        importZip("admin", RosterSets.zip(DISTRICT.bulkV11()));
        GeneratedDistrict.Delta delta = DISTRICT.delta();
        String leaver = GeneratedDistrict.studentEmail(0, GeneratedDistrict.STUDENTS_PER_SCHOOL - 10);
        assertThat(http.withBasicAuth(leaver, "demo").getForEntity("/api/me", JsonNode.class).getStatusCode())
            .isEqualTo(HttpStatus.OK);

        var answer = importFiles(DISTRICT.deltaV11());

        assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getBody().get("errors")).isEmpty();
        assertThat(count(answer.getBody(), "users", "removed")).isEqualTo(GeneratedDistrict.Delta.LEAVERS);
        assertThat(count(answer.getBody(), "users", "created")).isEqualTo(GeneratedDistrict.Delta.NEWCOMERS);
        assertThat(count(answer.getBody(), "users", "updated")).isEqualTo(1);
        assertThat(count(answer.getBody(), "sections", "removed")).isEqualTo(1);
        assertThat(count(answer.getBody(), "sections", "created")).isEqualTo(1);
        assertThat(reasons(answer.getBody(), "warnings"))
            .anyMatch(r -> r.contains("Study Hall (gd-c01-study-hall) " + "has no teacher"));
        assertThat(http.withBasicAuth(leaver, "demo")
            .getForEntity("/api/me", JsonNode.class)
            .getStatusCode()
            .is4xxClientError()).isTrue();
        assertThat(jdbc.queryForObject("select family_name from person where source_id = ?", String.class,
                delta.renamed.sourcedId()))
            .startsWith("Married-");
        assertThat(jdbc.queryForObject(
                "select count(*) from section_co_teacher c "
                        + "join section s on s.id = c.section_id where s.source_id = ?",
                Integer.class, delta.coTaughtClass))
            .isZero();
        assertThat(jdbc.queryForList("select s.source_id from section_student e join section s on s.id = e.section_id "
                + "join person p on p.id = e.person_id where p.source_id = ? and s.source_id like 'gd-c01-p2-%'",
                String.class, delta.moved))
            .containsExactly(delta.movedTo);
        assertThat(jdbc.queryForObject("select count(*) from section where source_id = ? and removed_at is not null",
                Integer.class, delta.cancelledClass))
            .isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from person where source_id like 'gd-%' and removed_at is null",
                Integer.class))
            .isEqualTo(DISTRICT.corridorUsers() - GeneratedDistrict.Delta.LEAVERS + GeneratedDistrict.Delta.NEWCOMERS);
    }

    @Test
    void theGeneratedDistrictInOneRoster12IsTheSameRosterAsIn11() {
        var v12 = importZip("admin", RosterSets.zip(DISTRICT.bulkV12()));
        assertThat(v12.getStatusCode()).as("%s", v12.getBody() == null ? "" : v12.getBody().get("errors"))
            .isEqualTo(HttpStatus.OK);
        assertThat(v12.getBody().get("onerosterVersion").asText()).isEqualTo("1.2");
        assertThat(count(v12.getBody(), "users", "created")).isEqualTo(DISTRICT.corridorUsers());
        assertThat(count(v12.getBody(), "sections", "created")).isEqualTo(DISTRICT.sections());
        assertThat(count(v12.getBody(), "enrollments", "created")).isEqualTo(DISTRICT.enrolments());

        var v11 = importZip("admin", RosterSets.zip(DISTRICT.bulkV11()));

        assertThat(v11.getStatusCode()).isEqualTo(HttpStatus.OK);
        for (String kind : RosterReport.KINDS) {
            assertThat(count(v11.getBody(), kind, "created") + count(v11.getBody(), kind, "updated")
                    + count(v11.getBody(), kind, "removed"))
                .as(kind)
                .isZero();
        }
    }

    @Test
    void aOneRoster12DeltaAddsStudentsWithTheirRolesAndAChangedUserKeepsTheirs() {
        importZip("admin", RosterSets.zip(DISTRICT.bulkV12()));
        GeneratedDistrict.Delta delta = DISTRICT.delta();

        var answer = importFiles(DISTRICT.deltaV12());

        assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(count(answer.getBody(), "users", "created")).isEqualTo(GeneratedDistrict.Delta.NEWCOMERS);
        assertThat(count(answer.getBody(), "users", "updated")).isEqualTo(1);
        assertThat(count(answer.getBody(), "users", "removed")).isEqualTo(GeneratedDistrict.Delta.LEAVERS);
        assertThat(count(answer.getBody(), "sections", "created")).isEqualTo(1);
        assertThat(reasons(answer.getBody(), "warnings")).anyMatch(r -> r.contains("has no teacher"));
        String school = schoolBySource(GeneratedDistrict.school(0));
        assertThat(
                jdbc.queryForList(
                        "select r.role from person_role r join person p on p.id = r.person_id "
                                + "where p.source_id = ? and p.school_id = ?",
                        String.class, delta.renamed.sourcedId(), school))
            .containsExactly("TEACHER");
        assertThat(jdbc.queryForList(
                "select r.role from person_role r join person p on p.id = r.person_id "
                        + "where p.source_id = ? and p.school_id = ?",
                String.class, delta.newcomers.get(0).sourcedId(), school))
            .containsExactly("STUDENT");
    }

    @Test
    void theBrokenV12SetIsRejectedWholeWithRowsAndColumns() {
        int people = jdbc.queryForObject("select count(*) from person", Integer.class);

        var answer = importFiles(RosterSets.files(RosterSets.fixture("broken-v1p2")));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(answer.getBody().get("outcome").asText()).isEqualTo("REJECTED");
        assertThat(answer.getBody().get("detail").asText()).contains("nothing was changed");
        List<String> where = new ArrayList<>();
        answer.getBody()
            .get("errors")
            .forEach(e -> where
                .add(e.get("file").asText() + ":" + e.path("row").asText() + ":" + e.path("column").asText()));
        assertThat(where).contains("academicSessions.csv:3:endDate", "users.csv:4:identifier",
                "roles.csv:5:orgSourcedId", "classes.csv:3:termSourcedIds", "enrollments.csv:2:primary");
        assertThat(jdbc.queryForObject("select count(*) from person", Integer.class)).isEqualTo(people);
        assertThat(get("admin", "/api/admin/roster/imports").getBody().get(0).get("outcome").asText())
            .isEqualTo("REJECTED");
    }

    // -------------------------------------------------------------------------------------
    // acceptance

    @Test
    void aGeneratedStudentsRequestReachesTheMainTeacherNotTheCoTeacherOnceThePeriodIsInTheBellSchedule() {
        assertThat(importZip("admin", RosterSets.zip(DISTRICT.bulkV11())).getStatusCode()).isEqualTo(HttpStatus.OK);
        String school = schoolBySource(GeneratedDistrict.school(0));
        allDayPeriod(school, "1");
        int group = GeneratedDistrict.group(0, 1);
        assertThat(GeneratedDistrict.coTaught(group)).isTrue();
        String student = GeneratedDistrict.studentEmail(0, 0);
        String teacher = GeneratedDistrict.teacherEmail(0, GeneratedDistrict.mainTeacher(1, group));
        String coTeacher = GeneratedDistrict.teacherEmail(0, GeneratedDistrict.coTeacher(1, group));

        JsonNode leaving = http.withBasicAuth(student, "demo")
            .getForEntity("/api/me/departing-from", JsonNode.class)
            .getBody();
        assertThat(leaving).hasSize(1);
        assertThat(leaving.get(0).get("section").asText()).isEqualTo("English " + (group + 1));
        assertThat(leaving.get(0).get("room").get("name").asText())
            .isEqualTo(GeneratedDistrict.room(GeneratedDistrict.mainTeacher(1, group)));
        var pass = http.withBasicAuth(student, "demo")
            .postForEntity("/api/passes", Map.of("departingFromSectionId", leaving.get(0).get("sectionId").asText(),
                    "destinationId", starterRestroom(school), "type", "REGULAR"), JsonNode.class);
        assertThat(pass.getStatusCode()).as("%s", pass.getBody()).isEqualTo(HttpStatus.CREATED);

        String passId = pass.getBody().get("id").asText();
        assertThat(
                http.withBasicAuth(teacher, "demo").getForEntity("/api/requests", JsonNode.class).getBody().toString())
            .contains(passId);
        assertThat(http.withBasicAuth(coTeacher, "demo")
            .getForEntity("/api/requests", JsonNode.class)
            .getBody()
            .toString()).doesNotContain(passId);
    }

    // -------------------------------------------------------------------------------------
    // fixtures

    @Test
    void coTeachersABomNonAsciiNamesAndMultiSchoolTeachersImport() {
        var answer = importFiles(RosterSets.files(RosterSets.fixture("lakeside")));

        assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(
                jdbc.queryForObject("select count(*) from section_co_teacher c join section s on s.id = c.section_id "
                        + "where s.source_id = 'C1'", Integer.class))
            .isEqualTo(1);
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
        assertThat(listed).filteredOn(l -> l.get("destination").asBoolean())
            .extracting(l -> l.get("name").asText() + " " + l.get("capacity").asInt() + " " + l.get("open").asBoolean()
                    + " " + l.get("autoPassAllowed").asBoolean())
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
        files.put("classes.csv",
                (classes.stripTrailing() + "\nC3,,,Chemistry,10,CO3,CH1,scheduled,ROOM 2-b,S1,T1," + "Chemistry,,3\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        importFiles(files);
        files.put("classes.csv",
                classes.replace("Room 2-B", "room 2-B").getBytes(java.nio.charset.StandardCharsets.UTF_8));

        var again = importFiles(files);

        assertThat(again.getStatusCode()).as("%s", again.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(jdbc.queryForObject("select count(*) from location where school_id = ? and upper(name) = 'ROOM 2-B'",
                Integer.class, schoolBySource("S1")))
            .isEqualTo(1);
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
        assertThat(http.withBasicAuth("zoe.wrobel@lakeside.test", "demo")
            .getForEntity("/api/me", JsonNode.class)
            .getStatusCode()).isEqualTo(HttpStatus.OK);
        // an email no one has any more is answered as a wrong password
        assertThat(http.withBasicAuth("zoe.nunez@lakeside.test", "demo")
            .getForEntity("/api/me", JsonNode.class)
            .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    /** The Lakeside fixture with its teacher Zoë Núñez (U1) given this email. */
    private static Map<String, byte[]> lakesideWithTeacherEmail(String email) {
        Map<String, byte[]> files = new java.util.TreeMap<>(RosterSets.files(RosterSets.fixture("lakeside")));
        String users = new String(files.get("users.csv"), java.nio.charset.StandardCharsets.UTF_8);
        files.put("users.csv",
                users.replace("zoe.nunez@lakeside.test", email).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return files;
    }

    @Test
    void aStudentGetsTheFirstOfTheirGradesAndAStaffMemberNone() {
        var answer = importFiles(lakesideWithGrades());

        assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(grade("U3")).isEqualTo("09");
        assertThat(grade("U4")).isEqualTo("10");
        assertThat(grade("U1")).as("a teacher's grades").isNull();
    }

    @Test
    void aGradeALaterImportNoLongerListsIsCleared() {
        importFiles(lakesideWithGrades());

        var again = importFiles(RosterSets.files(RosterSets.fixture("lakeside")));

        assertThat(count(again.getBody(), "users", "updated")).isEqualTo(2);
        assertThat(grade("U3")).isNull();
        assertThat(grade("U4")).isNull();
    }

    private String grade(String sourceId) {
        return jdbc.queryForObject("select grade from person where source_id = ?", String.class, sourceId);
    }

    /**
     * The Lakeside fixture with grades: Søren (U3) in "09,10", Amélie (U4) in 10, and the
     * teacher Zoë (U1) given one too.
     */
    private static Map<String, byte[]> lakesideWithGrades() {
        Map<String, byte[]> files = new java.util.TreeMap<>(RosterSets.files(RosterSets.fixture("lakeside")));
        String users = new String(files.get("users.csv"), java.nio.charset.StandardCharsets.UTF_8);
        String graded = users.replace("Kierkegård,,00042,,,,,,", "Kierkegård,,00042,,,,,\"09,10\",")
            .replace("amelie.poulain@lakeside.test,,,,,", "amelie.poulain@lakeside.test,,,, 10 ,")
            .replace("zoe.nunez@lakeside.test,,,,,", "zoe.nunez@lakeside.test,,,,11,");
        assertThat(graded).contains("\"09,10\"", " 10 ,", ",11,");
        files.put("users.csv", graded.getBytes(java.nio.charset.StandardCharsets.UTF_8));
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
        var pass = http.withBasicAuth("amelie.poulain@lakeside.test", "demo")
            .postForEntity("/api/passes",
                    Map.of("departingFromSectionId", section, "destinationId", destination, "type", "REGULAR"),
                    JsonNode.class);
        assertThat(pass.getStatusCode()).as("%s", pass.getBody()).isEqualTo(HttpStatus.CREATED);

        var delta = importFiles(RosterSets.files(RosterSets.fixture("lakeside-delta")));

        assertThat(delta.getStatusCode()).as("%s", delta.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(count(delta.getBody(), "users", "removed")).isEqualTo(1);
        assertThat(count(delta.getBody(), "users", "created")).isEqualTo(1);
        assertThat(count(delta.getBody(), "sections", "removed")).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from hall_pass where id = ?", Integer.class,
                pass.getBody().get("id").asText()))
            .isEqualTo(1);
        assertThat(http.withBasicAuth("amelie.poulain@lakeside.test", "demo")
            .getForEntity("/api/me", JsonNode.class)
            .getStatusCode()
            .is4xxClientError()).isTrue();
        assertThat(
                jdbc.queryForObject("select count(*) from section_co_teacher c join section s on s.id = c.section_id "
                        + "where s.source_id = 'C1'", Integer.class))
            .isZero();
    }

    @Test
    void aRemovedPersonWhoComesBackIsRestored() {
        importFiles(RosterSets.files(RosterSets.fixture("lakeside")));
        importFiles(RosterSets.files(RosterSets.fixture("lakeside-delta")));

        var again = importFiles(RosterSets.files(RosterSets.fixture("lakeside")));

        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(jdbc.queryForObject("select count(*) from person where source_id = 'U4' and removed_at is null",
                Integer.class))
            .isEqualTo(1);
        // U6 came only in the delta; the bulk users file replaces the collection, so U6
        // goes.
        assertThat(count(again.getBody(), "users", "removed")).isEqualTo(1);
    }

    // -------------------------------------------------------------------------------------
    // bad files

    @Test
    void aFileThatIsNotAZipGetsAClearReport() {
        var answer = importZip("admin", "sourcedId,status\n".getBytes());

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(reasons(answer.getBody(), "errors")).anyMatch(r -> r.contains("not a zip"));
    }

    @Test
    void aSetWithoutAManifestIsRejected() {
        Map<String, byte[]> files = new java.util.TreeMap<>(ONE_SCHOOL.bulkV11());
        files.remove("manifest.csv");

        var answer = importZip("admin", RosterSets.zip(files));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(answer.getBody().get("errors").get(0).get("file").asText()).isEqualTo("manifest.csv");
    }

    @Test
    void aWrongHeaderNamesTheMissingColumn() {
        Map<String, byte[]> files = new java.util.TreeMap<>(ONE_SCHOOL.bulkV11());
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
        files.put("classes.csv",
                (new String(files.get("classes.csv")) + "C1,,,Again,10,CO1,FR1,scheduled,,S1,T1,,,1\n").getBytes());

        var answer = importFiles(files);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(answer.getBody().get("errors")).anySatisfy(e -> {
            assertThat(e.get("row").asInt()).isEqualTo(4);
            assertThat(e.get("column").asText()).isEqualTo("sourcedId");
            assertThat(e.get("reason").asText()).contains("also on row 2");
        });
        assertThat(jdbc.queryForObject("select count(*) from person where source_id is not null", Integer.class))
            .isZero();
    }

    @Test
    void aNameThatCanHideThingsIsARowErrorAndNothingIsImported() {
        Map<String, byte[]> files = new java.util.TreeMap<>(RosterSets.files(RosterSets.fixture("lakeside")));
        files
            .put("classes.csv",
                    (new String(files.get("classes.csv"), StandardCharsets.UTF_8)
                            + "C9,,,Math \u202E01 ,10,CO1,FR1,scheduled,,S1,T1,,,1\n")
                        .getBytes(StandardCharsets.UTF_8));

        var answer = importFiles(files);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(answer.getBody().get("errors")).anySatisfy(e -> {
            assertThat(e.get("file").asText()).isEqualTo("classes.csv");
            assertThat(e.get("row").asInt()).isEqualTo(4);
            assertThat(e.get("column").asText()).isEqualTo("title");
            assertThat(e.get("reason").asText())
                .isEqualTo("title contains a bidirectional override or isolate (U+202E) at position 6.");
        });
        assertThat(jdbc.queryForObject("select count(*) from person where source_id is not null", Integer.class))
            .isZero();
    }

    @Test
    void aDanglingReferenceIsReported() {
        Map<String, byte[]> files = new java.util.TreeMap<>(RosterSets.files(RosterSets.fixture("lakeside")));
        files.put("enrollments.csv",
                (new String(files.get("enrollments.csv")) + "E9,,,C1,S1,NOBODY,student,,,\n").getBytes());

        var answer = importFiles(files);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(answer.getBody().get("errors")).anySatisfy(e -> {
            assertThat(e.get("column").asText()).isEqualTo("userSourcedId");
            assertThat(e.get("reason").asText()).contains("NOBODY");
        });
    }

    @Test
    void anotherDistrictsRosterIsRefused() {
        importZip("admin", RosterSets.zip(ONE_SCHOOL.bulkV11()));

        var answer = importFiles(RosterSets.files(RosterSets.fixture("lakeside")));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(reasons(answer.getBody(), "errors")).anyMatch(r -> r.contains("belongs to another district"));
    }

    @Test
    void onlyAnAdministratorImports() {
        var answer = importZip("rivera", RosterSets.zip(ONE_SCHOOL.bulkV11()));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void aBellScheduleWithOverlappingPeriodsIsRefusedWhole() {
        var answer = put("admin", "/api/admin/schools/" + schoolId() + "/periods",
                List.of(Map.of("name", "1", "startsAt", "08:00", "endsAt", "09:00", "days", List.of("MON")),
                        Map.of("name", "2", "startsAt", "08:30", "endsAt", "9am", "days", List.of("MON"))));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody().get("errors").toString()).contains("[1].endsAt");
        assertThat(get("admin", "/api/admin/schools/" + schoolId() + "/periods").getBody().get(0).get("name").asText())
            .isEqualTo("Demo period (all day)");
    }

}
