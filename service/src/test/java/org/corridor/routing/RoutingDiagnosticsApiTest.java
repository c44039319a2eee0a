package org.corridor.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import org.corridor.person.Person;
import org.corridor.person.Role;
import org.corridor.school.District;
import org.corridor.school.DistrictRepository;
import org.corridor.school.School;
import org.corridor.school.SchoolPeriod;
import org.corridor.school.SchoolPeriodRepository;
import org.corridor.school.SchoolRepository;
import org.corridor.section.Section;
import org.corridor.testing.ApiTest;
import org.corridor.testing.OccupancyCounters;
import org.corridor.testing.OnH2;

/**
 * "Why didn't Ms X get it?" over HTTP. Ava's English 10 (Ms Rivera, co-teacher Mr Chen,
 * Room 204) runs all day in the demo school. Zoë, made for these tests, has a bell
 * schedule of her own: period 1 (09:00–09:50) and period 3 (11:00–11:50), Monday to
 * Friday; 2026-11-23 is a Monday, and times without an offset are read on the school's
 * clock.
 */
@OnH2
class RoutingDiagnosticsApiTest extends ApiTest {

    private static final String MONDAY = "2026-11-23";

    @Autowired
    SchoolPeriodRepository periods;

    @Autowired
    SchoolRepository schools;

    @Autowired
    DistrictRepository districts;

    private final List<Section> made = new ArrayList<>();

    private final List<SchoolPeriod> bells = new ArrayList<>();

    private final List<Person> teachers = new ArrayList<>();

    private Person zoe;

    @BeforeEach
    void zoeWithABellSchedule() {
        String school = schoolId();
        zoe = people.save(new Person(person("ava").getDistrictId(), school, null, "Zoë", "Routing", Role.STUDENT)
            .withStudentNumber("9901"));
        EnumSet<DayOfWeek> weekdays = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
        bells.add(periods.save(new SchoolPeriod(school, "1", LocalTime.of(9, 0), LocalTime.of(9, 50), weekdays)));
        bells.add(periods.save(new SchoolPeriod(school, "3", LocalTime.of(11, 0), LocalTime.of(11, 50), weekdays)));
    }

    @AfterEach
    void removeWhatTheTestMade() {
        made.forEach(section -> {
            jdbc.update(
                    "delete from pass_event where pass_id in (select id from hall_pass where departing_section_id = ?)",
                    section.getId());
            jdbc.update(
                    "delete from pass_flag where pass_id in (select id from hall_pass where departing_section_id = ?)",
                    section.getId());
            jdbc.update("delete from hall_pass where departing_section_id = ?", section.getId());
        });
        OccupancyCounters.recount(jdbc);
        sections.deleteAll(made);
        periods.deleteAll(bells);
        people.deleteAll(teachers);
        people.delete(zoe);
    }

    /**
     * A class of Zoë's, taught by the named demo teacher, with an open-ended enrolment.
     */
    private Section zoeIn(String name, String period, String teacher) {
        return zoeIn(name, period, teacher, null);
    }

    private Section zoeIn(String name, String period, String teacher, LocalDate enrolmentEnds) {
        Section section = sections.save(new Section(schoolId(), period, room("Room 204"), person(teacher).getId(), name)
            .enrol(zoe.getId(), null, enrolmentEnds));
        made.add(section);
        return section;
    }

    private ResponseEntity<JsonNode> routing(String who, String query) {
        return get(who, "/api/admin/routing?" + query);
    }

