package org.corridor.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import org.corridor.school.SchoolRepository;
import org.corridor.testing.ApiTest;
import org.corridor.testing.OnH2;

/**
 * Covered classes over HTTP: Mr Okafor covers Ms Rivera's English 10 (in session all day
 * in the demo school), so Ava's requests go to him and not to her, he sees the class, and
 * routing diagnostics say so. Dates are days of the school's calendar (America/New_York
 * in the demo), whatever the server's zone.
 */
@OnH2
class CoverageApiTest extends ApiTest {

    @Autowired
    SchoolRepository schools;

    @AfterEach
    void removeTheCovers() {
        jdbc.update("delete from section_cover");
        jdbc.update("delete from section_cover_change");
    }

    private LocalDate today() {
        ZoneId zone = schools.findById(schoolId()).orElseThrow().getTimeZone();
        return LocalDate.now(zone);
    }

    private String coverage() {
        return "/api/admin/sections/" + english10() + "/coverage";
    }

    private ResponseEntity<JsonNode> cover(String teacher, Object from, Object until) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("teacherId", teacher == null ? null : person(teacher).getId());
        body.put("from", from == null ? null : from.toString());
        body.put("until", until == null ? null : until.toString());
        return post("admin", coverage(), body);
    }

    private String okaforCoversThisWeek() {
        ResponseEntity<JsonNode> answer = cover("okafor", today(), today().plusDays(4));
        assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(HttpStatus.CREATED);
        return answer.getBody().get("id").asText();
    }

    private List<String> requestIds(String teacher) {
        List<String> ids = new ArrayList<>();
        get(teacher, "/api/requests").getBody().forEach(p -> ids.add(p.get("id").asText()));
        return ids;
    }

    private static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(e -> fields.add(e.get("field").asText()));
        return fields;
    }

    @Test
    void aCoveredClassSendsItsRequestsToTheCoveringTeacherAndNotToTheMainTeacher() {
        String coverId = okaforCoversThisWeek();

        String passId = request("ava", "Restroom").getBody().get("id").asText();

        assertThat(pass("ava", passId).get("routedTo").get("name").asText()).isEqualTo("Mr Okafor");
        assertThat(requestIds("okafor")).containsExactly(passId);
        assertThat(requestIds("rivera")).doesNotContain(passId);
        assertThat(notificationTitles("okafor", "REQUEST")).containsExactly("Ava Adams asks to go to Restroom");
        assertThat(notificationTitles("rivera", "REQUEST")).isEmpty();
        var approved = post("okafor", "/api/passes/" + passId + "/approve", Map.of());
        assertThat(approved.getStatusCode()).as("%s", approved.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(approved.getBody().get("decidedBy").get("name").asText()).isEqualTo("Mr Okafor");
        assertThat(get("admin", coverage()).getBody().get(0).get("id").asText()).isEqualTo(coverId);
    }

    @Test
    void theCoveringTeacherSeesTheClassAndItsBadges() {
        okaforCoversThisWeek();
        String passId = request("ava", "Restroom").getBody().get("id").asText();
        post("okafor", "/api/passes/" + passId + "/approve", Map.of());

        JsonNode classes = get("okafor", "/api/classes/current").getBody().get("classes");

        JsonNode english = null;
        for (JsonNode c : classes) {
            if (c.get("section").get("name").asText().equals("English 10")) {
                english = c;
            }
        }
        assertThat(english).as("%s", classes).isNotNull();
        JsonNode ava = null;
        for (JsonNode s : english.get("students")) {
            if (s.get("name").asText().equals("Ava Adams")) {
                ava = s;
            }
        }
        assertThat(ava.get("badge").get("passId").asText()).isEqualTo(passId);
    }

    @Test
    void routingDiagnosticsSayWhoCoversTheClassAndUntilWhen() {
        okaforCoversThisWeek();
        String friday = today().plusDays(4).format(DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.ENGLISH));

        JsonNode answer = get("admin",
                "/api/admin/routing?studentId=" + person("ava").getId() + "&teacherId=" + person("rivera").getId())
            .getBody();

        assertThat(answer.get("explanation").asText()).contains("would go to Mr Okafor")
            .contains("English 10 is covered by Mr Okafor until " + friday)
            .contains("its main teacher, Ms Rivera, does not receive it");
        assertThat(answer.get("wouldGoTo").get(0).get("receivedBy").get("name").asText()).isEqualTo("Mr Okafor");
        assertThat(answer.get("wouldGoTo").get(0).get("coveredBy").get("until").asText())
            .isEqualTo(today().plusDays(4).toString());
        assertThat(answer.get("teacher").get("wouldReceive").asBoolean()).isFalse();
        assertThat(answer.get("teacher").get("explanation").asText()).contains("covered by Mr Okafor until " + friday);
        JsonNode okafor = get("admin",
                "/api/admin/routing?studentId=" + person("ava").getId() + "&teacherId=" + person("okafor").getId())
            .getBody()
            .get("teacher");
        assertThat(okafor.get("wouldReceive").asBoolean()).isTrue();
    }

    @Test
    void anOverlappingCoverIsRefusedWithAConflict() {
        okaforCoversThisWeek();

        var answer = cover("chen", today().plusDays(2), today().plusDays(8));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(answer.getBody().get("type").asText()).endsWith("/coverage-overlap");
        assertThat(answer.getBody().get("detail").asText()).contains("already covered by Mr Okafor");
        assertThat(get("admin", coverage()).getBody()).hasSize(1);
    }

    @Test
    void coversOnDaysThatDoNotOverlapAreBothKept() {
        okaforCoversThisWeek();

        var next = cover("chen", today().plusDays(5), today().plusDays(6));

        assertThat(next.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(next.getBody().get("inForce").asBoolean()).isFalse();
        assertThat(get("admin", coverage()).getBody()).hasSize(2);
    }

    @Test
    void badDatesAreRefusedNextToTheirFields() {
        var backwards = cover("okafor", today().plusDays(3), today().plusDays(1));
        var unreadable = cover("okafor", "next monday", today());
        var missing = cover("okafor", null, null);
        var over = cover("okafor", today().minusDays(3), today().minusDays(1));
        var tooLong = cover("okafor", today(), today().plusDays(400));

        assertThat(List.of(backwards, unreadable, missing, over, tooLong))
            .allSatisfy(a -> assertThat(a.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST));
        assertThat(fields(backwards.getBody())).containsExactly("until");
        assertThat(fields(unreadable.getBody())).containsExactly("from");
        assertThat(fields(missing.getBody())).containsExactly("from", "until");
        assertThat(backwards.getBody().get("errors").get(0).get("message").asText()).contains("before it starts");
        assertThat(over.getBody().get("errors").get(0).get("message").asText()).contains("before today");
        assertThat(get("admin", coverage()).getBody()).isEmpty();
    }

    @Test
    void theLastDayIsTodayOnTheSchoolsCalendar() {
        var answer = cover("okafor", today(), today());

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(answer.getBody().get("inForce").asBoolean()).isTrue();
    }

    @Test
    void theCoveringTeacherMustBeAnotherTeacherOfTheSchool() {
        var student = cover("ava", today(), today());
        var mainTeacher = cover("rivera", today(), today());
        var nobody = post("admin", coverage(),
                Map.of("teacherId", "no-such-person", "from", today().toString(), "until", today().toString()));

        assertThat(List.of(student, mainTeacher, nobody))
            .allSatisfy(a -> assertThat(a.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST));
        assertThat(fields(student.getBody())).containsExactly("teacherId");
        assertThat(mainTeacher.getBody().get("errors").get(0).get("message").asText())
            .contains("is the main teacher of English 10 already");
    }

    @Test
    void anUnknownClassOrCoverIs404() {
        assertThat(post("admin", "/api/admin/sections/no-such-class/coverage",
                Map.of("teacherId", person("okafor").getId(), "from", today().toString(), "until", today().toString()))
            .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(call("admin", HttpMethod.DELETE, coverage() + "/no-such-cover", null, Map.of()).getStatusCode())
            .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void onlyAdministratorsCoverClasses() {
        assertThat(post("rivera", coverage(),
                Map.of("teacherId", person("okafor").getId(), "from", today().toString(), "until", today().toString()))
            .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("auditor", coverage()).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void endingACoverSendsRequestsToTheMainTeacherAgainAndTheHistoryKeepsBoth() {
        String coverId = okaforCoversThisWeek();

        var ended = call("admin", HttpMethod.DELETE, coverage() + "/" + coverId, null, Map.of());
        String passId = request("ava", "Restroom").getBody().get("id").asText();

        assertThat(ended.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(requestIds("rivera")).containsExactly(passId);
        assertThat(requestIds("okafor")).isEmpty();
        JsonNode history = get("admin", coverage() + "/history").getBody();
        assertThat(history).hasSize(2);
        assertThat(history.get(0).get("action").asText()).isEqualTo("ADDED");
        assertThat(history.get(1).get("action").asText()).isEqualTo("REMOVED");
        assertThat(history.get(1).get("by").get("id").asText()).isEqualTo(person("admin").getId());
        assertThat(history.get(1).get("teacher").get("name").asText()).isEqualTo("Mr Okafor");
    }

    @Test
    void theSchoolsCoverageListsItsClassesCoversAndTeachers() {
        okaforCoversThisWeek();

        JsonNode school = get("admin", "/api/admin/schools/" + schoolId() + "/coverage").getBody();

        assertThat(school.get("today").asText()).isEqualTo(today().toString());
        JsonNode english = null;
        for (JsonNode c : school.get("classes")) {
            if (c.get("name").asText().equals("English 10")) {
                english = c;
            }
        }
        assertThat(english.get("mainTeacher").get("name").asText()).isEqualTo("Ms Rivera");
        assertThat(english.get("covers").get(0).get("teacher").get("name").asText()).isEqualTo("Mr Okafor");
        List<String> teachers = new ArrayList<>();
        school.get("teachers").forEach(t -> teachers.add(t.get("name").asText()));
        assertThat(teachers).contains("Ms Rivera", "Mr Okafor", "Mr Chen");
    }

}
