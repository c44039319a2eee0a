package org.corridor.pass;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;

import org.springframework.stereotype.Component;

import org.corridor.notification.NotificationKind;
import org.corridor.notification.Notifications;
import org.corridor.person.Person;

/**
 * What each person is told when a pass moves, in the school's words. Every notice is
 * stored in the recipient's notification centre and popped up live on their open screens.
 */
@Component
class PassNotices {

    private final Notifications notifications;

    private final PassNames names;

    PassNotices(Notifications notifications, PassNames names) {
        this.notifications = notifications;
        this.names = names;
    }

    /** Only the routed teacher: co-teachers do not get the main teacher's requests. */
    void requestSent(Pass pass) {
        tell(pass.getRoutedToId(), NotificationKind.REQUEST, pass,
                student(pass) + " asks to go to " + destination(pass),
                (pass.getPassType() == PassType.AUTO ? "Auto pass not allowed here, so it needs you: " : "")
                        + "leaving " + section(pass) + ". Open the Requests tab to approve or deny.");
    }

    void requestAgain(Pass pass) {
        tell(pass.getRoutedToId(), NotificationKind.REQUEST_AGAIN, pass,
                "Still waiting: " + student(pass) + " asks to go to " + destination(pass),
                "Sent " + time(pass, pass.getRequestedAt()) + " and not opened yet.");
    }

    void escalated(Pass pass, Collection<Person> to) {
        String teacher = names.of(pass).routedTo().name();
        to.forEach(person -> tell(person.getId(), NotificationKind.REQUEST_ESCALATED, pass,
                "Unopened request: " + student(pass) + " to " + destination(pass),
                "Sent to " + teacher + " at " + time(pass, pass.getRequestedAt())
                        + " and still not opened. You can approve, deny or cancel it."));
    }

    void approved(Pass pass) {
        tell(pass.getStudentId(), NotificationKind.REQUEST_DECIDED, pass, "Approved: go to " + destination(pass),
                "Approved by " + decider(pass) + ".");
    }

    void started(Pass pass) {
        String how = switch (pass.getPassType()) {
            case AUTO -> "Auto pass started";
            case PROXY -> creator(pass) + " gave you a pass";
            case APPOINTMENT -> "Your appointment pass started";
            default -> "Your pass started";
        };
        tell(pass.getStudentId(), NotificationKind.PASS_STARTED, pass, how + ": " + destination(pass),
                "Check in when you arrive.");
    }

    /** After approval the destination's teacher expects the student. */
    void onTheWay(Pass pass) {
        String teacherId = names.of(pass).destinationTeacherId();
        if (teacherId != null) {
            tell(teacherId, NotificationKind.ON_THE_WAY, pass, student(pass) + " is on the way to " + destination(pass),
                    "Leaving " + section(pass) + " at " + time(pass, pass.getStartedAt())
                            + ". Check them in when they arrive.");
        }
    }

    /** In line for a place: the student hears where they stand. */
    void joinedLine(Pass pass, long position) {
        tell(pass.getStudentId(), NotificationKind.WAITING, pass, "In line for " + destination(pass),
                PassViews.ordinal(position) + " in line. You will be told as soon as a place frees; until then, stay "
                        + "in class.");
    }

    /**
     * The first in line goes now: the student, and the teacher of the class they leave.
     */
    void placeFreed(Pass pass) {
        tell(pass.getStudentId(), NotificationKind.PLACE_FREED, pass, "A place is free: go to " + destination(pass),
                "You waited since " + time(pass, pass.getWaitingSince()) + ". Check in when you arrive.");
        tell(departingTeacher(pass), NotificationKind.PLACE_FREED, pass,
                student(pass) + " is leaving for " + destination(pass),
                "A place freed at " + time(pass, pass.getStartedAt()) + "; the pass approved to wait has started.");
    }

    void denied(Pass pass) {
        tell(pass.getStudentId(), NotificationKind.REQUEST_DECIDED, pass, "Denied: " + destination(pass),
                pass.hasBlockingFlag() ? "District policy: " + pass.getDenyReason() : "Denied by " + decider(pass)
                        + (pass.getDenyReason() != null ? ": " + pass.getDenyReason() : "."));
    }

