package org.corridor.policy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.corridor.location.HeldPlace;
import org.corridor.location.PlacesHeld;
import org.corridor.pass.PartnerOut;
import org.corridor.pass.Pass;
import org.corridor.pass.PassRepository;
import org.corridor.pass.PassState;
import org.corridor.pass.PassType;
import org.corridor.pass.PassUse;
import org.corridor.school.HeldSchool;
import org.corridor.school.School;
import org.corridor.school.SchoolPeriod;
import org.corridor.school.SchoolsHeld;

/**
 * Loads everything the rules may reason about for one pass, and which rule set is active.
 * What changes a few times a year is held in memory: the school's settings
 * ({@link SchoolsHeld}), the destination's ({@link PlacesHeld}), the district's active
 * rule set ({@link DistrictRules}). What moves is read in one statement whose cost does
 * not grow with the students out or paired: the students out at the destination and in
 * the school (the destinations' counters, see {@link org.corridor.location.Occupancy});
 * the bell periods of the class left; the student's passes this week; their no-contact
 * partners who are out, with names and destinations; their accommodations in force.
 */
@Component
class PassFacts {

    private final JdbcClient jdbc;

    private final PassRepository passes;

    private final Clock clock;

    private final SchoolsHeld schools;

    private final PlacesHeld places;

    private final DistrictRules rules;

    PassFacts(JdbcClient jdbc, PassRepository passes, Clock clock, SchoolsHeld schools, PlacesHeld places,
            DistrictRules rules) {
        this.jdbc = jdbc;
        this.passes = passes;
        this.clock = clock;
        this.schools = schools;
        this.places = places;
        this.rules = rules;
    }

    /**
     * The facts of one pass, and the id of the district's active rule set (null: none
     * stored), in one round trip at most (none when the held data must be read again).
     */
    Loaded of(Pass pass) {
        HeldSchool school = schools.of(pass.getSchoolId());
        HeldPlace destination = places.of(pass.getDestinationId());
        String activeRuleSetId = rules.activeId(school.districtId());
        Rows rows = rows(pass);
        ZoneId zone = school.timeZone();
        ZonedDateTime now = ZonedDateTime.now(clock).withZoneSameInstant(zone);
        LocalDate today = now.toLocalDate();
        // The pass judged is not among those counted: the rules ask whether there is room
        // for it.
        int itself = PassState.OUT.contains(pass.getState()) ? 1 : 0;
        Counters out = rows.out;
        SchoolPeriod period = rows.periods.stream().filter(p -> p.isInSession(now)).findFirst().orElse(null);
        FactSnapshot snapshot = new FactSnapshot(
                new FactSnapshot.Request(pass.getId(), pass.getStudentId(), pass.getPassType().name(),
                        pass.getChannel().name(), pass.getDestinationId(), pass.getDepartingSectionId(), today),
                usage(rows.used, zone, Set.copyOf(school.settings().countedPassTypes()), now),
                new FactSnapshot.Destination(pass.getDestinationId(), destination.name(), destination.capacity(),
                        out.atDestination() - itself, destination.open()),
                new FactSnapshot.Hall(pass.getSchoolId(), out.inSchool() - itself),
                rows.partners.stream().filter(p -> p.inForceOn(today)).map(Paired::partner).distinct().toList(),
                timing(period, now),
                rows.accommodations.stream()
                    .filter(a -> !a.from().isAfter(today) && !a.until().isBefore(today))
                    .toList());
        return new Loaded(snapshot, activeRuleSetId);
    }

    /** A pass's facts, and the active rule set they are for (null: the default rules). */
    record Loaded(FactSnapshot snapshot, String activeRuleSetId) {
    }

    /**
     * The students out at the destination and in the whole school (every destination of a
     * pass is in the pass's school: PassRequests checks it).
     */
    private record Counters(int atDestination, int inSchool) {
    }

    private record Rows(Counters out, List<SchoolPeriod> periods, List<PassUse> used, List<Paired> partners,
            List<FactSnapshot.Exemption> accommodations) {
    }

    /** A partner out, and the dates their pair is in force (null: open-ended). */
    private record Paired(FactSnapshot.Partner partner, LocalDate from, LocalDate until) {

        boolean inForceOn(LocalDate day) {
            return (from == null || !from.isAfter(day)) && (until == null || !until.isBefore(day));
        }

    }

