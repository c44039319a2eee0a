package org.corridor.school;

/**
 * Who is told about a request its teacher has not opened after the school's escalation
 * time.
 */
public enum EscalateTo {

    /** The school's administrators. */
    ADMINISTRATORS,
    /** The co-teachers of the class the student is leaving. */
    CO_TEACHERS

}
