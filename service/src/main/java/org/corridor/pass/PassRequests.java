package org.corridor.pass;

import java.time.Clock;
import java.util.Optional;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.corridor.destination.Location;
import org.corridor.destination.LocationRepository;
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
 * A student asks to leave class. The request is stored and handed to the engine in one transaction:
 * when this answers 201 the request exists, is routed, and carries its flags.
 */
@Service
public class PassRequests {
    private final PassRepository passes;
    private final LocationRepository locations;
    private final SchoolRepository schools;
    private final PersonRepository people;
    private final DepartingFrom departingFrom;
    private final PassLifecycle lifecycle;
    private final PassEvents events;
    private final Clock clock;

    PassRequests(PassRepository passes, LocationRepository locations, SchoolRepository schools,
                 PersonRepository people, DepartingFrom departingFrom, PassLifecycle lifecycle, PassEvents events,
                 Clock clock) {
        this.passes = passes;
        this.locations = locations;
        this.schools = schools;
        this.people = people;
        this.departingFrom = departingFrom;
        this.lifecycle = lifecycle;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Pass request(Caller caller, NewPass body, String idempotencyKey) {
        if (body.type() != PassType.REGULAR) {
            throw InvalidInput.field("type", "Pass type " + body.type()
                    + " is not available yet on this server; request a REGULAR pass.");
        }
        caller.require(Role.STUDENT, "request a pass for themselves");
        Person student = caller.person();
        if (idempotencyKey != null) {
            Optional<Pass> earlier = passes.findByStudentIdAndIdempotencyKey(student.getId(), idempotencyKey);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        School school = schools.findById(student.getSchoolId())
                .orElseThrow(() -> ApiProblem.forbidden("Your account is not enrolled in a school."));
        Location destination = locations.findByIdAndSchoolId(body.destinationId(), school.getId())
                .filter(Location::isDestination)
                .orElseThrow(() -> InvalidInput.field("destinationId",
                        "There is no destination " + body.destinationId() + " in " + school.getName() + "."));
        DepartingFrom.Choice leaving = departingFrom.now(student, school).stream()
                .filter(c -> c.section().getId().equals(body.departingFromSectionId()))
                .findFirst()
                .orElseThrow(() -> InvalidInput.field("departingFromSectionId",
                        "You are not in section " + body.departingFromSectionId()
                                + " right now. Choose a class you are in this period."));
        refuseSecondOpenPass(student);

        Pass pass = Pass.requested(student.getDistrictId(), school.getId(), student.getId(), PassType.REGULAR,
                PassChannel.DEVICE, leaving.section().getId(), leaving.room().getId(), destination.getId(),
                leaving.teacher().getId(), body.note(), idempotencyKey, clock.instant());
        try {
            passes.saveAndFlush(pass);
        } catch (DataIntegrityViolationException raced) {
            // Another request of the same student committed between our check and this insert; the
            // session cannot be queried after a failed flush, so the answer names no pass.
            throw new ApiProblem(HttpStatus.CONFLICT, "open-pass-exists", "You already have an open pass",
                    "Another request of yours arrived at the same moment. Check your open pass before asking again.");
        }
        lifecycle.start(pass.getId(), pass.getRoutedToId());
        events.record(pass, "REQUESTED", student.getId(), null,
                "Sent to " + leaving.teacher().getName() + ", " + leaving.room().getName()
                        + "; flags: " + (pass.flagCodes().isEmpty() ? "none" : String.join(", ", pass.flagCodes())));
        return pass;
    }

    private void refuseSecondOpenPass(Person student) {
        passes.findOpenFor(student.getId()).ifPresent(open -> {
            Location where = locations.getReferenceById(open.getDestinationId());
            Person teacher = people.getReferenceById(open.getRoutedToId());
            throw new ApiProblem(HttpStatus.CONFLICT, "open-pass-exists", "You already have an open pass",
                    "You already have an open " + open.getState().name().toLowerCase().replace('_', '-')
                            + " pass to " + where.getName() + ", sent to " + teacher.getName()
                            + ". End or cancel it before asking for another.")
                    .with("openPassId", open.getId())
                    .with("openPassState", open.getState());
        });
    }
}
