package org.corridor.school;

/**
 * Who is told, in their notification centre and by email, when an emergency is declared
 * or cleared at the school. The administrator who declares or clears it is not told of
 * their own action.
 */
public enum EmergencyEmails {

    /**
     * Every teacher and administrator of the school, and the district's administrators.
     */
    ALL_STAFF,
    /** The school's and the district's administrators. */
    ADMINISTRATORS,
    /** Nobody: the emergency screen shows it. */
    NOBODY

}
