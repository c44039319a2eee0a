package org.corridor.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import org.corridor.section.Section;
import org.corridor.testing.ApiTest;

/**
 * Each report on a small set of passes written straight into the tables, with answers
 * worked out by hand. The school is in New York: a pass at 23:30 on 1 September (03:30
 * UTC on the 2nd) belongs to the 1st.
 */
abstract class ReportScenarios extends ApiTest {

    static final ZoneId ZONE = ZoneId.of("America/New_York");

    static final String RANGE = "&from=2026-09-01&to=2026-09-02";

    Map<String, String> ids = new HashMap<>();

    @Autowired
    PassSummaries summaries;

    @BeforeEach
    void seed() {
        // minutes out: ava 5 and 15, ben 7, cara 30
        pass("P1", "ava", "Restroom", "2026-09-01T08:05", 5, "COMPLETED", true, "rivera", false, null);
        pass("P2", "ava", "Library", "2026-09-01T09:15", 15, "COMPLETED", true, "rivera", false, null);
        pass("P3", "ben", "Restroom", "2026-09-01T23:30", 7, "COMPLETED", true, "rivera", false, null);
        pass("P4", "ben", "Library", "2026-09-02T00:10", null, "DENIED", false, "rivera", false, "NO_CONTACT");
        pass("P5", "cara", "Restroom", "2026-09-02T10:00", 30, "ENDED_BY_SYSTEM", true, "rivera", true, "NO_CONTACT");
        pass("P6", "cara", "Restroom", "2026-09-02T11:00", null, "DENIED", false, null, false, "NO_CONTACT");
        pass("P7", "ava", "Restroom", "2026-08-31T23:59", 4, "COMPLETED", true, "rivera", false, null);
        pass("P8", "ava", "Restroom", "2026-09-03T00:00", 4, "COMPLETED", true, "rivera", false, null);
        summarize();
    }

    /**
     * The passes here are written with SQL, not ended by Corridor: they are summarized
     * (again, after a change to them) as V33 summarizes an upgraded database's.
     */
    void summarize() {
        jdbc.update("delete from pass_summary where school_id = ?", schoolId());
        summaries.backfill(schoolId());
    }

    @AfterEach
    void forgetGrades() {
        jdbc.update("update person set grade = null");
    }

    @Test
    void byDayCountsOnTheSchoolsCalendar() {
        JsonNode rows = report("by-day", RANGE).get("rows");

        assertThat(rows).hasSize(2);
        assertRow(rows.get(0), "2026-09-01", 3, 3, 27.0, 7.0);
        assertRow(rows.get(1), "2026-09-02", 3, 1, 30.0, 30.0);
    }

