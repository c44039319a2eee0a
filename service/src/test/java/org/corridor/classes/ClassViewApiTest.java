package org.corridor.classes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import com.fasterxml.jackson.databind.JsonNode;

import org.corridor.section.Section;
import org.corridor.testing.ApiTest;
import org.corridor.testing.OccupancyCounters;
import org.corridor.testing.OnMariaDb;

/**
 * The teacher's class view: each student's card carries a badge while they are out.
 * English 10 runs all day in the demo school, so it is always in session.
 * <p>
 * Passes are created through the API. The pass lifecycle cannot yet be driven to
 * LONG_RUNNING or ENDED_BY_SYSTEM through the API in a test (those come from the
 * lifecycle's timers), so those tests move an approved pass there with a direct update of
 * {@code hall_pass}.
 */
@OnMariaDb
class ClassViewApiTest extends ApiTest {

    @Test
    void pendingRequestShowsNoBadge() {
        request("ava", "Restroom");

        JsonNode card = card("rivera", "English 10", "ava");

        assertThat(card.get("badge").isNull()).isTrue();
    }

    @Test
    void activePassShowsGreenBadge() {
        String passId = out("ava", "Restroom");

        JsonNode badge = card("rivera", "English 10", "ava").get("badge");

        assertThat(badge.toString()).contains("\"passId\":\"" + passId + "\"", "\"state\":\"ACTIVE\"",
                "\"color\":\"GREEN\"", "\"autoPass\":false", "\"name\":\"Restroom\"");
    }

    @Test
    void longRunningShowsYellow() {
        String passId = out("ava", "Restroom");
        jdbc.update("update hall_pass set state = 'LONG_RUNNING' where id = ?", passId);

        JsonNode badge = card("rivera", "English 10", "ava").get("badge");

        assertThat(badge.get("color").asText()).isEqualTo("YELLOW");
    }

    @Test
    void endedBySystemShowsRed() {
        String passId = out("ava", "Restroom");
        endBySystem(passId, "started_at");

        JsonNode badge = card("rivera", "English 10", "ava").get("badge");

        assertThat(badge.get("color").asText()).isEqualTo("RED");
    }

    @Test
    void endedBySystemBeforeThisPeriodShowsNoBadge() {
        String passId = out("ava", "Restroom");
        // the demo period starts at midnight today, so two days ago is before it
        endBySystem(passId, "date_sub(started_at, interval 2 day)");

        JsonNode card = card("rivera", "English 10", "ava");

        assertThat(card.get("badge").isNull()).isTrue();
    }

    @Test
    void endedPassShowsNoBadge() {
        String passId = out("ava", "Restroom");
        post("ava", "/api/passes/" + passId + "/end", Map.of());

        JsonNode card = card("rivera", "English 10", "ava");

        assertThat(card.get("badge").isNull()).isTrue();
    }

    @Test
    void coTeacherSeesBadgesToo() {
        out("ava", "Restroom");

        JsonNode badge = card("chen", "English 10", "ava").get("badge");

        assertThat(badge.get("color").asText()).isEqualTo("GREEN");
    }

    @Test
    void badgeShownEvenWhenTeacherNotInvolved() {
        Section english = sections.findById(english10()).orElseThrow();
        Section studyHall = sections.save(new Section(english.getSchoolId(), "Demo period (all day)",
                english.getRoomId(), person("okafor").getId(), "Study Hall")
            .enrol(person("ava").getId()));
        try {
            out("ava", "Restroom");

            JsonNode badge = card("okafor", "Study Hall", "ava").get("badge");

            assertThat(badge.get("color").asText()).isEqualTo("GREEN");
        }
        finally {
            sections.delete(studyHall);
        }
    }

    @Test
    void studentsAreSortedByName() {
        JsonNode students = englishClass("rivera").get("students");

        assertThat(students).hasSize(24);
        assertThat(students.get(0).get("name").asText()).isEqualTo("Ava Adams");
        assertThat(students.get(23).get("name").asText()).isEqualTo("Yara Young");
    }

    @Test
    void studentCannotReadClassView() {
        var answer = get("ava", "/api/classes/current");

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    /**
     * The pass ended by the lifecycle's auto-end timer: closed, at the given SQL time
     * expression.
     */
    private void endBySystem(String passId, String endedAt) {
        jdbc.update("update hall_pass set state = 'ENDED_BY_SYSTEM', open_student_id = null, ended_at = " + endedAt
                + " where id = ?", passId);
        OccupancyCounters.recount(jdbc);
    }

    private JsonNode englishClass(String teacher) {
        return section(teacher, "English 10");
    }

    private JsonNode section(String teacher, String sectionName) {
        var answer = get(teacher, "/api/classes/current");
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        return StreamSupport.stream(answer.getBody().get("classes").spliterator(), false)
            .filter(c -> c.get("section").get("name").asText().equals(sectionName))
            .findFirst()
            .orElseThrow(() -> new AssertionError(sectionName + " not in " + answer.getBody()));
    }

    private JsonNode card(String teacher, String sectionName, String student) {
        String studentId = person(student).getId();
        return StreamSupport.stream(section(teacher, sectionName).get("students").spliterator(), false)
            .filter(s -> s.get("id").asText().equals(studentId))
            .findFirst()
            .orElseThrow(() -> new AssertionError(student + " not in " + sectionName));
    }

}
