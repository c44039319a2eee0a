package org.corridor.section;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.HashMap;
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

import org.corridor.location.Location;
import org.corridor.person.Person;
import org.corridor.person.PersonRepository;
import org.corridor.school.School;
import org.corridor.school.SchoolPeriod;

/**
 * Which classes a student can leave at a moment: the sections of the school they are
 * enrolled in, not removed, whose term and enrolment include the day (in the school's
 * time zone), one of whose period names is a period of the school's bell schedule in
 * session, and that have a main teacher to receive requests. While a class is covered
 * ({@link Cover}), its requests go to the covering teacher instead of the main teacher.
 */
@Component
public class DepartingFrom {

    private final SectionRepository sections;

    private final PersonRepository people;

    private final Clock clock;

    DepartingFrom(SectionRepository sections, PersonRepository people, Clock clock) {
        this.sections = sections;
        this.people = people;
        this.clock = clock;
    }

    /**
     * A section the student can leave, with its period in session, room (null: none) and
     * the teacher who receives its requests (the covering teacher while a cover is in
     * force, else the main teacher).
     */
    public record Choice(Section section, SchoolPeriod period, Location room, Person teacher) {
    }

    /**
     * One of the student's sections and whether it is offered at the moment.
     * {@code period} is the bell period in session for an offered section (else null);
     * {@code unscheduledPeriods} are the section's period names the bell schedule does
     * not know; {@code teacher} is who receives the section's requests: the covering
     * teacher while {@code cover} is in force on the day (else {@code cover} is null),
     * otherwise the main teacher; it and {@code room} are null when the section has none.
     */
    public record Standing(Section section, Enrolment enrolment, Offer offer, SchoolPeriod period,
            Set<String> unscheduledPeriods, Person teacher, Location room, Cover cover) {
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
        return standings(student, school, moment).stream()
            .filter(Standing::offered)
            .map(s -> new Choice(s.section(), s.period(), s.room(), s.teacher()))
            .toList();
    }

    /**
     * Every section of the school the student has an enrolment in (removed ones too),
     * each with whether it is offered at the moment and, if not, why: the ground for "why
     * did this request not reach Ms X?".
     */
    @Transactional(readOnly = true)
    public List<Standing> standings(Person student, School school, Instant moment) {
        ZonedDateTime local = moment.atZone(school.getTimeZone());
        LocalDate today = local.toLocalDate();
        List<EnrolledSection> enrolled = sections.findEnrolling(student.getId(), school.getId(), today)
            .stream()
            .sorted(Comparator.comparing((EnrolledSection e) -> e.section().getName())
                .thenComparing(e -> e.section().getId()))
            .toList();
        if (enrolled.isEmpty()) {
            return List.of();
        }
        Map<String, Set<String>> periodNames = new HashMap<>();
        // the bell periods the student's sections name, read with the names; of two
        // periods with one name, the earlier is the one the bell schedule goes by
        Map<String, SchoolPeriod> bellSchedule = new HashMap<>();
        for (Object[] row : sections.periodsOfEnrolling(student.getId(), school.getId())) {
            periodNames.computeIfAbsent((String) row[0], id -> new TreeSet<>()).add((String) row[1]);
            if (row[2] instanceof SchoolPeriod period) {
                bellSchedule.merge(period.getName(), period,
                        (one, other) -> other.getStartsAt().isBefore(one.getStartsAt()) ? other : one);
            }
        }
        Map<String, Cover> coverBySection = new HashMap<>();
        enrolled.stream()
            .filter(e -> e.cover() != null)
            .forEach(e -> coverBySection.putIfAbsent(e.section().getId(), e.cover()));
        // a covering teacher removed from the roster since covers nothing: the main
        // teacher receives the requests again
        Map<String, Person> coveringTeachers = people
            .findAllById(coverBySection.values().stream().map(Cover::getTeacherId).distinct().toList())
            .stream()
            .filter(p -> !p.isRemoved())
            .collect(Collectors.toMap(Person::getId, Function.identity()));
        return enrolled.stream().map(e -> {
            Cover cover = coverBySection.get(e.section().getId());
            Person covering = cover == null ? null : coveringTeachers.get(cover.getTeacherId());
            return standing(student, e, periodNames.getOrDefault(e.section().getId(), Set.of()), bellSchedule, local,
                    today, covering == null ? null : cover, covering);
        }).toList();
    }

    private static Standing standing(Person student, EnrolledSection enrolled, Set<String> names,
            Map<String, SchoolPeriod> bellSchedule, ZonedDateTime local, LocalDate today, Cover cover,
            Person covering) {
        Section section = enrolled.section();
        Set<String> unscheduled = names.stream()
            .filter(n -> !bellSchedule.containsKey(n))
            .collect(Collectors.toCollection(TreeSet::new));
        Optional<SchoolPeriod> inSession = names.stream()
            .map(bellSchedule::get)
            .filter(Objects::nonNull)
            .filter(p -> p.isInSession(local))
            .findFirst();
        Enrolment enrolment = enrolled.enrolment();
        Person teacher = covering != null ? covering : enrolled.teacher();
        Offer offer;
        if (student.isRemoved()) {
            offer = Offer.STUDENT_REMOVED;
        }
        else if (section.isRemoved()) {
            offer = Offer.SECTION_REMOVED;
        }
        else if (!enrolment.hasBegunBy(today)) {
            offer = Offer.NOT_ENROLLED_YET;
        }
        else if (enrolment.hasEndedBy(today)) {
            offer = Offer.ENROLMENT_ENDED;
        }
        else if (!section.termHasStartedBy(today)) {
            offer = Offer.TERM_NOT_STARTED;
        }
        else if (section.termHasEndedBy(today)) {
            offer = Offer.TERM_OVER;
        }
        else if (names.isEmpty()) {
            offer = Offer.NO_PERIODS;
        }
        else if (unscheduled.size() == names.size()) {
            offer = Offer.PERIOD_NOT_IN_BELL_SCHEDULE;
        }
        else if (inSession.isEmpty()) {
            offer = Offer.PERIOD_NOT_IN_SESSION;
        }
        else if (teacher == null) {
            offer = Offer.NO_MAIN_TEACHER;
        }
        else if (teacher.isRemoved()) {
            offer = Offer.MAIN_TEACHER_REMOVED;
        }
        else {
            offer = Offer.OFFERED;
        }
        return new Standing(section, enrolment, offer, offer == Offer.OFFERED ? inSession.get() : null, unscheduled,
                teacher, enrolled.room(), cover);
    }

}
