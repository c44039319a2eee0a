package org.corridor.notification;

public enum NotificationKind {
    REQUEST, REQUEST_AGAIN, REQUEST_ESCALATED, REQUEST_DECIDED, ON_THE_WAY, LONG_RUNNING, ENDED_BY_SYSTEM, EXPIRED,
    CANCELLED, PASS_STARTED, APPOINTMENT_SOON, APPOINTMENT_MISSED, EMERGENCY;

    public boolean isRequest() {
        return this == REQUEST || this == REQUEST_AGAIN || this == REQUEST_ESCALATED;
    }
}
