package org.corridor.pass;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import org.corridor.location.Location;
import org.corridor.location.LocationRepository;
import org.corridor.persistence.RestartOnDeadlock;
import org.corridor.person.Person;
import org.corridor.person.PersonRepository;
import org.corridor.person.Role;
import org.corridor.problem.ApiProblem;
import org.corridor.problem.InvalidInput;
import org.corridor.school.School;
import org.corridor.school.SchoolRepository;
import org.corridor.section.DepartingFrom;
import org.corridor.security.Caller;
import org.corridor.workflow.pass.PassLifecycle;

/**
 * A pass begins: a student asks (own device or kiosk), or a teacher creates one (proxy
 * now, appointment later). The pass is stored and handed to the engine in one
 * transaction: when this answers 201 the pass exists and is routed, started or booked,
 * and carries its flags.
 */
@Service
public class PassRequests {

    /** How far ahead an appointment can be booked. */
    static final Duration BOOKING_HORIZON = Duration.ofDays(30);

    private final PassRepository passes;

    private final LocationRepository locations;

    private final SchoolRepository schools;

    private final PersonRepository people;

    private final DepartingFrom departingFrom;

    private final PassLifecycle lifecycle;

    private final PassEvents events;

    private final PassViews views;

    private final Clock clock;

    private final TransactionTemplate inTransaction;

    private final TransactionTemplate reading;

    private final KioskStudents kioskStudents;

