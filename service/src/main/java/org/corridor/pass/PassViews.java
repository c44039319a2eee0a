package org.corridor.pass;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import org.corridor.security.Caller;

/** Turns a pass into what the caller may read. */
@Component
public class PassViews {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H:mm");

    private final PassNames passNames;

    private final PassAccess access;

    private final PassRepository passes;

    PassViews(PassNames passNames, PassAccess access, PassRepository passes) {
        this.passNames = passNames;
        this.access = access;
        this.passes = passes;
    }

    @Transactional(readOnly = true)
    public PassView of(Pass pass, Caller caller) {
        PassNames.Names names = passNames.of(pass);
        // A kiosk's screen is read by whoever stands next in line: the student's own view
        // of the flags.
        boolean studentView = pass.getStudentId().equals(caller.id()) || caller.isKiosk();
        Integer position = pass.getState() != PassState.WAITING ? null
                : (int) (passes.waitingAhead(pass.getDestinationId(), pass.getWaitingSince(), pass.getId()) + 1);
        List<FlagView> flags = pass.getFlags().stream().map(studentView ? FlagView::forStudent : FlagView::of).toList();
        PassView.Ref room = pass.getDepartingRoomId() == null ? null
                : new PassView.Ref(pass.getDepartingRoomId(), names.room());
        return new PassView(pass.getId(), pass.getState(), pass.getPassType(), pass.getChannel(),
                pass.getPassType() == PassType.AUTO,
                caller.isKiosk() ? atKiosk(pass.getStudentId(), names.student())
                        : new PassView.Ref(pass.getStudentId(), names.student().name()),
                new PassView.DepartingFromView(pass.getDepartingSectionId(), names.section(),
                        names.mainTeacherId() == null ? null
                                : new PassView.Ref(names.mainTeacherId(), names.mainTeacher().name()),
                        room),
                new PassView.Ref(pass.getDestinationId(), names.destination()),
                new PassView.Ref(pass.getRoutedToId(), names.routedTo().name()),
                status(pass, names.routedTo().name(), names.room(), names.destination(), ZoneId.of(names.timeZone()),
                        position),
                pass.getRequestedAt(), pass.getDeliveredAt(), pass.getSeenAt(), pass.getApprovedAt(),
                pass.getStartedAt(), pass.getEndedAt(), PassView.Color.of(pass.getState()), flags, pass.getNote(),
                pass.getDenyReason(), pass.getStartsAt(), pass.getReannouncedAt(), pass.getEscalatedAt(),
                pass.getLongRunningAt(), pass.getAutoPassRefused(), pass.getEndReason(),
                names.decidedBy() == null ? null : new PassView.Ref(pass.getDecidedById(), names.decidedBy().name()),
                access.actions(caller, pass), position);
    }

    /**
     * The one sentence that answers "did my pass send?": where it went, and whether it
     * was delivered and seen.
     */
    private static String status(Pass pass, String routedTo, String room, String destination, ZoneId zone,
            Integer position) {
        String sentTo = "Sent to " + routedTo + (room == null ? "" : ", " + room);
        return switch (pass.getState()) {
            case SCHEDULED -> "Appointment at " + time(pass.getStartsAt(), zone) + " to " + destination + ", leaving "
                    + routedTo + "'s class";
            case REQUESTED -> "Being sent to " + routedTo;
            case PENDING -> sentTo
                    + (pass.getDeliveredAt() != null ? " — delivered " + time(pass.getDeliveredAt(), zone)
                            : " — not yet on the teacher's screen")
                    + (pass.getSeenAt() != null ? " — seen " + time(pass.getSeenAt(), zone) : "")
                    + (pass.getEscalatedAt() != null ? " — escalated " + time(pass.getEscalatedAt(), zone) : "");
            case ACTIVE -> (pass.getApprovedAt() != null ? "Approved"
                    : pass.getPassType() == PassType.AUTO ? "Auto pass" : "Pass started") + " — on the way to "
                    + destination;
            case WAITING -> ordinal(position) + " in line for the " + destination;
            case LONG_RUNNING -> "Out longer than usual — at " + destination;
            case COMPLETED -> "Completed" + (pass.getEndReason() != null ? ": " + pass.getEndReason() : "");
            case ENDED_BY_SYSTEM -> "Ended by the school's time limit";
            case DENIED -> (pass.hasBlockingFlag() ? "Denied by district policy" : "Denied by " + routedTo)
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
    private static PassView.Ref atKiosk(String studentId, PassNames.Name student) {
        String family = student.familyName() == null ? "" : student.familyName().strip();
        String given = student.givenName() == null ? "" : student.givenName().strip();
        return new PassView.Ref(studentId,
                family.isEmpty() ? given : given + " " + family.substring(0, family.offsetByCodePoints(0, 1)) + ".");
    }

}
