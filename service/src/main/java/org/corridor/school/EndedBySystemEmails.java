package org.corridor.school;

/** Who is emailed when the system ends a pass at the school's time limit. */
public enum EndedBySystemEmails {

    /** The teacher the student left (the covering teacher of a covered class). */
    DEPARTING_TEACHER,
    /** Nobody: the notice stays in the notification centre. */
    NOBODY

}
