package org.corridor.pass;

import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import org.corridor.destination.Location;
import org.corridor.destination.LocationRepository;
import org.corridor.person.Person;
import org.corridor.person.PersonRepository;
import org.corridor.section.Section;
import org.corridor.section.SectionRepository;
import org.corridor.security.Caller;

/** Turns a pass into what the caller may read. */
@Component
public class PassViews {
    private final PersonRepository people;
    private final LocationRepository locations;
    private final SectionRepository sections;

    PassViews(PersonRepository people, LocationRepository locations, SectionRepository sections) {
        this.people = people;
        this.locations = locations;
        this.sections = sections;
    }

    @Transactional(readOnly = true)
    public PassView of(Pass pass, Caller caller) {
        Person student = people.getReferenceById(pass.getStudentId());
        Person routedTo = people.getReferenceById(pass.getRoutedToId());
        Section section = sections.getReferenceById(pass.getDepartingSectionId());
        Person teacher = people.getReferenceById(section.getMainTeacherId());
        Location room = locations.getReferenceById(pass.getDepartingRoomId());
        Location destination = locations.getReferenceById(pass.getDestinationId());
        boolean studentView = pass.getStudentId().equals(caller.id());
        List<FlagView> flags = pass.getFlags().stream()
                .map(studentView ? FlagView::forStudent : FlagView::of).toList();
        return new PassView(pass.getId(), pass.getState(), pass.getPassType(), pass.getChannel(),
                pass.getPassType() == PassType.AUTO,
                ref(student),
                new PassView.DepartingFromView(section.getId(), section.getName(), ref(teacher), ref(room)),
                new PassView.Ref(destination.getId(), destination.getName()),
                ref(routedTo),
                status(pass, routedTo, room, destination),
                pass.getRequestedAt(), pass.getDeliveredAt(), pass.getSeenAt(), pass.getApprovedAt(),
                pass.getStartedAt(), pass.getEndedAt(), PassView.Color.of(pass.getState()), flags, pass.getNote(),
                pass.getDenyReason());
    }

    /** The one sentence that answers "did my pass send?". */
    private static String status(Pass pass, Person routedTo, Location room, Location destination) {
        String sentTo = "Sent to " + routedTo.getName() + ", " + room.getName();
        return switch (pass.getState()) {
            case SCHEDULED -> "Appointment booked";
            case REQUESTED -> "Being sent to " + routedTo.getName();
            case PENDING -> sentTo + " — " + (pass.getSeenAt() != null ? "seen, waiting for a decision"
                    : pass.getDeliveredAt() != null ? "delivered, not yet opened" : "waiting for approval");
            case ACTIVE -> "Approved — on the way to " + destination.getName();
            case LONG_RUNNING -> "Out longer than usual — at " + destination.getName();
            case COMPLETED -> "Completed";
            case ENDED_BY_SYSTEM -> "Ended by the school's time limit";
            case DENIED -> (pass.hasBlockingFlag() ? "Denied by district policy" : "Denied by " + routedTo.getName())
                    + (pass.getDenyReason() != null ? ": " + pass.getDenyReason() : "");
            case CANCELLED -> "Cancelled";
            case EXPIRED -> "Expired before a decision";
        };
    }

    private static PassView.Ref ref(Person person) {
        return new PassView.Ref(person.getId(), person.getName());
    }

    private static PassView.Ref ref(Location location) {
        return new PassView.Ref(location.getId(), location.getName());
    }
}
