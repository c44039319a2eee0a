package org.corridor.policy;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityNotFoundException;

import org.springframework.stereotype.Component;

import org.corridor.location.Location;
import org.corridor.pass.Pass;
import org.corridor.pass.PassRepository;
import org.corridor.pass.PassState;
import org.corridor.pass.PassUse;
import org.corridor.school.School;
import org.corridor.school.SchoolPeriod;

/**
 * Loads everything the rules may reason about for one pass in five indexed queries,
 * however many students are out or paired: the school, destination and period together
 * (primary keys) with the students out at the destination and in the school (the
 * destinations' counters, see {@link org.corridor.location.Occupancy}); the student's
 * passes this week; their no-contact partners who are out, with names and destinations;
 * their accommodations in force; and (in {@link PolicyEvaluation}) the district's active
 * rule set.
 */
@Component
class PassFacts {

    private final EntityManager entityManager;

    private final PassRepository passes;

    private final AccommodationRepository accommodations;

    private final Clock clock;

    PassFacts(EntityManager entityManager, PassRepository passes, AccommodationRepository accommodations, Clock clock) {
        this.entityManager = entityManager;
        this.passes = passes;
        this.accommodations = accommodations;
        this.clock = clock;
    }

    FactSnapshot of(Pass pass) {
        Setting setting = setting(pass);
        School school = setting.school();
        Location destination = setting.destination();
        ZonedDateTime now = ZonedDateTime.now(clock).withZoneSameInstant(school.getTimeZone());
        LocalDate today = now.toLocalDate();
        // The pass judged is not among those counted: the rules ask whether there is room
        // for it.
        int itself = PassState.OUT.contains(pass.getState()) ? 1 : 0;
        int atDestination = setting.outAtDestination() - itself;
        int inSchool = setting.outInSchool() - itself;
        return new FactSnapshot(
                new FactSnapshot.Request(pass.getId(), pass.getStudentId(), pass.getPassType().name(),
                        pass.getChannel().name(), pass.getDestinationId(), pass.getDepartingSectionId(), today),
                usage(pass, school, now),
                new FactSnapshot.Destination(destination.getId(), destination.getName(), destination.getCapacity(),
                        atDestination, destination.isOpen()),
                new FactSnapshot.Hall(school.getId(), inSchool), noContactPartnersOut(pass, today),
                timing(setting.period(), now),
                accommodations.inForce(pass.getStudentId(), today)
                    .stream()
                    .map(a -> new FactSnapshot.Exemption(a.getRuleName(), a.getFromDate(), a.getUntilDate()))
                    .toList());
    }

    /**
     * The pass's school, destination and the period in session of the section it leaves,
     * and how many students are out at the destination and in the whole school: one
     * query.
     */
    private record Setting(School school, Location destination, SchoolPeriod period, int outAtDestination,
            int outInSchool) {
    }

    private Setting setting(Pass pass) {
        // One row per bell period the section meets in (periods are matched by name), or
        // one with no period.
        // Every destination of a pass is in the pass's school (PassRequests checks it),
        // so the school's
        // counters add up to the students out in its hallways. A location nobody has gone
        // to yet has none.
        List<Object[]> rows = entityManager.createQuery("""
                select s, l, per,
                  (select o.outNow from DestinationOccupancy o where o.locationId = l.id),
                  (select sum(o.outNow) from DestinationOccupancy o where o.schoolId = s.id)
                from School s join Location l on l.id = :destinationId
                  join Section sec on sec.id = :sectionId
                  left join sec.periodNames periodName
                  left join SchoolPeriod per on per.schoolId = s.id and per.name = periodName
                where s.id = :schoolId""", Object[].class)
            .setParameter("schoolId", pass.getSchoolId())
            .setParameter("destinationId", pass.getDestinationId())
            .setParameter("sectionId", pass.getDepartingSectionId())
            .getResultList();
        if (rows.isEmpty()) {
            throw new EntityNotFoundException(
                    "school " + pass.getSchoolId() + ", destination " + pass.getDestinationId() + " or section "
                            + pass.getDepartingSectionId() + " of pass " + pass.getId());
        }
        Object[] row = rows.get(0);
        School school = (School) row[0];
        ZonedDateTime now = ZonedDateTime.now(clock).withZoneSameInstant(school.getTimeZone());
        SchoolPeriod period = rows.stream()
            .map(r -> (SchoolPeriod) r[2])
            .filter(Objects::nonNull)
            .filter(p -> p.isInSession(now))
            .findFirst()
            .orElse(null);
        return new Setting(school, (Location) row[1], period, count(row[3]), count(row[4]));
    }

    private static int count(Object counted) {
        return counted == null ? 0 : ((Number) counted).intValue();
    }

    private FactSnapshot.Usage usage(Pass pass, School school, ZonedDateTime now) {
        return usage(pass.getStudentId(), pass.getId(), school, now);
    }

    /**
     * The student's passes today and this week as the rules count them, now, in the
     * school's time zone (the passes left today, {@link PassLimits}).
     */
    FactSnapshot.Usage usage(String studentId, School school) {
        return usage(studentId, "", school, ZonedDateTime.now(clock).withZoneSameInstant(school.getTimeZone()));
    }

    private FactSnapshot.Usage usage(String studentId, String exceptPassId, School school, ZonedDateTime now) {
        Instant startOfDay = now.toLocalDate().atStartOfDay(school.getTimeZone()).toInstant();
        Instant startOfWeek = now.toLocalDate()
            .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
            .atStartOfDay(school.getTimeZone())
            .toInstant();
        Set<String> counted = Set.copyOf(school.getCountedPassTypes());
        List<PassUse> week = passes.usedSince(studentId, startOfWeek, exceptPassId)
            .stream()
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

    private List<FactSnapshot.Partner> noContactPartnersOut(Pass pass, LocalDate today) {
        return passes.noContactPartnersOut(pass.getStudentId(), today)
            .stream()
            .map(p -> new FactSnapshot.Partner(p.studentId(), p.name(), p.destination()))
            .toList();
    }

}
