package org.corridor.policy;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.swagger.v3.oas.annotations.media.Schema;

import org.corridor.person.Person;
import org.corridor.person.PersonRepository;
import org.corridor.person.Role;
import org.corridor.problem.ApiProblem;
import org.corridor.problem.InvalidInput;
import org.corridor.school.School;
import org.corridor.school.SchoolRepository;
import org.corridor.security.Caller;

/**
 * Exemptions written in students' plans. Private: only administrators read or change
 * them; teachers see a request without the exempted flag and never learn why. "Today" is
 * the student's school's day.
 */
@Service
public class Accommodations {

    private final AccommodationRepository accommodations;

    private final PersonRepository people;

    private final SchoolRepository schools;

    private final Clock clock;

    Accommodations(AccommodationRepository accommodations, PersonRepository people, SchoolRepository schools,
            Clock clock) {
        this.accommodations = accommodations;
        this.people = people;
        this.schools = schools;
        this.clock = clock;
    }

    public enum Standing {

        UPCOMING, IN_FORCE, ENDED

    }

    public record Terms(String ruleName, LocalDate from, LocalDate until, String note) {
    }

    public record View(String id, String studentId, String studentName, String studentNumber, String ruleName,
            LocalDate from, LocalDate until, @Schema(nullable = true) String note, Standing standing) {
    }

    public record Student(String id, String name, String studentNumber) {
    }

    /**
     * Up to 20 students of the district whose name starts with the query, or whose number
     * it is.
     */
    @Transactional(readOnly = true)
    public List<Student> findStudents(Caller caller, String query) {
        caller.require(Role.ADMIN, "set accommodations");
        String q = query.strip();
        String prefix = q.toLowerCase(java.util.Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_")
                + "%";
        return people.search(caller.districtId(), Role.STUDENT, prefix, q, PageRequest.of(0, 20))
            .stream()
            .map(p -> new Student(p.getId(), p.getName(), p.getStudentNumber()))
            .toList();
    }

    /**
     * The district's accommodations, or one student's; a student of another district is
     * not found.
     */
    @Transactional(readOnly = true)
    public List<View> list(Caller caller, String studentId) {
        caller.require(Role.ADMIN, "read accommodations");
        List<Accommodation> found;
        if (studentId == null) {
            found = accommodations.findByDistrictId(caller.districtId());
        }
        else {
            people.findByIdAndDistrictId(studentId, caller.districtId())
                .filter(p -> p.has(Role.STUDENT))
                .orElseThrow(() -> ApiProblem.notFound("Student", studentId));
            found = accommodations.findByStudentIdAndDistrictIdOrderByFromDate(studentId, caller.districtId());
        }
        Map<String, Person> students = people
            .findAllById(found.stream().map(Accommodation::getStudentId).collect(Collectors.toSet()))
            .stream()
            .collect(Collectors.toMap(Person::getId, p -> p));
        Map<String, ZoneId> zones = zones(
                students.values().stream().map(Person::getSchoolId).collect(Collectors.toSet()));
        return found.stream().map(a -> view(a, students.get(a.getStudentId()), zones)).toList();
    }

    @Transactional
    public View add(Caller caller, String studentId, Terms terms) {
        caller.require(Role.ADMIN, "set accommodations");
        Person student = people.findByIdAndDistrictId(studentId, caller.districtId())
            .filter(p -> p.has(Role.STUDENT))
            .orElseThrow(
                    () -> InvalidInput.field("studentId", "There is no student " + studentId + " in your district."));
        requireInOrder(terms);
        Accommodation added = accommodations.save(new Accommodation(caller.districtId(), student.getId(),
                terms.ruleName().strip(), terms.from(), terms.until(), terms.note()));
        return view(added, student, zones(Set.of(student.getSchoolId())));
    }

    /** New dates, rule or note, all at once or not at all. */
    @Transactional
    public View change(Caller caller, String id, Terms terms) {
        caller.require(Role.ADMIN, "change accommodations");
        Accommodation accommodation = find(caller, id);
        requireInOrder(terms);
        accommodation.change(terms.ruleName().strip(), terms.from(), terms.until(), terms.note());
        Person student = people.findById(accommodation.getStudentId()).orElse(null);
        return view(accommodation, student, zones(student == null ? Set.of() : Set.of(student.getSchoolId())));
    }

    /**
     * Ends an accommodation early: from today on it exempts nothing. One that has not
     * started yet is removed; one that has ended already is left as it is.
     */
    @Transactional
    public void end(Caller caller, String id) {
        caller.require(Role.ADMIN, "end accommodations");
        Accommodation accommodation = find(caller, id);
        Person student = people.findById(accommodation.getStudentId()).orElse(null);
        LocalDate today = LocalDate
            .now(clock.withZone(zoneOf(student, zones(student == null ? Set.of() : Set.of(student.getSchoolId())))));
        if (!accommodation.getFromDate().isBefore(today)) {
            accommodations.delete(accommodation);
        }
        else if (!accommodation.getUntilDate().isBefore(today)) {
            accommodation.endBefore(today);
        }
    }

    private Accommodation find(Caller caller, String id) {
        return accommodations.findByIdAndDistrictId(id, caller.districtId())
            .orElseThrow(() -> ApiProblem.notFound("Accommodation", id));
    }

    private static void requireInOrder(Terms terms) {
        if (terms.until().isBefore(terms.from())) {
            throw InvalidInput.field("until",
                    "The accommodation ends (" + terms.until() + ") before it starts (" + terms.from() + ").");
        }
    }

    private Map<String, ZoneId> zones(Set<String> schoolIds) {
        return schools.findAllById(schoolIds.stream().filter(s -> s != null).toList())
            .stream()
            .collect(Collectors.toMap(School::getId, School::getTimeZone));
    }

    private ZoneId zoneOf(Person student, Map<String, ZoneId> zones) {
        return student == null || student.getSchoolId() == null ? clock.getZone()
                : zones.getOrDefault(student.getSchoolId(), clock.getZone());
    }

    private View view(Accommodation a, Person student, Map<String, ZoneId> zones) {
        LocalDate today = LocalDate.now(clock.withZone(zoneOf(student, zones)));
        Standing standing = today.isBefore(a.getFromDate()) ? Standing.UPCOMING
                : today.isAfter(a.getUntilDate()) ? Standing.ENDED : Standing.IN_FORCE;
        return new View(a.getId(), a.getStudentId(), student == null ? "(removed)" : student.getName(),
                student == null ? null : student.getStudentNumber(), a.getRuleName(), a.getFromDate(), a.getUntilDate(),
                a.getNote(), standing);
    }

}
