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
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import org.corridor.destination.Location;
import org.corridor.destination.LocationRepository;
import org.corridor.pass.Pass;
import org.corridor.pass.PassRepository;
import org.corridor.pass.PassState;
import org.corridor.pass.PassType;
import org.corridor.pass.PassUse;
import org.corridor.person.Person;
import org.corridor.person.PersonRepository;
import org.corridor.school.School;
import org.corridor.school.SchoolPeriod;
import org.corridor.school.SchoolPeriodRepository;
import org.corridor.school.SchoolRepository;
import org.corridor.section.SectionRepository;

/** Loads, in a handful of indexed queries, everything the rules may reason about for one pass. */
@Component
class PassFacts {
    private final PassRepository passes;
    private final LocationRepository locations;
    private final SchoolRepository schools;
    private final SectionRepository sections;
    private final SchoolPeriodRepository periods;
    private final PersonRepository people;
    private final NoContactPairRepository noContact;
    private final AccommodationRepository accommodations;
    private final Clock clock;

    PassFacts(PassRepository passes, LocationRepository locations, SchoolRepository schools,
              SectionRepository sections, SchoolPeriodRepository periods, PersonRepository people,
              NoContactPairRepository noContact, AccommodationRepository accommodations, Clock clock) {
        this.passes = passes;
        this.locations = locations;
        this.schools = schools;
        this.sections = sections;
        this.periods = periods;
        this.people = people;
        this.noContact = noContact;
        this.accommodations = accommodations;
        this.clock = clock;
    }

    FactSnapshot of(Pass pass) {
        School school = schools.getReferenceById(pass.getSchoolId());
        ZonedDateTime now = ZonedDateTime.now(clock).withZoneSameInstant(school.getTimeZone());
        LocalDate today = now.toLocalDate();
        Location destination = locations.getReferenceById(pass.getDestinationId());
        return new FactSnapshot(
                new FactSnapshot.Request(pass.getId(), pass.getStudentId(), pass.getPassType().name(),
                        pass.getChannel().name(), pass.getDestinationId(), pass.getDepartingSectionId(), today),
                usage(pass, school, now),
                new FactSnapshot.Destination(destination.getId(), destination.getName(), destination.getCapacity(),
                        passes.countAt(destination.getId(), PassState.OUT, pass.getId()), destination.isOpen()),
                new FactSnapshot.Hall(school.getId(), passes.countInSchool(school.getId(), PassState.OUT, pass.getId())),
                noContactPartnersOut(pass),
                timing(pass, now),
                accommodations.inForce(pass.getStudentId(), today).stream()
                        .map(a -> new FactSnapshot.Exemption(a.getRuleName(), a.getFromDate(), a.getUntilDate()))
                        .toList());
    }

    private FactSnapshot.Usage usage(Pass pass, School school, ZonedDateTime now) {
        Instant startOfDay = now.toLocalDate().atStartOfDay(school.getTimeZone()).toInstant();
        Instant startOfWeek = now.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                .atStartOfDay(school.getTimeZone()).toInstant();
        List<PassType> counted = school.getCountedPassTypes().stream().map(PassType::valueOf).toList();
        List<PassUse> week = passes.usedSince(pass.getStudentId(), startOfWeek, PassState.USED, counted, pass.getId());
        List<PassUse> today = week.stream().filter(p -> !p.startedAt().isBefore(startOfDay)).toList();
        Integer minutesSinceLast = today.stream().map(PassUse::endedAt).filter(Objects::nonNull)
                .max(Comparator.naturalOrder())
                .map(ended -> (int) Duration.between(ended, now.toInstant()).toMinutes())
                .orElse(null);
        return new FactSnapshot.Usage(today.size(), week.size(), minutesSinceLast);
    }

    /** A period with no bell times (one that runs all day) has no start or end to keep clear of. */
    private FactSnapshot.Timing timing(Pass pass, ZonedDateTime now) {
        SchoolPeriod period = periods.getReferenceById(sections.getReferenceById(pass.getDepartingSectionId()).getPeriodId());
        if (period.getStartsAt().equals(period.getEndsAt())) {
            return null;
        }
        LocalTime time = now.toLocalTime();
        long sinceStart = Duration.between(period.getStartsAt(), time).toMinutes();
        long toEnd = period.getEndsAt().equals(LocalTime.MIDNIGHT)
                ? Duration.between(time, LocalTime.MAX).toMinutes() + 1
                : Duration.between(time, period.getEndsAt()).toMinutes();
        return new FactSnapshot.Timing(period.getName(), (int) sinceStart, (int) toEnd);
    }

    private List<FactSnapshot.Partner> noContactPartnersOut(Pass pass) {
        List<String> partnerIds = noContact.partnersOf(pass.getStudentId());
        if (partnerIds.isEmpty()) {
            return List.of();
        }
        List<Pass> out = passes.findOfStudents(partnerIds, PassState.OUT);
        if (out.isEmpty()) {
            return List.of();
        }
        Map<String, Person> partners = people.findAllById(out.stream().map(Pass::getStudentId).toList()).stream()
                .collect(Collectors.toMap(Person::getId, Function.identity()));
        Map<String, Location> where = locations.findAllById(out.stream().map(Pass::getDestinationId).toList())
                .stream().collect(Collectors.toMap(Location::getId, Function.identity()));
        return out.stream().map(p -> new FactSnapshot.Partner(p.getStudentId(),
                partners.get(p.getStudentId()).getName(), where.get(p.getDestinationId()).getName())).toList();
    }
}