    PassRequests(PassRepository passes, LocationRepository locations, SchoolRepository schools, PersonRepository people,
            DepartingFrom departingFrom, PassLifecycle lifecycle, PassEvents events, PassViews views, Clock clock,
            PlatformTransactionManager transactions, KioskStudents kioskStudents) {
        this.kioskStudents = kioskStudents;
        this.views = views;
        this.inTransaction = new TransactionTemplate(transactions);
        this.reading = new TransactionTemplate(transactions);
        this.reading.setReadOnly(true);
        this.passes = passes;
        this.locations = locations;
        this.schools = schools;
        this.people = people;
        this.departingFrom = departingFrom;
        this.lifecycle = lifecycle;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The same request sent twice with one {@code Idempotency-Key} gives one pass, and
     * both answers are that pass (the controller answers 201 for both, as for a retry
     * that comes after the first answer): a retry is not told 409 about the pass its own
     * first attempt created. When the two arrive at the same moment neither sees the
     * other until the second one's insert meets the first's row in the unique indexes
     * ({@code uq_pass_idempotency}, {@code uq_pass_open_student}), which makes it wait
     * for the first to commit and then fail; its transaction is then unusable, so the
     * first pass is looked up in a new one. Without a key (or with another key) the loser
     * is refused with 409 naming the pass that won.
     * <p>
     * The answer is the pass as the caller reads it, made in the same transaction from
     * what it loaded.
     */
    @RestartOnDeadlock
    public PassView request(Caller caller, NewPass body, String idempotencyKey) {
        try {
            return inTransaction.execute(status -> views.of(requestOnce(caller, body, idempotencyKey), caller));
        }
        catch (RacedForOpenPass raced) {
            return reading.execute(status -> {
                if (idempotencyKey != null) {
                    Optional<Pass> first = passes.findByStudentIdAndIdempotencyKey(raced.studentId, idempotencyKey);
                    if (first.isPresent()) {
                        return views.of(first.get(), caller);
                    }
                }
                people.findById(raced.studentId).ifPresent(student -> refuseSecondOpenPass(caller, student, null));
                throw raced;
            });
        }
    }

    /**
     * Another request of the same student committed between our checks and our insert.
     */
    private static final class RacedForOpenPass extends ApiProblem {

        private final String studentId;

        RacedForOpenPass(String studentId) {
            super(HttpStatus.CONFLICT, "open-pass-exists", "Already an open pass",
                    "Another request for this student arrived at the same moment. Check the open pass before asking again.");
            this.studentId = studentId;
        }

    }

    private Pass requestOnce(Caller caller, NewPass body, String idempotencyKey) {
        Person student = studentFor(caller, body);
        if (idempotencyKey != null) {
            Optional<Pass> earlier = passes.findByStudentIdAndIdempotencyKey(student.getId(), idempotencyKey);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        School school = schools.findById(student.getSchoolId())
            .orElseThrow(() -> ApiProblem.forbidden("This student is not enrolled in a school."));
        if (school.isInEmergency()) {
            throw ApiProblem.conflict("emergency-in-force", "Emergency in force",
                    school.getName() + " is in an emergency: no passes until an administrator clears it.");
        }
        Location destination = locations.findByIdAndSchoolId(body.destinationId(), school.getId())
            .filter(Location::isDestination)
            .orElseThrow(() -> InvalidInput.field("destinationId",
                    "There is no destination " + body.destinationId() + " in " + school.getName() + "."));
        Instant now = clock.instant();
        Instant startsAt = appointmentTime(body, now);
        DepartingFrom.Choice leaving = leaving(caller, body, student, school, startsAt != null ? startsAt : now);
        PassChannel channel = caller.isKiosk() ? PassChannel.KIOSK
                : caller.is(Role.STUDENT) ? PassChannel.DEVICE : PassChannel.STAFF;
        String kioskId = caller.isKiosk() ? caller.id() : null;

        if (body.type() == PassType.APPOINTMENT) {
            Pass pass = Pass.scheduled(student.getDistrictId(), school.getId(), student.getId(),
                    leaving.section().getId(), roomId(leaving), destination.getId(), leaving.teacher().getId(),
                    caller.id(), body.note(), idempotencyKey, startsAt, now);
            insert(pass);
            events.recordFirst(pass, PassEventKind.BOOKED, caller, "Appointment at " + startsAt + ", leaving "
                    + leaving.section().getName() + " (" + leaving.teacher().getName() + ")");
            Instant announceAt = startsAt.minus(Duration.ofMinutes(school.getAppointmentLeadMinutes()));
            lifecycle.scheduleAppointment(pass.ref(), announceAt.isBefore(now) ? now : announceAt, startsAt);
            return pass;
        }

        if (body.type() != PassType.REGULAR) {
            // May be out before this commits (see RecordedPolicyCheck#blocks). Locked
            // before the insert: the new
            // row's foreign key takes a shared lock on the destination, and two such
            // shared locks both
            // wanting to become exclusive would deadlock.
            locations.lockById(destination.getId());
        }
        Optional<Pass> sameRequest = refuseSecondOpenPass(caller, student, idempotencyKey);
        if (sameRequest.isPresent()) {
            return sameRequest.get();
        }
        Pass pass = Pass.requested(student.getDistrictId(), school.getId(), student.getId(), body.type(), channel,
                leaving.section().getId(), roomId(leaving), destination.getId(), leaving.teacher().getId(), caller.id(),
                kioskId, body.note(), idempotencyKey, now);
        insert(pass);
        events.recordFirst(pass, PassEventKind.REQUESTED, caller,
                body.type() + " pass via " + channel + (caller.isKiosk() ? " (" + caller.kiosk().name() + ")" : ""));
        lifecycle.start(pass.ref(), pass.getRoutedToId());
        return pass;
    }

    /**
     * Who the pass is for, and whether this caller may create this type of pass for them.
     */
    private Person studentFor(Caller caller, NewPass body) {
        PassType type = body.type();
        if (caller.isKiosk()) {
            requireType(type, "At a kiosk a student requests a REGULAR pass or starts an AUTO pass.", PassType.REGULAR,
                    PassType.AUTO);
            refuseField(body.studentId(), "studentId", "A kiosk names the student by studentNumber.");
            return kioskStudents.identify(caller, body.studentNumber(), body.pin());
        }
        refuseField(body.pin(), "pin", "Only a kiosk asks for a student's PIN.");
        refuseField(body.studentNumber(), "studentNumber", "Only a kiosk names the student by number.");
        if (caller.is(Role.STUDENT)) {
            requireType(type, "A student requests a REGULAR pass or starts an AUTO pass; PROXY and APPOINTMENT "
                    + "passes are created by teachers.", PassType.REGULAR, PassType.AUTO);
            if (body.studentId() != null && !body.studentId().equals(caller.id())) {
                throw ApiProblem.forbidden("A student can only ask for a pass for themselves.");
            }
            return caller.person();
        }
        if (caller.is(Role.TEACHER)) {
            requireType(type, "A teacher creates a PROXY pass (now) or an APPOINTMENT pass (later) for a student.",
                    PassType.PROXY, PassType.APPOINTMENT);
            if (body.studentId() == null || body.studentId().isBlank()) {
                throw InvalidInput.field("studentId", "Name the student this pass is for.");
            }
            return people.findByIdAndDistrictId(body.studentId(), caller.districtId())
                .filter(p -> p.has(Role.STUDENT) && p.getSchoolId() != null
                        && p.getSchoolId().equals(caller.schoolId()))
                .orElseThrow(() -> InvalidInput.field("studentId",
                        "There is no student " + body.studentId() + " in your school."));
        }
        throw ApiProblem.forbidden("Only students, teachers and kiosks create passes.");
    }

    private Instant appointmentTime(NewPass body, Instant now) {
        if (body.type() != PassType.APPOINTMENT) {
            refuseField(body.startsAt(), "startsAt", "Only an APPOINTMENT pass has a start time.");
            return null;
        }
        if (body.startsAt() == null) {
            throw InvalidInput.field("startsAt", "Say when the appointment is.");
        }
        if (!body.startsAt().isAfter(now)) {
            throw InvalidInput.field("startsAt", "The appointment time " + body.startsAt() + " is in the past.");
        }
        if (body.startsAt().isAfter(now.plus(BOOKING_HORIZON))) {
            throw InvalidInput.field("startsAt",
                    "Appointments can be booked at most " + BOOKING_HORIZON.toDays() + " days ahead.");
        }
        return body.startsAt();
    }

    /**
     * The class the student leaves, at the moment the pass starts, checked against who is
     * asking.
     */
    private DepartingFrom.Choice leaving(Caller caller, NewPass body, Person student, School school, Instant at) {
        List<DepartingFrom.Choice> choices = departingFrom.at(student, school, at);
        String sectionId = body.departingFromSectionId();
        if (sectionId == null || sectionId.isBlank()) {
            List<DepartingFrom.Choice> implied = caller.isKiosk()
                    ? choices.stream().filter(c -> caller.kiosk().roomId().equals(roomId(c))).toList()
                    : body.type() == PassType.APPOINTMENT ? choices : List.of();
            if (implied.size() == 1) {
                return implied.get(0);
            }
            throw InvalidInput.field("departingFromSectionId", implied.isEmpty() && caller.isKiosk()
                    ? "This student has no class in this room right now." : "Choose the class the student is leaving.");
        }
        DepartingFrom.Choice choice = choices.stream()
            .filter(c -> c.section().getId().equals(sectionId))
            .findFirst()
            .orElseThrow(() -> InvalidInput.field("departingFromSectionId",
                    (caller.is(Role.STUDENT) ? "You are" : "The student is") + " not in section " + sectionId
                            + (body.type() == PassType.APPOINTMENT ? " at that time." : " right now.")
                            + " Choose a class in session."));
        if (caller.isKiosk() && !caller.kiosk().roomId().equals(roomId(choice))) {
            throw InvalidInput.field("departingFromSectionId", "That class does not meet in this kiosk's room.");
        }
        // the covering teacher runs the class while a cover is in force
        if (body.type() == PassType.PROXY && !choice.section().isTaughtBy(caller.id())
                && !choice.teacher().getId().equals(caller.id())) {
            throw ApiProblem.forbidden("A proxy pass is for a student of your own class; " + choice.section().getName()
                    + " is taught by " + choice.teacher().getName() + ".");
        }
        return choice;
    }

    /** The room the class meets in, or null: a rostered class may name none. */
    private static String roomId(DepartingFrom.Choice choice) {
        return choice.room() == null ? null : choice.room().getId();
    }

    /**
     * The session cannot be used after a failed flush: {@link #request} answers from a
     * new transaction.
     */
    private void insert(Pass pass) {
        try {
            passes.saveAndFlush(pass);
        }
        catch (DataIntegrityViolationException raced) {
            throw new RacedForOpenPass(pass.getStudentId());
        }
    }

    /**
     * Refuses a second open pass, naming the open one; answers the open pass itself when
     * it was made by this same request (same key), committed between the key lookup and
     * here.
     */
    private Optional<Pass> refuseSecondOpenPass(Caller caller, Person student, String idempotencyKey) {
        Optional<Pass> found = passes.findOpenFor(student.getId());
        if (found.isPresent() && idempotencyKey != null && idempotencyKey.equals(found.get().getIdempotencyKey())) {
            return found;
        }
        found.ifPresent(open -> {
            Location where = locations.getReferenceById(open.getDestinationId());
            Person teacher = people.getReferenceById(open.getRoutedToId());
            String who = caller.is(Role.STUDENT) ? "You already have" : student.getName() + " already has";
            throw new ApiProblem(HttpStatus.CONFLICT, "open-pass-exists", "Already an open pass",
                    who + " an open " + open.getState().name().toLowerCase().replace('_', '-') + " pass to "
                            + where.getName() + ", sent to " + teacher.getName()
                            + ". End or cancel it before asking for another.")
                .with("openPassId", open.getId())
                .with("openPassState", open.getState());
        });
        return Optional.empty();
    }

    private static void requireType(PassType type, String why, PassType... allowed) {
        if (!List.of(allowed).contains(type)) {
            throw InvalidInput.field("type", why);
        }
    }

    private static void refuseField(Object value, String field, String why) {
        if (value != null) {
            throw InvalidInput.field(field, why);
        }
    }

}
