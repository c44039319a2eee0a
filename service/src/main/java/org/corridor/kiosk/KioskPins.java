package org.corridor.kiosk;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.corridor.person.Person;
import org.corridor.person.PersonRepository;
import org.corridor.person.Role;
import org.corridor.problem.ApiProblem;
import org.corridor.security.Caller;

/**
 * Administrators set and clear students' kiosk PINs. A PIN is kept only as a hash of
 * Spring Security's delegating {@link PasswordEncoder} (bcrypt today, its id in the hash
 * so a later algorithm can take over), and never answered or logged.
 */
@Service
class KioskPins {

    private static final Logger log = LoggerFactory.getLogger(KioskPins.class);

    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    private final StudentPinRepository pins;

    private final PersonRepository people;

    private final Clock clock;

    KioskPins(StudentPinRepository pins, PersonRepository people, Clock clock) {
        this.pins = pins;
        this.people = people;
        this.clock = clock;
    }

    record PinSet(String studentId, Instant setAt) {
    }

    @Transactional
    PinSet set(Caller caller, String studentId, String pin) {
        caller.require(Role.ADMIN, "set a student's kiosk PIN");
        Person student = student(caller, studentId);
        StudentPin stored = pins.findByStudentId(student.getId())
            .orElseGet(() -> new StudentPin(student.getDistrictId(), student.getId()));
        stored.set(encoder.encode(pin), caller.signedInId(), clock.instant());
        pins.save(stored);
        log.info("Kiosk PIN of student {} set by {}", student.getId(), caller.signedInId());
        return new PinSet(student.getId(), stored.getSetAt());
    }

    /** Clearing a PIN that is not set changes nothing. */
    @Transactional
    void clear(Caller caller, String studentId) {
        caller.require(Role.ADMIN, "clear a student's kiosk PIN");
        Person student = student(caller, studentId);
        pins.findByStudentId(student.getId()).ifPresent(pin -> {
            pins.delete(pin);
            log.info("Kiosk PIN of student {} cleared by {}", student.getId(), caller.signedInId());
        });
    }

    /**
     * Whether this is the student's PIN: false for no student, or one without a PIN,
     * after as long a check as for a wrong PIN.
     */
    boolean matches(Optional<Person> student, String pin) {
        Optional<String> hash = student.flatMap(s -> pins.findByStudentId(s.getId())).map(StudentPin::getPinHash);
        boolean right = encoder.matches(pin, hash.orElseGet(NobodysHash::get));
        return hash.isPresent() && right;
    }

    /** A student of the administrator's district (and school, if they belong to one). */
    private Person student(Caller caller, String studentId) {
        return people.findByIdAndDistrictId(studentId, caller.districtId())
            .filter(p -> caller.schoolId() == null || caller.schoolId().equals(p.getSchoolId()))
            .filter(p -> p.has(Role.STUDENT))
            .orElseThrow(() -> ApiProblem.notFound("Student", studentId));
    }

    /**
     * Compared against when a number has no PIN, so that the answer takes as long as for
     * a wrong PIN. Hashed on first use, not at start-up: a bcrypt hash costs up to a
     * second of a start under load.
     */
    private static final class NobodysHash {

        private static final String HASH = PasswordEncoderFactories.createDelegatingPasswordEncoder()
            .encode("no PIN is this");

        static String get() {
            return HASH;
        }

    }

}
