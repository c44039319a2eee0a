package org.corridor.pass;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import org.corridor.location.LocationRepository;
import org.corridor.location.Occupancy;
import org.corridor.person.PersonRepository;
import org.corridor.security.Caller;
import org.corridor.workflow.pass.PassLifecycle;

/**
 * Ends every pending and active pass of a school at once, through each pass's own
 * process, so every pass's history says what happened and who did it. Booked appointments
 * stay booked: if the emergency is still in force at their time they do not start.
 */
@Service
public class EmergencyEndAll {

    private final PassRepository passes;

    private final PassLifecycle lifecycle;

    private final PassEvents events;

    private final PassNotices notices;

    private final PersonRepository people;

    private final LocationRepository locations;

    private final Occupancy occupancy;

    EmergencyEndAll(PassRepository passes, PassLifecycle lifecycle, PassEvents events, PassNotices notices,
            PersonRepository people, LocationRepository locations, Occupancy occupancy) {
        this.passes = passes;
        this.lifecycle = lifecycle;
        this.events = events;
        this.notices = notices;
        this.people = people;
        this.locations = locations;
        this.occupancy = occupancy;
    }

    /** A student who was out when the emergency was declared, and where. */
    public record StudentOut(String passId, PassView.Ref student, PassView.Ref destination, PassState state,
            java.time.Instant startedAt) {
    }

    public record Outcome(List<StudentOut> studentsOut, List<PassView.Ref> requestsCancelled) {
    }

    /**
     * Part of the declaration's transaction: the emergency flag and the ended passes
     * commit together. The school's destinations and their counts of students out are
     * locked first, before any pass is read or changed, in the order every other step
     * takes them (see {@link Occupancy#lockSchool}); so the passes read are those
     * committed by whoever held them before.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Outcome endAll(Caller caller, String schoolId, String emergencyId) {
        occupancy.lockSchool(schoolId);
        List<StudentOut> out = new ArrayList<>();
        List<PassView.Ref> cancelled = new ArrayList<>();
        List<Pass> open = passes.findBySchoolIdAndStateIn(schoolId,
                EnumSet.of(PassState.PENDING, PassState.WAITING, PassState.ACTIVE, PassState.LONG_RUNNING));
        for (Pass pass : open) {
            PassState from = pass.getState();
            PassView.Ref student = new PassView.Ref(pass.getStudentId(),
                    people.getReferenceById(pass.getStudentId()).getName());
            pass.recordEndReason("Ended in an emergency");
            if (from == PassState.PENDING || from == PassState.WAITING) {
                lifecycle.cancel(pass.ref());
                cancelled.add(student);
            }
            else {
                lifecycle.end(pass.ref());
                out.add(new StudentOut(pass.getId(), student,
                        new PassView.Ref(pass.getDestinationId(),
                                locations.getReferenceById(pass.getDestinationId()).getName()),
                        from, pass.getStartedAt()));
            }
            events.record(pass, PassEventKind.ENDED_IN_EMERGENCY, caller, from, "Emergency " + emergencyId);
            notices.emergency(pass);
        }
        out.sort(Comparator.comparing(s -> s.student().name()));
        cancelled.sort(Comparator.comparing(PassView.Ref::name));
        return new Outcome(out, cancelled);
    }

}