    @Test
    void aDayWithoutPassesIsThereWithNone() {
        JsonNode rows = report("by-day", "&from=2026-09-04&to=2026-09-05").get("rows");

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("count").asLong()).isZero();
        assertThat(rows.get(0).has("medianMinutes")).isFalse();
    }

    @Test
    void byHourUsesTheSchoolsClockAcrossTheEndOfSummerTime() {
        // 1 November 2026, 02:00: New York goes from UTC-4 to UTC-5.
        pass("D1", "ava", "Restroom", "2026-10-30T07:30", 5, "COMPLETED", true, "rivera", false, null);
        pass("D2", "ben", "Restroom", "2026-11-02T07:30", 5, "COMPLETED", true, "rivera", false, null);
        summarize();

        JsonNode rows = report("by-hour", "&from=2026-10-30&to=2026-11-02").get("rows");

        assertThat(rows).hasSize(1);
        assertRow(rows.get(0), "7", 2, 2, 10.0, 5.0);
        assertThat(rows.get(0).get("label").asText()).isEqualTo("07:00");
        assertThat(report("by-hour", RANGE).get("rows").findValuesAsText("key")).containsExactly("0", "8", "9", "10",
                "11", "23");
    }

    @Test
    void byDestinationHasTheMedianOfThoseThatCameBack() {
        JsonNode rows = report("by-destination", RANGE).get("rows");

        assertThat(rows.findValuesAsText("label")).containsExactly("Restroom", "Library");
        assertRow(rows.get(0), destination("Restroom"), 4, 3, 42.0, 7.0);
        assertRow(rows.get(1), destination("Library"), 2, 1, 15.0, 15.0);
    }

    @Test
    void byTeacherCountsTheSectionsTheStudentsLeft() {
        JsonNode rows = report("by-teacher", RANGE).get("rows");

        assertThat(rows).hasSize(1);
        assertRow(rows.get(0), teacherOfEnglish10(), 6, 4, 57.0, 11.0);
    }

    @Test
    void byGradeGroupsStudentsWithoutAGradeApart() {
        // the grade a student was in when the pass ended
        jdbc.update("update person set grade = '10' where id = ?", person("ava").getId());
        summarize();

        JsonNode rows = report("by-grade", RANGE).get("rows");

        assertThat(rows.findValuesAsText("label")).containsExactly("Grade not given", "Grade 10");
        assertRow(rows.get(0), "", 4, 2, 37.0, 18.5);
        assertRow(rows.get(1), "10", 2, 2, 20.0, 10.0);
    }

    @Test
    void byStudentIsTheTopNWithTheMedianOfAnEvenCount() {
        jdbc.update("update hall_pass set student_id = ? where id = ?", person("ava").getId(), ids.get("P3"));
        summarize();

        JsonNode rows = report("by-student", RANGE + "&top=2").get("rows");

        assertThat(rows).hasSize(2);
        assertRow(rows.get(0), person("ava").getId(), 3, 3, 27.0, 7.0);
        assertThat(rows.get(0).get("label").asText()).contains("(1001)");
        assertRow(rows.get(1), person("cara").getId(), 2, 1, 30.0, 30.0);
        jdbc.update("update hall_pass set student_id = ? where id = ?", person("ben").getId(), ids.get("P3"));
        summarize();
        JsonNode even = report("by-student", RANGE + "&studentId=" + person("ava").getId()).get("rows");
        assertRow(even.get(0), person("ava").getId(), 2, 2, 20.0, 10.0);
    }

    @Test
    void byRuleCountsWhatTeachersDidWithTheFlags() {
        JsonNode rows = report("by-rule", RANGE).get("rows");

        assertThat(rows).hasSize(1);
        JsonNode row = rows.get(0);
        assertRow(row, "NO_CONTACT", 3, 1, 30.0, 30.0);
        assertThat(row.get("approvedOver").asLong()).isEqualTo(1);
        assertThat(row.get("denied").asLong()).isEqualTo(1);
        assertThat(row.get("blocked").asLong()).isEqualTo(1);
    }

    @Test
    void noContactIsByOutcome() {
        JsonNode rows = report("no-contact", RANGE).get("rows");

        assertThat(rows.findValuesAsText("key")).containsExactlyInAnyOrder("APPROVED_OVER", "DENIED", "BLOCKED");
        rows.forEach(r -> assertThat(r.get("count").asLong()).isEqualTo(1));
    }

    @Test
    void longRunningIsByHowItEnded() {
        JsonNode rows = report("long-running", RANGE).get("rows");

        assertThat(rows).hasSize(1);
        assertRow(rows.get(0), "ENDED_BY_SYSTEM", 1, 1, 30.0, 30.0);
        assertThat(rows.get(0).get("label").asText()).isEqualTo("Ended by the system");
    }

    @Test
    void filtersOfTheAuditSearchNarrowAReport() {
        JsonNode rows = report("by-day", RANGE + "&destinationId=" + destination("Library") + "&state=COMPLETED")
            .get("rows");

        assertThat(rows.get(0).get("count").asLong()).isEqualTo(1);
        assertThat(rows.get(1).get("count").asLong()).isZero();
    }

    @Test
    void theCsvHasARowPerGroup() throws IOException {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.valueOf("text/csv")));
        ResponseEntity<String> answer = http.withBasicAuth("admin@corridor.test", "demo")
            .exchange("/api/reports/by-rule?schoolId=" + schoolId() + RANGE, HttpMethod.GET, new HttpEntity<>(headers),
                    String.class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getHeaders().getContentType().isCompatibleWith(MediaType.valueOf("text/csv"))).isTrue();
        List<CSVRecord> rows = CSVFormat.RFC4180.builder()
            .setHeader()
            .get()
            .parse(new StringReader(answer.getBody()))
            .getRecords();
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).getParser().getHeaderNames()).containsExactly("key", "label", "count", "out",
                "total_minutes", "median_minutes", "approved_over", "denied", "blocked");
        assertThat(rows.get(0).get("count")).isEqualTo("3");
        assertThat(rows.get(0).get("median_minutes")).isEqualTo("30.0");
    }

    @Test
    void badRangesAreRefusedNamingTheField() {
        assertThat(fields("by-day", "&from=2026-09-02&to=2026-09-01")).containsExactly("to");
        assertThat(fields("by-day", "&from=2025-01-01&to=2026-09-01")).containsExactly("to");
        assertThat(fields("by-day", "&from=soon")).containsExactlyInAnyOrder("to");
        assertThat(fields("by-day", "&from=2026-09-01&to=2026-13-01")).containsExactly("to");
        assertThat(fields("by-student", RANGE + "&top=0")).containsExactly("top");
        assertThat(fields("by-day", RANGE + "&sort=name")).containsExactly("sort");
    }

    @Test
    void aSchoolOfAnotherDistrictOrAnUnknownReportIsNotFound() {
        assertThat(get("admin", "/api/reports/by-day?schoolId=" + UUID.randomUUID() + RANGE).getStatusCode())
            .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("admin", "/api/reports/by-mood?schoolId=" + schoolId() + RANGE).getStatusCode())
            .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("admin", "/api/reports/by-day" + "?" + RANGE.substring(1)).getStatusCode())
            .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void onlyAdministratorsAndAuditorsReadReports() {
        assertThat(get("auditor", "/api/reports/by-day?schoolId=" + schoolId() + RANGE).getStatusCode())
            .isEqualTo(HttpStatus.OK);
        assertThat(get("rivera", "/api/reports/by-day?schoolId=" + schoolId() + RANGE).getStatusCode())
            .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("ava", "/api/reports/by-day?schoolId=" + schoolId() + RANGE).getStatusCode())
            .isEqualTo(HttpStatus.FORBIDDEN);
    }

    private List<String> fields(String kind, String query) {
        var answer = get("admin", "/api/reports/" + kind + "?schoolId=" + schoolId() + query);
        assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        return answer.getBody().get("errors").findValuesAsText("field");
    }

    JsonNode report(String kind, String query) {
        var answer = get("admin", "/api/reports/" + kind + "?schoolId=" + schoolId() + query);
        assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

    static void assertRow(JsonNode row, String key, long count, long out, Double total, Double median) {
        assertThat(row.get("key").asText()).as("key of %s", row).isEqualTo(key);
        assertThat(row.get("count").asLong()).as("count of %s", row).isEqualTo(count);
        assertThat(row.get("out").asLong()).as("out of %s", row).isEqualTo(out);
        assertThat(row.get("totalMinutes").asDouble()).as("total of %s", row).isEqualTo(total);
        assertThat(row.get("medianMinutes").asDouble()).as("median of %s", row).isEqualTo(median);
    }

    private String teacherOfEnglish10() {
        return sections.findById(english10()).map(Section::getMainTeacherId).orElseThrow();
    }

    /**
     * A pass requested at a time on the school's clock, out for the minutes given (none:
     * it never went out).
     */
    void pass(String name, String student, String destination, String requested, Integer minutes, String state,
            boolean approved, String decidedBy, boolean longRunning, String flag) {
        Section section = sections.findById(english10()).orElseThrow();
        String id = UUID.randomUUID().toString();
        ids.put(name, id);
        LocalDateTime at = LocalDateTime.parse(requested)
            .atZone(ZONE)
            .toInstant()
            .atOffset(java.time.ZoneOffset.UTC)
            .toLocalDateTime();
        Timestamp requestedAt = Timestamp.valueOf(at);
        Timestamp ended = minutes == null ? Timestamp.valueOf(at.plusSeconds(30))
                : Timestamp.valueOf(at.plusMinutes(minutes));
        jdbc.update("""
                insert into hall_pass (id, district_id, school_id, student_id, pass_type, channel, state,
                  departing_section_id, departing_room_id, destination_id, routed_to_id, created_by_id,
                  requested_at, approved_at, started_at, ended_at, long_running_at, decided_by_id, version)
                values (?, ?, ?, ?, 'REGULAR', 'DEVICE', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""", id,
                person(student).getDistrictId(), schoolId(), person(student).getId(), state, section.getId(),
                section.getRoomId(), destination(destination), section.getMainTeacherId(), person(student).getId(),
                requestedAt, approved ? requestedAt : null, minutes == null ? null : requestedAt, ended,
                longRunning ? Timestamp.valueOf(at.plusMinutes(12)) : null,
                decidedBy == null ? null : person(decidedBy).getId());
        if (flag != null) {
            jdbc.update("""
                    insert into pass_flag (pass_id, ordinal, code, severity, message, student_message, rule_name,
                      rule_set_version) values (?, 0, ?, 'WARN', 'flagged', 'flagged', 'rule', 'v1')""", id, flag);
        }
    }

}
