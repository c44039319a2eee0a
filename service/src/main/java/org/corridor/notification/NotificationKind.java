package org.corridor.notification;

/**
 * What a notification is about. Other packages send these by name; do not rename them.
 */
public enum NotificationKind {

    REQUEST, REQUEST_AGAIN, REQUEST_ESCALATED, REQUEST_DECIDED, ON_THE_WAY, LONG_RUNNING, ENDED_BY_SYSTEM, EXPIRED,
    CANCELLED, PASS_STARTED, APPOINTMENT_SOON, APPOINTMENT_MISSED, EMERGENCY,
    /** in line for a place */
    WAITING,
    /** a place freed: the waiting pass started */
    PLACE_FREED;

    /**
     * A request waiting for someone's decision: settled (marked seen) once the pass is
     * decided or closed.
     */
    public boolean isRequest() {
        return this == REQUEST || this == REQUEST_AGAIN || this == REQUEST_ESCALATED;
    }

    /**
     * What must not wait: may also be emailed to its recipient (school settings and the
     * person's own preferences decide).
     */
    public boolean isEmailed() {
        return this == REQUEST_ESCALATED || this == ENDED_BY_SYSTEM || this == EMERGENCY;
    }

}
