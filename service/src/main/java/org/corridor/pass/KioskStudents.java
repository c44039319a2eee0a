package org.corridor.pass;

import org.corridor.person.Person;
import org.corridor.security.Caller;

/**
 * Who the student at a kiosk is, from the number they typed or scanned (and their PIN,
 * where the school asks for one). The kiosk feature implements it
 * ({@code kiosk.KioskStudentsByNumber}): it keeps the PINs and slows a kiosk down after
 * repeated wrong numbers or PINs, so that a kiosk is no tool to list students.
 */
@FunctionalInterface
public interface KioskStudents {

    /**
     * The student of the kiosk's school with this number.
     * @throws org.corridor.problem.ApiProblem 400 naming {@code studentNumber} (unknown
     * number) or {@code pin} (missing or wrong PIN), 429 with {@code Retry-After} while
     * the kiosk is slowed down
     */
    Person identify(Caller kiosk, String studentNumber, String pin);

}