    private JsonNode diagnosis(String query) {
        ResponseEntity<JsonNode> answer = routing("admin", query);
        assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

    private JsonNode sectionNamed(JsonNode diagnosis, String name) {
        for (JsonNode section : diagnosis.get("sections")) {
            if (section.get("name").asText().equals(name)) {
                return section;
            }
        }
        throw new AssertionError(name + " not in " + diagnosis.get("sections"));
    }

    @Test
    void aRequestInAClassInSessionGoesToItsMainTeacher() {
        JsonNode answer = diagnosis("studentId=" + person("ava").getId() + "&teacherId=" + person("rivera").getId());

        assertThat(answer.get("verdict").asText()).isEqualTo("ROUTED");
        assertThat(answer.get("explanation").asText()).startsWith("A request at ")
            .endsWith(" would go to Ms Rivera (main teacher of English 10, Demo period (all day), Room 204).");
        assertThat(answer.get("wouldGoTo").get(0).get("mainTeacher").get("name").asText()).isEqualTo("Ms Rivera");
        assertThat(answer.get("teacher").get("wouldReceive").asBoolean()).isTrue();
    }

    @Test
    void aCoTeacherIsToldThatCoTeachersDoNotReceiveRequests() {
        JsonNode teacher = diagnosis("studentId=" + person("ava").getId() + "&teacherId=" + person("chen").getId())
            .get("teacher");

        assertThat(teacher.get("wouldReceive").asBoolean()).isFalse();
        assertThat(teacher.get("explanation").asText()).isEqualTo(
                "Mr Chen is a co-teacher of English 10: co-teachers do not receive requests; it goes to Ms Rivera.");
    }

    @Test
    void theStudentsSectionsListTheirTeachersAndCoTeachers() {
        JsonNode english = sectionNamed(diagnosis("studentNumber=1001"), "English 10");

        assertThat(english.get("mainTeacher").get("name").asText()).isEqualTo("Ms Rivera");
        assertThat(english.get("coTeachers").get(0).get("name").asText()).isEqualTo("Mr Chen");
        assertThat(english.get("room").get("name").asText()).isEqualTo("Room 204");
        assertThat(english.get("offered").asBoolean()).isTrue();
    }

    @Test
    void aLocalTimeIsReadOnTheSchoolsClock() {
        zoeIn("Biology", "1", "rivera");

        JsonNode answer = diagnosis("studentId=" + zoe.getId() + "&at=" + MONDAY + "T09:05");

        assertThat(answer.get("verdict").asText()).isEqualTo("ROUTED");
        assertThat(answer.get("schoolTime").asText()).isEqualTo("Mon 09:05");
        assertThat(answer.get("at").asText()).isEqualTo(LocalDate.parse(MONDAY)
            .atTime(9, 5)
            .atZone(ZoneId.of(answer.get("school").get("timeZone").asText()))
            .toInstant()
            .toString());
    }

    @Test
    void outsideEveryPeriodTheRequestIsRefusedWithTheReason() {
        zoeIn("Biology", "1", "rivera");

        JsonNode answer = diagnosis("studentId=" + zoe.getId() + "&at=" + MONDAY + "T12:10");

        assertThat(answer.get("verdict").asText()).isEqualTo("REFUSED");
        assertThat(answer.get("wouldGoTo")).isEmpty();
        assertThat(answer.get("explanation").asText()).isEqualTo("No class is offered for Zoë Routing at Mon 12:10, "
                + "so a request would be refused: Biology meets in period 1, 09:00–09:50 Mon–Fri, not at Mon 12:10.");
        assertThat(sectionNamed(answer, "Biology").get("offer").asText()).isEqualTo("PERIOD_NOT_IN_SESSION");
    }

    @Test
    void aPeriodTheBellScheduleDoesNotKnowIsNamed() {
        zoeIn("Art", "4", "rivera");

        JsonNode answer = diagnosis("studentId=" + zoe.getId() + "&at=" + MONDAY + "T09:05");

        assertThat(answer.get("verdict").asText()).isEqualTo("REFUSED");
        assertThat(answer.get("explanation").asText())
            .endsWith("Art meets in period 4, which is not in the bell schedule of Demo High.");
        assertThat(sectionNamed(answer, "Art").get("offer").asText()).isEqualTo("PERIOD_NOT_IN_BELL_SCHEDULE");
    }

    @Test
    void anEndedEnrolmentIsNotOfferedAndSaysWhenItEnded() {
        zoeIn("Biology", "1", "rivera", LocalDate.parse("2026-11-20"));

        JsonNode answer = diagnosis("studentId=" + zoe.getId() + "&at=" + MONDAY + "T09:05");

        assertThat(answer.get("verdict").asText()).isEqualTo("REFUSED");
        assertThat(sectionNamed(answer, "Biology").get("reason").asText())
            .isEqualTo("Zoë Routing's enrolment in Biology ended on 2026-11-20.");
    }

    @Test
    void aTeacherOfTheStudentsOtherPeriodIsToldItIsNotTheirPeriod() {
        zoeIn("Biology", "1", "rivera");
        zoeIn("History", "3", "okafor");

        JsonNode teacher = diagnosis(
                "studentId=" + zoe.getId() + "&teacherId=" + person("okafor").getId() + "&at=" + MONDAY + "T09:05")
            .get("teacher");

        assertThat(teacher.get("wouldReceive").asBoolean()).isFalse();
        assertThat(teacher.get("explanation").asText()).isEqualTo("Mr Okafor teaches Zoë Routing in History "
                + "(period 3), not at Mon 09:05. A request at Mon 09:05 goes to Ms Rivera.");
    }

    @Test
    void aClassWithoutAMainTeacherIsRefusedBecauseNobodyWouldReceiveIt() {
        made.add(sections.save(new Section(schoolId(), "1", room("Room 204"), null, "Biology").enrol(zoe.getId())));

        JsonNode answer = diagnosis("studentId=" + zoe.getId() + "&at=" + MONDAY + "T09:05");

        assertThat(answer.get("verdict").asText()).isEqualTo("REFUSED");
        assertThat(answer.get("explanation").asText())
            .endsWith("Biology has no main teacher in the roster: nobody would receive a request.");
    }

    @Test
    void aTeacherRemovedFromTheRosterIsToldSo() {
        Person removed = people
            .save(new Person(zoe.getDistrictId(), schoolId(), null, "Remy", "Removed", Role.TEACHER));
        teachers.add(removed);
        zoeIn("Biology", "1", "rivera");
        made.add(sections.save(new Section(schoolId(), "3", null, removed.getId(), "History").enrol(zoe.getId())));
        jdbc.update("update person set removed_at = ? where id = ?", java.sql.Timestamp.valueOf("2026-11-20 12:00:00"),
                removed.getId());

        JsonNode answer = diagnosis(
                "studentId=" + zoe.getId() + "&teacherId=" + removed.getId() + "&at=" + MONDAY + "T11:05");

        assertThat(answer.get("teacher").get("wouldReceive").asBoolean()).isFalse();
        assertThat(answer.get("teacher").get("explanation").asText())
            .startsWith("Remy Removed was removed from the roster on 2026-11-20: requests no longer reach them.");
        assertThat(sectionNamed(answer, "History").get("offer").asText()).isEqualTo("MAIN_TEACHER_REMOVED");
    }

    @Test
    void aTeacherWhoDoesNotTeachTheStudentIsToldSo() {
        JsonNode teacher = diagnosis("studentId=" + person("ava").getId() + "&teacherId=" + person("okafor").getId())
            .get("teacher");

        assertThat(teacher.get("wouldReceive").asBoolean()).isFalse();
        assertThat(teacher.get("explanation").asText()).startsWith("Mr Okafor does not teach Ava Adams in any class");
    }

    @Test
    void recentRequestsSayWhereEachWentNewestFirst() {
        String ava = person("ava").getId();
        String first = request("ava", "Restroom").getBody().get("id").asText();
        post("rivera", "/api/passes/" + first + "/deny", Map.of("reason", "Just back"));
        Section studyHall = sections.save(new Section(schoolId(), "Demo period (all day)", room("Room 204"),
                person("okafor").getId(), "Study Hall")
            .enrol(ava));
        made.add(studyHall);
        String second = post("ava", "/api/passes", Map.of("departingFromSectionId", studyHall.getId(), "destinationId",
                destination("Library"), "type", "REGULAR"))
            .getBody()
            .get("id")
            .asText();
        post("ava", "/api/passes/" + second + "/cancel", null);

        JsonNode answer = diagnosis("studentId=" + ava + "&teacherId=" + person("rivera").getId());

        JsonNode recent = answer.get("recentRequests");
        assertThat(recent).hasSize(2);
        assertThat(recent.get(0).get("passId").asText()).isEqualTo(second);
        assertThat(recent.get(0).get("routedTo").get("name").asText()).isEqualTo("Mr Okafor");
        assertThat(recent.get(0).get("departingFrom").get("section").get("name").asText()).isEqualTo("Study Hall");
        assertThat(recent.get(0).get("wentToTeacher").asBoolean()).isFalse();
        assertThat(recent.get(1).get("passId").asText()).isEqualTo(first);
        assertThat(recent.get(1).get("routedTo").get("name").asText()).isEqualTo("Ms Rivera");
        assertThat(recent.get(1).get("wentToTeacher").asBoolean()).isTrue();
        assertThat(recent.get(1).get("decision").get("outcome").asText()).isEqualTo("DENIED");
        assertThat(recent.get(1).get("decision").get("reason").asText()).isEqualTo("Just back");
    }

    @Test
    void twoClassesInSessionLetTheStudentChoose() {
        zoeIn("Biology", "1", "rivera");
        zoeIn("Lab", "1", "okafor");

        JsonNode answer = diagnosis("studentId=" + zoe.getId() + "&at=" + MONDAY + "T09:05");

        assertThat(answer.get("verdict").asText()).isEqualTo("CHOICE");
        assertThat(answer.get("wouldGoTo")).hasSize(2);
        assertThat(answer.get("explanation").asText()).contains("Biology (Ms Rivera), Lab (Mr Okafor)");
    }

    @Test
    void anAuditorMayReadIt() {
        var answer = routing("auditor", "studentId=" + person("ava").getId());

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void aTeacherMayNot() {
        var answer = routing("rivera", "studentId=" + person("ava").getId());

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void aStudentOfAnotherDistrictIsNotFound() {
        District other = districts.save(new District("Routing Other District"));
        School otherSchool = schools.save(new School(other.getId(), "Other High", ZoneId.of("America/Chicago")));
        Person otherStudent = people
            .save(new Person(other.getId(), otherSchool.getId(), null, "Olga", "Other", Role.STUDENT));
        try {
            var answer = routing("admin", "studentId=" + otherStudent.getId());

            assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        }
        finally {
            people.delete(otherStudent);
            schools.delete(otherSchool);
            districts.delete(other);
        }
    }

    @Test
    void aTimeThatIsNotATimeIsRefusedNamingTheParameter() {
        var answer = routing("admin", "studentId=" + person("ava").getId() + "&at=monday-ish");

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody().get("errors").get(0).get("field").asText()).isEqualTo("at");
    }

    @Test
    void aPersonWhoIsNotAStudentCannotBeDiagnosed() {
        var answer = routing("admin", "studentId=" + person("rivera").getId());

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody().get("detail").asText()).contains("is not a student");
    }

    @Test
    void aStudentMustBeNamed() {
        var answer = routing("admin", "teacherId=" + person("rivera").getId());

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody().get("errors").get(0).get("field").asText()).isEqualTo("studentId");
    }

    @Test
    void aLimitOutOfRangeIsRefused() {
        var answer = routing("admin", "studentId=" + person("ava").getId() + "&limit=101");

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody().get("errors").get(0).get("field").asText()).isEqualTo("limit");
    }

}
