package org.corridor.pass;

/**
 * What a line of a pass's audit timeline records. Stored, and answered by the history
 * API, as the constant's name: renaming a constant would change existing timelines, so
 * names are never changed, only added.
 */
public enum PassEventKind {

    /**
     * A student, a teacher for a student (proxy) or a kiosk asked for a pass; or an
     * appointment's time came.
     */
    REQUESTED,
    /** A teacher booked an appointment pass for later. */
    BOOKED,
    /**
     * The appointment was announced ahead of its time to the student and the teacher they
     * leave.
     */
    ANNOUNCED,
    /** The request was sent to the teacher who decides it. */
    ROUTED,
    /**
     * The request popped up on the teacher's screen or was listed in their Requests tab.
     */
    DELIVERED,
    /** The routed teacher opened the request. */
    SEEN,
    /** Not opened in time: announced to the teacher again. */
    ANNOUNCED_AGAIN,
    /** Still not opened: the school's escalation contacts were told. */
    ESCALATED,
    /** A teacher approved the request. */
    APPROVED, JOINED_LINE, PLACE_FREED,
    /** A teacher denied the request. */
    DENIED,
    /** District policy blocked the request before any teacher saw it. */
    DENIED_BY_POLICY,
    /** A pass that needs no approval (auto, proxy, appointment) started by itself. */
    STARTED,
    /** Nobody decided the request in time. */
    EXPIRED,
    /** The student or a teacher withdrew the pass before it started. */
    CANCELLED,
    /** The appointment could not start (an open pass, an emergency). */
    MISSED,
    /** Out longer than the school's limit. */
    LONG_RUNNING,
    /** The student arrived and was checked in at the destination. */
    CHECKED_IN,
    /** The student or a teacher ended the pass. */
    ENDED,
    /** The school's auto-end limit ended the pass. */
    ENDED_BY_SYSTEM,
    /** An emergency ended every pass of the school. */
    ENDED_IN_EMERGENCY

}
