package org.corridor.section;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import org.corridor.destination.Location;
import org.corridor.destination.LocationRepository;
import org.corridor.person.Person;
import org.corridor.person.PersonRepository;
import org.corridor.school.School;
import org.corridor.school.SchoolPeriod;
import org.corridor.school.SchoolPeriodRepository;

/**
 * Which classes a student can leave at a moment: the sections of the school they are enrolled in, not
 * removed, whose term and enrolment include the day (in the school's time zone), one of whose period names
 * is a period of the school's bell schedule in session, and that have a main teacher to receive requests.
 */
@Component
public class DepartingFrom {
    private final SectionRepository sections;
    private final SchoolPeriodRepository periods;
    private final LocationRepository locations;
    private final PersonRepository people;
    private final Clock clock;

    DepartingFrom(SectionRepository sections, SchoolPeriodRepository periods, LocationRepository locations,
                  PersonRepository people, Clock clock) {
        this.sections = sections;
        this.periods = periods;
        this.locations = locations;
        this.people = people;
        this.clock = clock;
    }

    /** A section the student can leave, with its period in session, room (null: none) and main teacher resolved. */
    public record Choice(Section section, SchoolPeriod period, Location room, Person teacher) {
    }

    /**
     * One of the student's sections and whether it is offered at the moment. {@code period} is the bell
     * period in session for an offered section (else null); {@code unscheduledPeriods} are the section's
     * period names the bell schedule does not know.
     */
    public record Standing(Section section, Offer offer, SchoolPeriod period, Set<String> unscheduledPeriods) {
        public boolean offered() {
            return offer == Offer.OFFERED;
        }
    }

    @Transactional(readOnly = true)
    public List<Choice> now(Person student, School school) {
        return at(student, school, clock.instant());
    }

    /** The sections the student will be in at a given moment (an appointment's time). */
    @Transactional(readOnly = true)
    public List<Choice> at(Person student, School school, Instant moment) {
        List<Standing> offered = standings(student, school, moment).stream().filter(Standing::offered).toList();
        Map<String, Location> roomById = locations.findAllById(offered.stream().map(s -> s.section().getRoomId())
                        .filter(Objects::nonNull).distinct().toList())
                .stream().collect(Collectors.toMap(Location::getId, Function.identity()));
        return offered.stream()
                .map(s -> new Choice(s.section(), s.period(),
                        s.section().getRoomId() == null ? null : roomById.get(s.section().getRoomId()),
                        people.getReferenceById(s.section().getMainTeacherId())))
                .toList();
    }

    /**
     * Every section of the school the student has an enrolment in (removed ones too), each with whether it is
     * offered at the moment and, if not, why: the ground for "why did this request not reach Ms X?".
     */
    @Transactional(readOnly = true)
    public List<Standing> standings(Person student, School school, Instant moment) {
        ZonedDateTime local = moment.atZone(school.getTimeZone());
        LocalDate today = local.toLocalDate();
        List<Section> enrolled = sections.findEnrolling(student.getId()).stream()
                .filter(s -> s.getSchoolId().equals(school.getId()))
                .sorted(Comparator.comparing(Section::getName).thenComparing(Section::getId))
                .toList();
        if (enrolled.isEmpty()) {
            return List.of();
        }
        Map<String, SchoolPeriod> bellSchedule = periods.findBySchoolIdOrderByStartsAtAscNameAsc(school.getId()).stream()
                .collect(Collectors.toMap(SchoolPeriod::getName, Function.identity(), (first, second) -> first));
        Map<String, Person> teacherById = people.findAllById(enrolled.stream().map(Section::getMainTeacherId)
                        .filter(Objects::nonNull).distinct().toList())
                .stream().collect(Collectors.toMap(Person::getId, Function.identity()));
        return enrolled.stream().map(section -> standing(student, section, bellSchedule, teacherById, local, today))
                .toList();
    }

    private static Standing standing(Person student, Section section, Map<String, SchoolPeriod> bellSchedule,
                                     Map<String, Person> teacherById, ZonedDateTime local, LocalDate today) {
        Set<String> names = section.getPeriodNames();
        Set<String> unscheduled = names.stream().filter(n -> !bellSchedule.containsKey(n))
                .collect(Collectors.toCollection(TreeSet::new));
        Optional<SchoolPeriod> inSession = names.stream().map(bellSchedule::get).filter(Objects::nonNull)
                .filter(p -> p.isInSession(local)).findFirst();
        Enrolment enrolment = section.enrolment(student.getId()).orElseThrow();
        Person teacher = section.getMainTeacherId() == null ? null : teacherById.get(section.getMainTeacherId());
        Offer offer;
        if (student.isRemoved()) {
            offer = Offer.STUDENT_REMOVED;
        } else if (section.isRemoved()) {
            offer = Offer.SECTION_REMOVED;
        } else if (!enrolment.hasBegunBy(today)) {
            offer = Offer.NOT_ENROLLED_YET;
        } else if (enrolment.hasEndedBy(today)) {
            offer = Offer.ENROLMENT_ENDED;
        } else if (!section.termHasStartedBy(today)) {
            offer = Offer.TERM_NOT_STARTED;
        } else if (section.termHasEndedBy(today)) {
            offer = Offer.TERM_OVER;
        } else if (names.isEmpty()) {
            offer = Offer.NO_PERIODS;
        } else if (unscheduled.size() == names.size()) {
            offer = Offer.PERIOD_NOT_IN_BELL_SCHEDULE;
        } else if (inSession.isEmpty()) {
            offer = Offer.PERIOD_NOT_IN_SESSION;
        } else if (teacher == null) {
            offer = Offer.NO_MAIN_TEACHER;
        } else if (teacher.isRemoved()) {
            offer = Offer.MAIN_TEACHER_REMOVED;
        } else {
            offer = Offer.OFFERED;
        }
        return new Standing(section, offer, offer == Offer.OFFERED ? inSession.get() : null, unscheduled);
    }
}
