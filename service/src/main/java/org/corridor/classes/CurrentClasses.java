package org.corridor.classes;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import org.corridor.location.Location;
import org.corridor.location.LocationRepository;
import org.corridor.pass.PassState;
import org.corridor.pass.PassType;
import org.corridor.pass.PassView;
import org.corridor.person.Person;
import org.corridor.school.School;
import org.corridor.school.SchoolPeriod;
import org.corridor.school.SchoolPeriodRepository;
import org.corridor.school.SchoolRepository;
import org.corridor.section.Section;

/**
 * The classes a teacher (main or co-teacher) is running now, in each school's own time
 * zone, and the badge on each student's card. A badge is the student's pass that is out
 * (ACTIVE green, LONG_RUNNING yellow), whichever class or teacher it came from; failing
 * that, the latest pass the system ended since this period began (red: nobody saw the
 * student come back). Requests, appointments and finished passes show nothing.
 */
@Component
class CurrentClasses {

    private final ClassRoster roster;

    private final ClassBadges badges;

    private final SchoolRepository schools;

    private final SchoolPeriodRepository periods;

    private final LocationRepository locations;

    private final Clock clock;

    CurrentClasses(ClassRoster roster, ClassBadges badges, SchoolRepository schools, SchoolPeriodRepository periods,
            LocationRepository locations, Clock clock) {
        this.roster = roster;
        this.badges = badges;
        this.schools = schools;
        this.periods = periods;
        this.locations = locations;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    ClassesView of(Person teacher) {
        Instant instant = clock.instant();
        Map<String, School> schoolById = byId(Optional.ofNullable(teacher.getSchoolId())
            .flatMap(id -> schools.findByIdAndDistrictId(id, teacher.getDistrictId()))
            .stream()
            .toList(), School::getId);
        if (schoolById.isEmpty()) {
            return new ClassesView(List.of());
        }
        // A teacher belongs to one school: its bell schedule names the periods the
        // sections meet in.
        School school = schoolById.values().iterator().next();
        ZonedDateTime local = instant.atZone(school.getTimeZone());
        // their own classes, and those they cover today
        List<Section> taught = Stream
            .concat(roster.taughtBy(teacher.getId()).stream(),
                    roster.coveredBy(teacher.getId(), local.toLocalDate()).stream())
            .filter(s -> schoolById.containsKey(s.getSchoolId()))
            .distinct()
            .toList();
        if (taught.isEmpty()) {
            return new ClassesView(List.of());
        }
        List<SchoolPeriod> bellSchedule = periods.findBySchoolIdOrderByStartsAtAscNameAsc(school.getId());
        Map<String, SchoolPeriod> periodBySection = new HashMap<>();
        taught.stream()
            .filter(s -> s.termHasStartedBy(local.toLocalDate()) && !s.termHasEndedBy(local.toLocalDate()))
            .forEach(s -> bellSchedule.stream()
                .filter(p -> s.getPeriodNames().contains(p.getName()) && p.isInSession(local))
                .findFirst()
                .ifPresent(p -> periodBySection.put(s.getId(), p)));
        List<Section> inSession = taught.stream()
            .filter(s -> periodBySection.containsKey(s.getId()))
            .sorted(Comparator.comparing((Section s) -> periodBySection.get(s.getId()).getStartsAt())
                .thenComparing(Section::getName))
            .toList();
        if (inSession.isEmpty()) {
            return new ClassesView(List.of());
        }
        Map<String, Location> roomById = byId(
                locations.findAllById(
                        inSession.stream().map(Section::getRoomId).filter(Objects::nonNull).distinct().toList()),
                Location::getId);
        Map<String, List<String>> studentIdsBySection = roster
            .enrolments(ids(inSession, Section::getId), local.toLocalDate())
            .stream()
            .collect(Collectors.groupingBy(ClassRoster.Enrolment::sectionId,
                    Collectors.mapping(ClassRoster.Enrolment::studentId, Collectors.toList())));
        Map<String, Person> studentById = byId(
                roster.people(studentIdsBySection.values().stream().flatMap(List::stream).collect(Collectors.toSet()),
                        teacher.getDistrictId()),
                Person::getId);

        return new ClassesView(inSession.stream().map(section -> {
            SchoolPeriod period = periodBySection.get(section.getId());
            Location room = section.getRoomId() == null ? null : roomById.get(section.getRoomId());
            List<Person> students = studentIdsBySection.getOrDefault(section.getId(), List.of())
                .stream()
                .map(studentById::get)
                .filter(Objects::nonNull)
                .sorted(Comparator.comparing(Person::getName, String.CASE_INSENSITIVE_ORDER)
                    .thenComparing(Person::getId))
                .toList();
            Map<String, ClassesView.Badge> badgeByStudent = badges(teacher.getDistrictId(), students,
                    periodStart(period, school, instant));
            return new ClassesView.ClassView(new ClassesView.Ref(section.getId(), section.getName()),
                    new ClassesView.Ref(period.getId(), period.getName()),
                    room == null ? null : new ClassesView.Ref(room.getId(), room.getName()),
                    students.stream()
                        .map(p -> new ClassesView.StudentView(p.getId(), p.getName(), p.getStudentNumber(),
                                badgeByStudent.get(p.getId())))
                        .toList());
        }).toList());
    }

    /**
     * Out (ACTIVE, LONG_RUNNING) and in line for a place (WAITING: a badge with that
     * state and no colour, so a screen tells it from out).
     */
    private static final java.util.Set<PassState> BADGED = java.util.EnumSet.of(PassState.WAITING, PassState.ACTIVE,
            PassState.LONG_RUNNING);

    /**
     * One query for the whole class; the pass that is out wins over one waiting or one
     * the system ended.
     */
    private Map<String, ClassesView.Badge> badges(String districtId, List<Person> students, Instant periodStart) {
        if (students.isEmpty()) {
            return Map.of();
        }
        Comparator<ClassBadges.Row> shown = Comparator
            .comparing((ClassBadges.Row r) -> PassState.OUT.contains(r.state()))
            .thenComparing(r -> Optional.ofNullable(r.endedAt()).orElse(Instant.MIN))
            .thenComparing(r -> Optional.ofNullable(r.startedAt()).orElse(Instant.MIN));
        return badges
            .of(districtId, students.stream().map(Person::getId).toList(), BADGED, PassState.ENDED_BY_SYSTEM,
                    periodStart)
            .stream()
            .collect(Collectors.toMap(ClassBadges.Row::studentId, Function.identity(),
                    (a, b) -> shown.compare(a, b) >= 0 ? a : b))
            .values()
            .stream()
            .collect(Collectors.toMap(ClassBadges.Row::studentId,
                    r -> new ClassesView.Badge(r.passId(), r.type(),
                            new ClassesView.Ref(r.destinationId(), r.destinationName()), r.state(),
                            PassView.Color.of(r.state()), r.type() == PassType.AUTO, r.startedAt())));
    }

    /** When the period in session began today, in the school's time zone. */
    private static Instant periodStart(SchoolPeriod period, School school, Instant now) {
        ZonedDateTime local = now.atZone(school.getTimeZone());
        return local.toLocalDate().atTime(period.getStartsAt()).atZone(school.getTimeZone()).toInstant();
    }

    private static <T> List<String> ids(Collection<T> items, Function<T, String> id) {
        return items.stream().map(id).distinct().toList();
    }

    private static <T> Map<String, T> byId(Collection<T> items, Function<T, String> id) {
        return items.stream().collect(Collectors.toMap(id, Function.identity()));
    }

}