    /**
     * Everything in one statement, one branch per kind of row, each an indexed read that
     * does not grow with the students out: the counters (primary key, school index), the
     * bell periods the section meets in (matched by name), the student's passes used this
     * week, the no-contact partners out (one branch per side of the pair, each on its own
     * index, found through their open pass's unique {@code open_student_id}), and the
     * student's accommodations (those in force today are picked here, in the school's
     * zone). One round trip, because on a busy database each round trip costs more than
     * the rules themselves. Read with plain JDBC: nothing here is changed by the request,
     * so there is nothing to manage or flush.
     */
    private Rows rows(Pass pass) {
        // The school's zone comes with the answer, so the query asks with a margin (any
        // zone's Monday midnight is less than 8 days ago; any zone's date is within a day
        // of
        // UTC's) and the exact day and week are picked once the zone is known.
        Instant now = clock.instant();
        LocalDate utcToday = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Counters[] out = new Counters[1];
        List<SchoolPeriod> periods = new ArrayList<>();
        List<PassUse> used = new ArrayList<>();
        List<Paired> partners = new ArrayList<>();
        List<FactSnapshot.Exemption> accommodations = new ArrayList<>();
        jdbc.sql(FACTS)
            .param("schoolId", pass.getSchoolId())
            .param("destinationId", pass.getDestinationId())
            .param("sectionId", pass.getDepartingSectionId())
            .param("studentId", pass.getStudentId())
            .param("passId", pass.getId())
            .param("since", LocalDateTime.ofInstant(now.minus(Duration.ofDays(8)), ZoneOffset.UTC))
            .param("firstDay", utcToday.minusDays(1))
            .param("lastDay", utcToday.plusDays(1))
            .query((ResultSet rs) -> {
                switch (rs.getString("kind")) {
                    case "S" -> out[0] = new Counters(rs.getInt("n3"), rs.getInt("n4"));
                    case "P" -> periods.add(new SchoolPeriod(pass.getSchoolId(), rs.getString("t1"),
                            rs.getObject("tm1", LocalTime.class), rs.getObject("tm2", LocalTime.class),
                            SchoolPeriod.days(rs.getString("t2"))));
                    case "U" -> used
                        .add(new PassUse(instant(rs, "at1"), instant(rs, "at2"), PassType.valueOf(rs.getString("t1"))));
                    case "N" -> partners.add(new Paired(
                            new FactSnapshot.Partner(rs.getString("t1"),
                                    new PartnerOut(rs.getString("t1"), rs.getString("t2"), rs.getString("t3"),
                                            rs.getString("t4"), rs.getString("t5"))
                                        .name(),
                                    rs.getString("t5")),
                            rs.getObject("d1", LocalDate.class), rs.getObject("d2", LocalDate.class)));
                    case "A" -> accommodations.add(new FactSnapshot.Exemption(rs.getString("t1"),
                            rs.getObject("d1", LocalDate.class), rs.getObject("d2", LocalDate.class)));
                    default -> throw new IllegalStateException("unknown fact row " + rs.getString("kind"));
                }
            });
        return new Rows(out[0], periods, used, partners, accommodations);
    }

    /**
     * The student's passes today and this week as the rules count them, now, in the
     * school's time zone (the passes left today, {@link PassLimits}).
     */
    FactSnapshot.Usage usage(String studentId, School school) {
        ZonedDateTime now = ZonedDateTime.now(clock).withZoneSameInstant(school.getTimeZone());
        return usage(passes.usedSince(studentId, startOfWeek(now), ""), school.getTimeZone(),
                Set.copyOf(school.getCountedPassTypes()), now);
    }

    private static Instant startOfWeek(ZonedDateTime now) {
        return now.toLocalDate()
            .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
            .atStartOfDay(now.getZone())
            .toInstant();
    }

    private static Set<String> counted(String countedPassTypes) {
        return Arrays.stream(countedPassTypes.split(","))
            .map(String::trim)
            .filter(t -> !t.isEmpty())
            .collect(Collectors.toSet());
    }

    /**
     * Counted from the passes used since the start of the week (or earlier: those are
     * left out here) that are of a type the school counts.
     */
    private static FactSnapshot.Usage usage(List<PassUse> used, ZoneId zone, Set<String> counted, ZonedDateTime now) {
        Instant startOfDay = now.toLocalDate().atStartOfDay(zone).toInstant();
        Instant startOfWeek = startOfWeek(now);
        List<PassUse> week = used.stream()
            .filter(use -> !use.startedAt().isBefore(startOfWeek))
            .filter(use -> counted.contains(use.passType().name()))
            .toList();
        List<PassUse> today = week.stream().filter(p -> !p.startedAt().isBefore(startOfDay)).toList();
        Integer minutesSinceLast = today.stream()
            .map(PassUse::endedAt)
            .filter(Objects::nonNull)
            .max(Comparator.naturalOrder())
            .map(ended -> (int) Duration.between(ended, now.toInstant()).toMinutes())
            .orElse(null);
        return new FactSnapshot.Usage(today.size(), week.size(), minutesSinceLast);
    }

