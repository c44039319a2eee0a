package org.corridor.kiosk;

import java.util.Optional;

import org.springframework.stereotype.Component;

import org.corridor.pass.KioskStudents;
import org.corridor.person.Person;
import org.corridor.person.PersonRepository;
import org.corridor.person.Role;
import org.corridor.problem.ApiProblem;
import org.corridor.problem.InvalidInput;
import org.corridor.school.SchoolRepository;
import org.corridor.security.Caller;

/**
 * The student at a kiosk, by number (and PIN where the school asks for one). An unknown
 * number is said to be unknown and nothing more; where a PIN is asked, a wrong number and
 * a wrong PIN get the same answer, so the kiosk does not confirm that a number exists.
 * Each of them costs the kiosk one of its wrong tries ({@link KioskSlowDown}). Runs in
 * the caller's transaction.
 */
@Component
class KioskStudentsByNumber implements KioskStudents {

    private final PersonRepository people;

    private final SchoolRepository schools;

    private final KioskPins pins;

    private final KioskSlowDown slowDown;

    KioskStudentsByNumber(PersonRepository people, SchoolRepository schools, KioskPins pins, KioskSlowDown slowDown) {
        this.people = people;
        this.schools = schools;
        this.pins = pins;
        this.slowDown = slowDown;
    }

    @Override
    public Person identify(Caller caller, String studentNumber, String pin) {
        caller.require(Role.KIOSK, "identify a student by number");
        String kioskId = caller.kiosk().id();
        slowDown.check(kioskId);
        if (studentNumber == null || studentNumber.isBlank()) {
            throw InvalidInput.field("studentNumber", "Type or scan your student number.");
        }
        String number = studentNumber.strip();
        boolean pinAsked = schools.findById(caller.schoolId()).map(s -> s.isKioskRequiresPin()).orElse(false);
        if (pinAsked && (pin == null || pin.isBlank())) {
            throw InvalidInput.field("pin", "Type your PIN.");
        }
        Optional<Person> student = people.findBySchoolIdAndStudentNumber(caller.schoolId(), number)
            .filter(p -> p.has(Role.STUDENT));
        if (!pinAsked) {
            return student.orElseThrow(() -> wrong(kioskId,
                    InvalidInput.field("studentNumber", "No student with number " + number + " at this school.")));
        }
        if (!pins.matches(student, pin.strip())) {
            throw wrong(kioskId, InvalidInput.field("pin", "This student number and PIN do not match. Check both and "
                    + "try again; if you have no PIN yet, ask the office."));
        }
        return student.get();
    }

    private ApiProblem wrong(String kioskId, ApiProblem problem) {
        slowDown.wrong(kioskId);
        return problem;
    }

}
