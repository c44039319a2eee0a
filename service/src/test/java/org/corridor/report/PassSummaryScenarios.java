package org.corridor.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import org.corridor.section.Section;
import org.corridor.testing.ApiTest;

/**
 * The summaries and tallies the reports read, written as passes end: by the end itself,
 * and by many ends at once, on both databases (H2 does not wait for a concurrent insert
 * of the same key as MariaDB does).
 */
abstract class PassSummaryScenarios extends ApiTest {

    private static final ZoneId ZONE = ZoneId.of("America/New_York");

    @Autowired
    PassSummaries summaries;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void aPassEndedByItsStudentIsSummarizedInTheTalliesOfItsGroups() {
        String id = out("ava", "Restroom");
        assertThat(post("ava", "/api/passes/" + id + "/end", null).getStatusCode()).isEqualTo(HttpStatus.OK);

        Map<String, Object> row = jdbc
            .queryForMap("select state, went_out, destination_id from pass_summary" + " where pass_id = ?", id);
        assertThat(row.get("state")).isEqualTo("COMPLETED");
        assertThat(((Number) row.get("went_out")).intValue()).isEqualTo(1);
        assertThat(tally("P", destination("Restroom"))).isEqualTo(1);
        assertThat(tally("D", today())).isEqualTo(1);
    }

    @Test
    void aPassStillOutCountsInAReportWithoutMinutes() {
        out("ben", "Library");

        JsonNode row = get("admin",
                "/api/reports/by-destination?schoolId=" + schoolId() + "&from=" + today() + "&to=" + today())
            .getBody()
            .get("rows")
            .get(0);

        assertThat(row.get("count").asLong()).isEqualTo(1);
        assertThat(row.get("out").asLong()).isEqualTo(1);
        assertThat(row.has("medianMinutes")).isFalse();
        assertThat(jdbc.queryForObject("select count(*) from pass_summary", Integer.class)).isZero();
    }

    @Test
    void passesEndingAtOnceForTheSameDayAndGroupAreAllCounted() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            ids.add(ended("2026-09-01T10:0" + i, 5));
        }
        List<Callable<Boolean>> ends = ids.stream()
            .<Callable<Boolean>>map(
                    id -> () -> transactions.execute(status -> jdbc.execute((ConnectionCallback<Boolean>) c -> {
                        PassSummaries.ended(c, id);
                        return true;
                    })))
            .toList();

        atOnce(ends);

        assertThat(tally("D", "2026-09-01")).isEqualTo(8);
        assertThat(tally("P", destination("Restroom"))).isEqualTo(8);
        assertThat(jdbc.queryForObject("select sum(secs) from pass_tally where dim = 'D'", Long.class))
            .isEqualTo(8 * 5 * 60);
    }

    @Test
    void theTalliesOfEndsAreThoseMadeAgainFromTheSummaries() {
        for (int i = 0; i < 4; i++) {
            String id = ended("2026-09-0" + (i + 1) + "T23:30", 3 + i);
            jdbc.update("insert into pass_flag (pass_id, ordinal, code, severity, message, student_message,"
                    + " rule_name, rule_set_version) values (?, 0, 'NO_CONTACT', 'WARN', 'f', 'f', 'rule', 'v1')", id);
            transactions.execute(status -> jdbc.execute((ConnectionCallback<Boolean>) c -> {
                PassSummaries.ended(c, id);
                return true;
            }));
        }
        List<Map<String, Object>> byEnds = tallies();

        summaries.backfill(schoolId());

        assertThat(tallies()).isEqualTo(byEnds).hasSize(8 * 4);
    }

    @Test
    void aPurgedPassLeavesTheTallies() {
        String gone = ended("2026-09-01T10:00", 5);
        String kept = ended("2026-09-01T11:00", 7);
        summaries.backfill(schoolId());

        transactions.execute(status -> {
            summaries.forget(List.of(gone));
            summaries.forget(List.of(gone));
            return null;
        });

        assertThat(jdbc.queryForList("select pass_id from pass_summary", String.class)).containsExactly(kept);
        assertThat(tally("D", "2026-09-01")).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from pass_tally where n <= 0", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("select sum(secs) from pass_tally where dim = 'P'", Long.class))
            .isEqualTo(7 * 60);
    }

    private long tally(String dim, String key) {
        Long n = jdbc.queryForObject("select sum(n) from pass_tally where dim = ? and group_key = ?", Long.class, dim,
                key);
        return n == null ? 0 : n;
    }

    private List<Map<String, Object>> tallies() {
        return jdbc.queryForList("select * from pass_tally order by school_id, month_start, dim, group_key, state,"
                + " pass_type, channel, minute_out");
    }

    private static String today() {
        return LocalDate.now(ZONE).toString();
    }

    /**
     * A completed pass of Ava's to the restroom, written with SQL: not yet summarized.
     */
    private String ended(String requested, int minutes) {
        Section section = sections.findById(english10()).orElseThrow();
        String id = UUID.randomUUID().toString();
        LocalDateTime at = LocalDateTime.parse(requested)
            .atZone(ZONE)
            .toInstant()
            .atOffset(ZoneOffset.UTC)
            .toLocalDateTime();
        jdbc.update("""
                insert into hall_pass (id, district_id, school_id, student_id, pass_type, channel, state,
                  departing_section_id, departing_room_id, destination_id, routed_to_id, created_by_id,
                  requested_at, approved_at, started_at, ended_at, version)
                values (?, ?, ?, ?, 'REGULAR', 'DEVICE', 'COMPLETED', ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""", id,
                person("ava").getDistrictId(), schoolId(), person("ava").getId(), section.getId(), section.getRoomId(),
                destination("Restroom"), section.getMainTeacherId(), person("ava").getId(), Timestamp.valueOf(at),
                Timestamp.valueOf(at), Timestamp.valueOf(at), Timestamp.valueOf(at.plusMinutes(minutes)));
        return id;
    }

}
