package org.corridor.section;

import org.corridor.location.Location;
import org.corridor.person.Person;

/**
 * One of a student's sections, read with the student's own enrolment, the section's main
 * teacher and room (null when it has none) and its cover in force on the day (null:
 * none), without loading the class list: a request reads this for every section the
 * student is in.
 */
public record EnrolledSection(Section section, Enrolment enrolment, Person teacher, Location room, Cover cover) {
    public EnrolledSection(Section section, String studentId, java.time.LocalDate beginsOn, java.time.LocalDate endsOn,
            Person teacher, Location room, Cover cover) {
        this(section, new Enrolment(studentId, beginsOn, endsOn), teacher, room, cover);
    }
}
