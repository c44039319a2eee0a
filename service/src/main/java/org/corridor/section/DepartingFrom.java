package org.corridor.section;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
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

/** Which classes a student can leave right now: the sections they are enrolled in whose period is in session. */
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

    /** A section the student is in, with its period, room and main teacher resolved. */
    public record Choice(Section section, SchoolPeriod period, Location room, Person teacher) {
    }

    @Transactional(readOnly = true)
    public List<Choice> now(Person student, School school) {
        return at(student, school, clock.instant());
    }

    /** The sections the student will be in at a given moment (an appointment's time). */
    @Transactional(readOnly = true)
    public List<Choice> at(Person student, School school, Instant moment) {
        ZonedDateTime now = moment.atZone(school.getTimeZone());
        List<Section> enrolled = sections.findEnrolling(student.getId()).stream()
                .filter(s -> s.getSchoolId().equals(school.getId())).toList();
        Map<String, SchoolPeriod> periodById = periods.findAllById(enrolled.stream().map(Section::getPeriodId).toList())
                .stream().collect(Collectors.toMap(SchoolPeriod::getId, Function.identity()));
        return enrolled.stream()
                .filter(s -> periodById.get(s.getPeriodId()).isInSession(now))
                .map(s -> new Choice(s, periodById.get(s.getPeriodId()),
                        locations.getReferenceById(s.getRoomId()), people.getReferenceById(s.getMainTeacherId())))
                .sorted(Comparator.comparing(c -> c.section().getName()))
                .toList();
    }
}
