package org.corridor.pass;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import org.corridor.person.Role;
import org.corridor.problem.ApiProblem;
import org.corridor.section.SectionRepository;
import org.corridor.security.Caller;

/**
 * Who may see and act on a pass. A pass of another district does not exist for the
 * caller.
 */
@Component
class PassAccess {

    private final PassRepository passes;

    private final SectionRepository sections;

    private final PassNames names;

    PassAccess(PassRepository passes, SectionRepository sections, PassNames names) {
        this.passes = passes;
        this.sections = sections;
        this.names = names;
    }

    Pass find(Caller caller, String passId) {
        return passes.findByIdAndDistrictId(passId, caller.districtId())
            .orElseThrow(() -> ApiProblem.notFound("Pass", passId));
    }

    /**
     * A pass the caller may not read is answered exactly as one that does not exist, so
     * that nobody learns which ids are passes of others.
     */
    Pass readable(Caller caller, String passId) {
        Pass pass = find(caller, passId);
        if (!mayRead(caller, pass)) {
            throw ApiProblem.notFound("Pass", passId);
        }
        return pass;
    }

    boolean mayRead(Caller caller, Pass pass) {
        return isOwnPass(caller, pass) || caller.is(Role.ADMIN) || caller.is(Role.AUDITOR) || isInvolved(caller, pass)
                || isAtKiosk(caller, pass);
    }

    /**
     * Refusing an action: to someone who may read the pass, why not; to anyone else, the
     * pass does not exist.
     */
    ApiProblem refusal(Caller caller, Pass pass, String why) {
        return mayRead(caller, pass) ? ApiProblem.forbidden(why) : ApiProblem.notFound("Pass", pass.getId());
    }

    /** A kiosk serves the passes that leave from or arrive at its room. */
    boolean isAtKiosk(Caller caller, Pass pass) {
        return caller.isKiosk() && (caller.kiosk().roomId().equals(pass.getDepartingRoomId())
                || caller.kiosk().roomId().equals(pass.getDestinationId()));
    }

    /**
     * Who may decide a request: the teacher it was sent to; once it was escalated
     * unopened, also the escalation contacts (the class's co-teachers, the school's
     * administrators).
     */
    boolean mayDecide(Caller caller, Pass pass) {
        if (pass.getRoutedToId().equals(caller.id())) {
            return true;
        }
        return pass.getEscalatedAt() != null && (caller.is(Role.ADMIN)
                || sections.getReferenceById(pass.getDepartingSectionId()).getCoTeacherIds().contains(caller.id()));
    }

    /**
     * A pending request: the student, the teacher it was sent to (or, once escalated, the
     * escalation contacts) and administrators. A booked appointment before its time: the
     * student, the teacher who booked it and administrators. A waiting pass (leaving the
     * line): as a pending request.
     */
    boolean mayCancel(Caller caller, Pass pass) {
        return isOwnPass(caller, pass) || caller.is(Role.ADMIN) || (pass.getState() == PassState.SCHEDULED
                ? pass.getCreatedById().equals(caller.id()) : mayDecide(caller, pass));
    }

    /**
     * The student, staff involved in the pass, administrators, and a kiosk in one of its
     * rooms.
     */
    boolean mayEnd(Caller caller, Pass pass) {
        return isOwnPass(caller, pass) || caller.is(Role.ADMIN) || isAtKiosk(caller, pass) || isInvolved(caller, pass);
    }

    /**
     * What the caller may do to the pass in its present state: the same checks
     * {@link PassDecisions} makes, so a screen shows a button only where the call would
     * be accepted. Only the states that allow an action ask anything of the database.
     */
    List<PassAction> actions(Caller caller, Pass pass) {
        List<PassAction> actions = new ArrayList<>(3);
        switch (pass.getState()) {
            case PENDING -> {
                if (mayDecide(caller, pass)) {
                    // a blocking flag is answered "deny it instead"
                    // (PassDecisions#approve)
                    if (!pass.hasBlockingFlag()) {
                        actions.add(PassAction.APPROVE);
                    }
                    actions.add(PassAction.DENY);
                }
                if (mayCancel(caller, pass)) {
                    actions.add(PassAction.CANCEL);
                }
            }
            case SCHEDULED, WAITING -> {
                if (mayCancel(caller, pass)) {
                    actions.add(PassAction.CANCEL);
                }
            }
            case ACTIVE, LONG_RUNNING -> {
                if (mayCheckIn(caller, pass) || caller.is(Role.ADMIN)) {
                    actions.add(PassAction.CHECK_IN);
                }
                if (mayEnd(caller, pass)) {
                    actions.add(PassAction.END);
                }
            }
            default -> {
                // a finished pass: nothing left to do
            }
        }
        return List.copyOf(actions);
    }

    boolean isOwnPass(Caller caller, Pass pass) {
        return pass.getStudentId().equals(caller.id());
    }

    boolean isDestinationTeacher(Caller caller, Pass pass) {
        return caller.id().equals(names.of(pass).destinationTeacherId());
    }

    /**
     * The destination's own teacher checks arrivals in. A destination nobody staffs (the
     * Restroom) is checked in by the class's teachers when the student comes back.
     */
    boolean mayCheckIn(Caller caller, Pass pass) {
        // read with the names the answer's view shows: no statement of its own
        String destinationTeacher = names.of(pass).destinationTeacherId();
        if (caller.isKiosk()) {
            return caller.kiosk().roomId().equals(pass.getDestinationId())
                    || destinationTeacher == null && caller.kiosk().roomId().equals(pass.getDepartingRoomId());
        }
        return destinationTeacher == null ? isInvolved(caller, pass) : destinationTeacher.equals(caller.id());
    }

    /** Staff who route, teach or receive the student on this pass. */
    boolean isInvolved(Caller caller, Pass pass) {
        return caller.is(Role.TEACHER)
                && (pass.getRoutedToId().equals(caller.id()) || isDestinationTeacher(caller, pass)
                        || sections.getReferenceById(pass.getDepartingSectionId()).isTaughtBy(caller.id()));
    }

}
