package org.corridor.school;

import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.corridor.person.Person;
import org.corridor.person.PersonRepository;
import org.corridor.person.Role;
import org.corridor.security.Caller;

/**
 * The schools an administrator may administer, for the console's school picker: an
 * administrator of one school that school, a district administrator every school of the
 * district; and the teachers of one of them, for the forms that name a teacher (who
 * staffs a destination, who teaches a class).
 */
@Service
class AdministeredSchools {

    private final SchoolRepository schools;

    private final ManagedSchools managedSchools;

    private final PersonRepository people;

    private final PassTypeNames passTypes;

    AdministeredSchools(SchoolRepository schools, ManagedSchools managedSchools, PersonRepository people,
            PassTypeNames passTypes) {
        this.schools = schools;
        this.managedSchools = managedSchools;
        this.people = people;
        this.passTypes = passTypes;
    }

    /**
     * A school as the picker shows it, with the pass types its settings may count (every
     * pass type, in the settings' order) and whether an emergency is in force.
     */
    record SchoolChoice(String id, String name, String timeZone, boolean inEmergency, List<String> passTypes) {
    }

    /** A teacher a form may name. */
    record TeacherChoice(String id, String name) {
    }

    @Transactional(readOnly = true)
    List<SchoolChoice> schools(Caller caller) {
        caller.require(Role.ADMIN, "list the schools you administer");
        List<String> types = passTypes.inOrder();
        List<School> mine = caller.schoolId() != null ? List.of(managedSchools.find(caller, caller.schoolId()))
                : schools.findByDistrictIdOrderByName(caller.districtId());
        return mine.stream()
            .map(s -> new SchoolChoice(s.getId(), s.getName(), s.getTimeZone().getId(), s.isInEmergency(), types))
            .toList();
    }

    /**
     * The teachers of the school and the district's teachers of no school, by family
     * name; removed people left out.
     */
    @Transactional(readOnly = true)
    List<TeacherChoice> teachers(Caller caller, String schoolId) {
        caller.require(Role.ADMIN, "list a school's teachers");
        School school = managedSchools.find(caller, schoolId);
        return people.findResponsibleFor(caller.districtId(), school.getId(), Role.TEACHER)
            .stream()
            .filter(p -> !p.isRemoved())
            .sorted(Comparator.comparing((Person p) -> nullToEmpty(p.getFamilyName()))
                .thenComparing(p -> nullToEmpty(p.getGivenName()))
                .thenComparing(Person::getId))
            .map(p -> new TeacherChoice(p.getId(), p.getName()))
            .toList();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

}
