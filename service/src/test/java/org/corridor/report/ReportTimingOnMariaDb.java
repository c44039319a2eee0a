package org.corridor.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import org.corridor.location.Location;
import org.corridor.person.Person;
import org.corridor.person.Role;
import org.corridor.section.Section;
import org.corridor.testing.ApiTest;
import org.corridor.testing.OnMariaDb;

/**
 * Each report's time over a seeded school year of one school (BENCHMARKS.md, "Reports"):
 * not part of the build (the class name does not end in Test). Run:
 * {@code ./mvnw -q -pl service -am verify -Dtest=ReportTimingOnMariaDb
 * -Dsurefire.failIfNoSpecifiedTests=false -Dcorridor.bench.passes=200000} and read the
 * lines starting "REPORT TIMING".
 */
@OnMariaDb
class ReportTimingOnMariaDb extends ApiTest {

    static final ZoneId ZONE = ZoneId.of("America/New_York");

    @Test
    void eachReportOfASchoolYearTakesUnderASecond() {
        int passes = Integer.getInteger("corridor.bench.passes", 200_000);
        LocalDate first = LocalDate.of(2025, 9, 1);
        LocalDate last = LocalDate.of(2026, 6, 30);
        long seedStart = System.nanoTime();
        seed(passes, first, last);
        long seedMs = (System.nanoTime() - seedStart) / 1_000_000;
        jdbc.execute("ANALYZE TABLE hall_pass, pass_flag");
        System.out.printf("REPORT TIMING seeded %d passes (%s to %s) in %d ms%n", passes, first, last, seedMs);
        String query = "?schoolId=" + schoolId() + "&from=" + first + "&to=" + last;
        for (ReportKind kind : ReportKind.values()) {
            long best = Long.MAX_VALUE;
            long firstRun = 0;
            for (int run = 0; run < 3; run++) {
                long start = System.nanoTime();
                var answer = get("admin", "/api/reports/" + kind.path() + query);
                long ms = (System.nanoTime() - start) / 1_000_000;
                assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(HttpStatus.OK);
                best = Math.min(best, ms);
                if (run == 0) {
                    firstRun = ms;
                }
            }
            System.out.printf("REPORT TIMING %-15s first %5d ms, best of 3 %5d ms%n", kind.path(), firstRun, best);
        }
    }

    /** Passes spread over the school days, in JDBC batches of 5,000 rows. */
    private void seed(int count, LocalDate first, LocalDate last) {
        Random random = new Random(19);
        List<Person> students = people.findAll()
            .stream()
            .filter(p -> schoolId().equals(p.getSchoolId()) && p.getRoles().contains(Role.STUDENT))
            .toList();
        List<String> destinations = locations.findBySchoolIdAndDestinationTrueOrderByName(schoolId())
            .stream()
            .map(Location::getId)
            .toList();
        List<Section> sections = this.sections.findAll()
            .stream()
            .filter(s -> schoolId().equals(s.getSchoolId()))
            .toList();
        String district = students.get(0).getDistrictId();
        int days = (int) (last.toEpochDay() - first.toEpochDay());
        List<Object[]> rows = new ArrayList<>();
        List<Object[]> flags = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            LocalDate day = first.plusDays(random.nextInt(days));
            LocalDateTime local = day.atTime(LocalTime.of(7, 30)).plusMinutes(random.nextInt(8 * 60));
            LocalDateTime requested = local.atZone(ZONE).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
            Person student = students.get(random.nextInt(students.size()));
            Section section = sections.get(random.nextInt(sections.size()));
            String id = UUID.randomUUID().toString();
            int roll = random.nextInt(100);
            String state = roll < 85 ? "COMPLETED" : roll < 90 ? "ENDED_BY_SYSTEM" : roll < 96 ? "DENIED" : "EXPIRED";
            boolean out = state.equals("COMPLETED") || state.equals("ENDED_BY_SYSTEM");
            LocalDateTime ended = requested.plusSeconds(30 + random.nextInt(out ? 25 * 60 : 120));
            rows.add(new Object[] { id, district, schoolId(), student.getId(), state, section.getId(),
                    section.getRoomId(), destinations.get(random.nextInt(destinations.size())),
                    section.getMainTeacherId(), student.getId(), Timestamp.valueOf(requested),
                    out && roll % 2 == 0 ? Timestamp.valueOf(requested) : null,
                    out ? Timestamp.valueOf(requested) : null, Timestamp.valueOf(ended),
                    state.equals("ENDED_BY_SYSTEM") ? Timestamp.valueOf(requested.plusMinutes(10)) : null,
                    state.equals("DENIED") && roll % 2 == 0 ? null : section.getMainTeacherId() });
            if (random.nextInt(20) == 0) {
                flags.add(new Object[] { id, random.nextBoolean() ? "NO_CONTACT" : "PASS_LIMIT_DAILY" });
            }
            if (rows.size() == 5_000 || i == count - 1) {
                jdbc.batchUpdate("""
                        insert into hall_pass (id, district_id, school_id, student_id, pass_type, channel, state,
                          departing_section_id, departing_room_id, destination_id, routed_to_id, created_by_id,
                          requested_at, approved_at, started_at, ended_at, long_running_at, decided_by_id, version)
                        values (?, ?, ?, ?, 'REGULAR', 'DEVICE', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""", rows);
                jdbc.batchUpdate("""
                        insert into pass_flag (pass_id, ordinal, code, severity, message, student_message, rule_name,
                          rule_set_version) values (?, 0, ?, 'WARN', 'flagged', 'flagged', 'rule', 'v1')""", flags);
                rows.clear();
                flags.clear();
            }
        }
    }

}