    /**
     * A period with no bell times (one that runs all day) has no start or end to keep
     * clear of; nor has a section none of whose periods is in session (an appointment
     * booked ahead is evaluated when booked).
     */
    private static FactSnapshot.Timing timing(SchoolPeriod period, ZonedDateTime now) {
        if (period == null || period.getStartsAt().equals(period.getEndsAt())) {
            return null;
        }
        LocalTime time = now.toLocalTime();
        long sinceStart = Duration.between(period.getStartsAt(), time).toMinutes();
        long toEnd = period.getEndsAt().equals(LocalTime.MIDNIGHT)
                ? Duration.between(time, LocalTime.MAX).toMinutes() + 1
                : Duration.between(time, period.getEndsAt()).toMinutes();
        return new FactSnapshot.Timing(period.getName(), (int) sinceStart, (int) toEnd);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        // stored as UTC wall-clock time (hibernate.jdbc.time_zone), whatever the JVM's
        // zone
        LocalDateTime at = rs.getObject(column, LocalDateTime.class);
        return at == null ? null : at.toInstant(ZoneOffset.UTC);
    }

    /**
     * One statement, a kind of row per branch; columns t (text), n (number), tm (time of
     * day), at (UTC timestamp), d (date), unused ones null. The passes used, the
     * partners' pairs and the accommodations are asked with a margin of days around today
     * (see {@link #rows}).
     */
    private static final String FACTS = """
            select 'S' as kind, null as t1, null as t2, null as t3, null as t4, null as t5, null as n1, null as n2,
                   coalesce((select o.out_now from destination_occupancy o where o.location_id = :destinationId), 0)
                     as n3,
                   coalesce((select sum(o.out_now) from destination_occupancy o where o.school_id = :schoolId), 0)
                     as n4,
                   null as tm1, null as tm2, null as at1, null as at2, null as d1, null as d2
            union all
            select 'P', sp.name, sp.school_days, null, null, null, null, null, null, null,
                   sp.starts_at, sp.ends_at, null, null, null, null
            from section_period pn join school_period sp on sp.school_id = :schoolId and sp.name = pn.period_name
            where pn.section_id = :sectionId
            union all
            select 'U', p.pass_type, null, null, null, null, null, null, null, null,
                   null, null, p.started_at, p.ended_at, null, null
            from hall_pass p
            where p.student_id = :studentId and p.started_at >= :since and p.id <> :passId
              and p.state in ('ACTIVE', 'LONG_RUNNING', 'COMPLETED', 'ENDED_BY_SYSTEM')
            union all
            select 'N', p.student_id, s.display_name, s.given_name, s.family_name, l.name,
                   null, null, null, null, null, null, null, null, n.from_date, n.until_date
            from no_contact_pair n join hall_pass p on p.open_student_id = n.partner_id
                 join person s on s.id = p.student_id join location l on l.id = p.destination_id
            where n.student_id = :studentId
              and (n.from_date is null or n.from_date <= :lastDay) and (n.until_date is null or n.until_date >= :firstDay)
              and p.state in ('ACTIVE', 'LONG_RUNNING')
            union all
            select 'N', p.student_id, s.display_name, s.given_name, s.family_name, l.name,
                   null, null, null, null, null, null, null, null, n.from_date, n.until_date
            from no_contact_pair n join hall_pass p on p.open_student_id = n.student_id
                 join person s on s.id = p.student_id join location l on l.id = p.destination_id
            where n.partner_id = :studentId
              and (n.from_date is null or n.from_date <= :lastDay) and (n.until_date is null or n.until_date >= :firstDay)
              and p.state in ('ACTIVE', 'LONG_RUNNING')
            union all
            select 'A', a.rule_name, null, null, null, null, null, null, null, null,
                   null, null, null, null, a.from_date, a.until_date
            from accommodation a
            where a.student_id = :studentId and a.from_date <= :lastDay and a.until_date >= :firstDay""";

}
