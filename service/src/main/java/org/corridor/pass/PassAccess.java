package org.corridor.pass;

import org.springframework.stereotype.Component;

import org.corridor.location.LocationRepository;
import org.corridor.person.Role;
import org.corridor.problem.ApiProblem;
import org.corridor.section.SectionRepository;
import org.corridor.security.Caller;

/** Who may see and act on a pass. A pass of another district does not exist for the caller. */
@Component
class PassAccess {
    private final PassRepository passes;
    private final SectionRepository sections;
    private final LocationRepository locations;

    PassAccess(PassRepository passes, SectionRepository sections, LocationRepository locations) {
        this.passes = passes;
        this.sections = sections;
        this.locations = locations;
    }

    Pass find(Caller caller, String passId) {
        return passes.findByIdAndDistrictId(passId, caller.districtId())
                .orElseThrow(() -> ApiProblem.notFound("Pass", passId));
    }

    Pass readable(Caller caller, String passId) {
        Pass pass = find(caller, passId);
        if (!(isOwnPass(caller, pass) || caller.is(Role.ADMIN) || caller.is(Role.AUDITOR) || isInvolved(caller, pass)
                || isAtKiosk(caller, pass))) {
            throw ApiProblem.forbidden("This pass belongs to a student you do not teach.");
        }
        return pass;
    }

    /** A kiosk serves the passes that leave from or arrive at its room. */
    boolean isAtKiosk(Caller caller, Pass pass) {
        return caller.isKiosk() && (caller.kiosk().roomId().equals(pass.getDepartingRoomId())
                || caller.kiosk().roomId().equals(pass.getDestinationId()));
    }

    /**
     * Who may decide a request: the teacher it was sent to; once it was escalated unopened, also the
     * escalation contacts (the class's co-teachers, the school's administrators).
     */
    boolean mayDecide(Caller caller, Pass pass) {
        if (pass.getRoutedToId().equals(caller.id())) {
            return true;
        }
        return pass.getEscalatedAt() != null && (caller.is(Role.ADMIN)
                || sections.getReferenceById(pass.getDepartingSectionId()).getCoTeacherIds().contains(caller.id()));
    }

    boolean isOwnPass(Caller caller, Pass pass) {
        return pass.getStudentId().equals(caller.id());
    }

    boolean isDestinationTeacher(Caller caller, Pass pass) {
        return caller.id().equals(locations.getReferenceById(pass.getDestinationId()).getTeacherId());
    }

    /**
     * The destination's own teacher checks arrivals in. A destination nobody staffs (the Restroom) is
     * checked in by the class's teachers when the student comes back.
     */
    boolean mayCheckIn(Caller caller, Pass pass) {
        String destinationTeacher = locations.getReferenceById(pass.getDestinationId()).getTeacherId();
        if (caller.isKiosk()) {
            return caller.kiosk().roomId().equals(pass.getDestinationId())
                    || destinationTeacher == null && caller.kiosk().roomId().equals(pass.getDepartingRoomId());
        }
        return destinationTeacher == null ? isInvolved(caller, pass) : destinationTeacher.equals(caller.id());
    }

    /** Staff who route, teach or receive the student on this pass. */
    boolean isInvolved(Caller caller, Pass pass) {
        return caller.is(Role.TEACHER) && (pass.getRoutedToId().equals(caller.id())
                || isDestinationTeacher(caller, pass)
                || sections.getReferenceById(pass.getDepartingSectionId()).isTaughtBy(caller.id()));
    }
}
