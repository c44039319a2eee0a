package org.corridor.routing;

import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.corridor.location.Location;
import org.corridor.location.LocationRepository;
import org.corridor.person.Person;
import org.corridor.person.PersonRepository;
import org.corridor.school.SchoolPeriod;
import org.corridor.school.SchoolPeriodRepository;
import org.corridor.section.Section;

/**
 * The names behind the ids of a student's sections (teachers, co-teachers, rooms) and the
 * school's bell schedule, read in a few queries so that an answer does not load them one
 * by one.
 */
final class RosterLookup {

    private final Map<String, Person> people;

    private final Map<String, Location> rooms;

    private final Map<String, SchoolPeriod> bellSchedule;

    private RosterLookup(Map<String, Person> people, Map<String, Location> rooms,
            Map<String, SchoolPeriod> bellSchedule) {
        this.people = people;
        this.rooms = rooms;
        this.bellSchedule = bellSchedule;
    }

    static RosterLookup of(Collection<Section> sections, String schoolId, PersonRepository people,
            LocationRepository locations, SchoolPeriodRepository periods) {
        var personIds = sections.stream()
            .flatMap(s -> Stream.concat(Stream.of(s.getMainTeacherId()), s.getCoTeacherIds().stream()))
            .filter(Objects::nonNull)
            .distinct()
            .toList();
        var roomIds = sections.stream().map(Section::getRoomId).filter(Objects::nonNull).distinct().toList();
        return new RosterLookup(
                people.findAllById(personIds).stream().collect(Collectors.toMap(Person::getId, Function.identity())),
                locations.findAllById(roomIds).stream().collect(Collectors.toMap(Location::getId, Function.identity())),
                // the first of two periods with one name, as DepartingFrom matches them
                periods.findBySchoolIdOrderByStartsAtAscNameAsc(schoolId)
                    .stream()
                    .collect(Collectors.toMap(SchoolPeriod::getName, Function.identity(), (first, second) -> first)));
    }

    /** Null for an id the roster names but nobody holds. */
    Person person(String id) {
        return id == null ? null : people.get(id);
    }

    Location room(String id) {
        return id == null ? null : rooms.get(id);
    }

    /** The bell-schedule period of that name, or null when the schedule has none. */
    SchoolPeriod period(String name) {
        return bellSchedule.get(name);
    }

    RoutingAnswer.Ref ref(Person person) {
        return person == null ? null : new RoutingAnswer.Ref(person.getId(), person.getName());
    }

    RoutingAnswer.Ref ref(Location room) {
        return room == null ? null : new RoutingAnswer.Ref(room.getId(), room.getName());
    }

    /** A teacher's name, or "the teacher <id>" for an id nobody holds. */
    String nameOf(String personId) {
        Person person = person(personId);
        return person == null ? "the teacher " + personId : person.getName();
    }

}
