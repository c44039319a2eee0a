package org.corridor.school;

/** Who is emailed when a request is escalated. */
public enum EscalationEmails {

    /** Everyone the escalation went to (see {@link EscalateTo}). */
    ESCALATION_CONTACTS,
    /** Nobody: escalations stay in the notification centre. */
    NOBODY

}
