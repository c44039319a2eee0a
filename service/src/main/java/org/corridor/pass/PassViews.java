package org.corridor.pass;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import org.corridor.location.Location;
import org.corridor.location.LocationRepository;
import org.corridor.person.Person;
import org.corridor.person.PersonRepository;
import org.corridor.school.SchoolRepository;
import org.corridor.section.Section;
import org.corridor.section.SectionRepository;
import org.corridor.security.Caller;

/** Turns a pass into what the caller may read. */
@Component
public class PassViews {

    private final PersonRepository people;

    private final LocationRepository locations;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H:mm");

    private final SectionRepository sections;

    private final SchoolRepository schools;

    private final PassAccess access;

    private final PassRepository passes;

    PassViews(PersonRepository people, LocationRepository locations, SectionRepository sections,
            SchoolRepository schools, PassAccess access, PassRepository passes) {
        this.passes = passes;
        this.schools = schools;
        this.access = access;
        this.people = people;
        this.locations = locations;
        this.sections = sections;
    }

    @Transactional(readOnly = true)
    public PassView of(Pass pass, Caller caller) {
        Person student = people.getReferenceById(pass.getStudentId());
        Person routedTo = people.getReferenceById(pass.getRoutedToId());
        Section section = sections.getReferenceById(pass.getDepartingSectionId());
        // The class's main teacher now (the roster may have changed it, or left none) and
        // its room, if any.
        Person teacher = section.getMainTeacherId() == null ? null
                : people.getReferenceById(section.getMainTeacherId());
        Location room = pass.getDepartingRoomId() == null ? null
                : locations.getReferenceById(pass.getDepartingRoomId());
        Location destination = locations.getReferenceById(pass.getDestinationId());
        // A kiosk's screen is read by whoever stands next in line: the student's own view
        // of the flags.
        boolean studentView = pass.getStudentId().equals(caller.id()) || caller.isKiosk();
        Integer position = pass.getState() != PassState.WAITING ? null
                : (int) (passes.waitingAhead(pass.getDestinationId(), pass.getWaitingSince(), pass.getId()) + 1);
        List<FlagView> flags = pass.getFlags().stream().map(studentView ? FlagView::forStudent : FlagView::of).toList();
        return new PassView(pass.getId(), pass.getState(), pass.getPassType(), pass.getChannel(),
                pass.getPassType() == PassType.AUTO, caller.isKiosk() ? atKiosk(student) : ref(student),
                new PassView.DepartingFromView(section.getId(), section.getName(), ref(teacher), ref(room)),
                new PassView.Ref(destination.getId(), destination.getName()), ref(routedTo),
                status(pass, routedTo, room, destination, schools.getReferenceById(pass.getSchoolId()).getTimeZone(),
                        position),
                pass.getRequestedAt(), pass.getDeliveredAt(), pass.getSeenAt(), pass.getApprovedAt(),
                pass.getStartedAt(), pass.getEndedAt(), PassView.Color.of(pass.getState()), flags, pass.getNote(),
                pass.getDenyReason(), pass.getStartsAt(), pass.getReannouncedAt(), pass.getEscalatedAt(),
                pass.getLongRunningAt(), pass.getAutoPassRefused(), pass.getEndReason(),
                pass.getDecidedById() == null ? null
                        : people.findById(pass.getDecidedById()).map(PassViews::ref).orElse(null),
                access.actions(caller, pass), position);
    }

    /**
     * The one sentence that answers "did my pass send?": where it went, and whether it
     * was delivered and seen.
     */
    private static String status(Pass pass, Person routedTo, Location room, Location destination, ZoneId zone,
            Integer position) {
        String sentTo = "Sent to " + routedTo.getName() + (room == null ? "" : ", " + room.getName());
        return switch (pass.getState()) {
            case SCHEDULED -> "Appointment at " + time(pass.getStartsAt(), zone) + " to " + destination.getName()
                    + ", leaving " + routedTo.getName() + "'s class";
            case REQUESTED -> "Being sent to " + routedTo.getName();
            case PENDING -> sentTo
                    + (pass.getDeliveredAt() != null ? " — delivered " + time(pass.getDeliveredAt(), zone)
                            : " — not yet on the teacher's screen")
                    + (pass.getSeenAt() != null ? " — seen " + time(pass.getSeenAt(), zone) : "")
                    + (pass.getEscalatedAt() != null ? " — escalated " + time(pass.getEscalatedAt(), zone) : "");
            case ACTIVE -> (pass.getApprovedAt() != null ? "Approved"
                    : pass.getPassType() == PassType.AUTO ? "Auto pass" : "Pass started") + " — on the way to "
                    + destination.getName();
            case WAITING -> ordinal(position) + " in line for the " + destination.getName();
            case LONG_RUNNING -> "Out longer than usual — at " + destination.getName();
            case COMPLETED -> "Completed" + (pass.getEndReason() != null ? ": " + pass.getEndReason() : "");
            case ENDED_BY_SYSTEM -> "Ended by the school's time limit";
            case DENIED -> (pass.hasBlockingFlag() ? "Denied by district policy" : "Denied by " + routedTo.getName())
                    + (pass.getDenyReason() != null ? ": " + pass.getDenyReason() : "");
            case CANCELLED -> "Cancelled" + (pass.getEndReason() != null ? ": " + pass.getEndReason() : "");
            case EXPIRED ->
                pass.getEndReason() != null ? "Expired: " + pass.getEndReason() : "Expired before a decision";
        };
    }

    /** 1st, 2nd, 3rd, 4th, ... 11th, 12th, 13th, 21st. */
    static String ordinal(long n) {
        long lastTwo = n % 100;
        String suffix = lastTwo >= 11 && lastTwo <= 13 ? "th" : switch ((int) (n % 10)) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return n + suffix;
    }

    /** A time of day as the school reads it: "10:41" on the school's clock. */
    static String time(Instant at, ZoneId zone) {
        return TIME.format(at.atZone(zone));
    }

    /**
     * A kiosk's screen shows the student by first name and last initial ("Ava A."), never
     * more.
     */
    private static PassView.Ref atKiosk(Person student) {
        String family = student.getFamilyName() == null ? "" : student.getFamilyName().strip();
        String given = student.getGivenName() == null ? "" : student.getGivenName().strip();
        return new PassView.Ref(student.getId(),
                family.isEmpty() ? given : given + " " + family.substring(0, family.offsetByCodePoints(0, 1)) + ".");
    }

    /** Null for no one: a class the roster left without a main teacher. */
    private static PassView.Ref ref(Person person) {
        return person == null ? null : new PassView.Ref(person.getId(), person.getName());
    }

    /** Null for no room: a class the roster names no room for. */
    private static PassView.Ref ref(Location location) {
        return location == null ? null : new PassView.Ref(location.getId(), location.getName());
    }

}