    void expired(Pass pass) {
        tell(pass.getStudentId(), NotificationKind.EXPIRED, pass, "Your request expired", pass.getEndReason());
    }

    void cancelled(Pass pass, String byWhom) {
        tell(pass.getStudentId(), NotificationKind.CANCELLED, pass,
                "Your pass to " + destination(pass) + " was cancelled", "Cancelled by " + byWhom + ".");
    }

    void longRunning(Pass pass) {
        tell(departingTeacher(pass), NotificationKind.LONG_RUNNING, pass, student(pass) + " has been out a long time",
                "Left for " + destination(pass) + " at " + time(pass, pass.getStartedAt()) + ".");
        changed(pass, "long-running");
    }

    /**
     * The student's open screens hear at once of a change they get no notification for
     * (out a long time, ended or checked in by someone else).
     */
    void changed(Pass pass, String change) {
        notifications.passChanged(pass.getStudentId(), pass.getId(), change);
    }

    void endedBySystem(Pass pass) {
        String body = "Out since " + time(pass, pass.getStartedAt()) + " (" + destination(pass) + "). "
                + pass.getEndReason();
        tell(departingTeacher(pass), NotificationKind.ENDED_BY_SYSTEM, pass,
                student(pass) + "'s pass was ended by the time limit", body);
        tell(pass.getStudentId(), NotificationKind.ENDED_BY_SYSTEM, pass, "Your pass was ended by the time limit",
                "Go back to " + section(pass) + " now.");
    }

    void appointmentSoon(Pass pass) {
        String when = time(pass, pass.getStartsAt());
        tell(pass.getRoutedToId(), NotificationKind.APPOINTMENT_SOON, pass,
                student(pass) + " leaves at " + when + " for " + destination(pass),
                "Appointment booked by " + creator(pass) + "; it starts by itself at " + when + ".");
        tell(pass.getStudentId(), NotificationKind.APPOINTMENT_SOON, pass,
                "Appointment at " + when + ": " + destination(pass),
                "Booked by " + creator(pass) + ". Your pass starts at " + when + ".");
    }

    void appointmentMissed(Pass pass) {
        String title = "Appointment not started: " + destination(pass);
        tell(pass.getCreatedById(), NotificationKind.APPOINTMENT_MISSED, pass, title,
                student(pass) + ": " + pass.getEndReason());
        tell(pass.getStudentId(), NotificationKind.APPOINTMENT_MISSED, pass, title, pass.getEndReason());
    }

    void emergency(Pass pass) {
        tell(pass.getStudentId(), NotificationKind.EMERGENCY, pass, "Emergency: your pass was ended",
                "Follow your school's emergency procedure and the instructions of the nearest adult.");
    }

    /**
     * A request that was decided, cancelled or expired is no longer unread for anyone.
     */
    void settle(Pass pass) {
        notifications.settle(pass.getId());
    }

    private void tell(String personId, NotificationKind kind, Pass pass, String title, String body) {
        notifications.send(pass.getDistrictId(), personId, kind, pass.getId(), title, body);
    }

    /**
     * The teacher the student left: the one the request went to (the covering teacher of
     * a covered class), else the class's main teacher.
     */
    private String departingTeacher(Pass pass) {
        return pass.getRoutedToId() != null ? pass.getRoutedToId() : names.of(pass).mainTeacherId();
    }

    private String student(Pass pass) {
        return names.of(pass).student().name();
    }

    /** Who decided, else the teacher it was sent to. */
    private String decider(Pass pass) {
        PassNames.Names read = names.of(pass);
        return pass.getDecidedById() == null ? read.routedTo().name() : staff(read.decidedBy());
    }

    private String creator(Pass pass) {
        return staff(names.of(pass).createdBy());
    }

    /** Someone no longer a person (erased) is named by role. */
    private static String staff(PassNames.Name name) {
        return name == null ? "a staff member" : name.name();
    }

    private String destination(Pass pass) {
        return names.of(pass).destination();
    }

    private String section(Pass pass) {
        return names.of(pass).section();
    }

    private String time(Pass pass, Instant at) {
        return PassViews.time(at, ZoneId.of(names.of(pass).timeZone()));
    }

}
