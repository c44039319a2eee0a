package org.corridor.school;

/**
 * Who made a pass, as the hallway limit ({@code maxStudentsOut}) counts it: the school
 * chooses which of them count ({@code hallLimitCounts}).
 */
public enum HallTraffic {

    /** made by the student on their own device (REGULAR or AUTO) */
    STUDENT,

    /** made by a teacher (PROXY, APPOINTMENT) */
    TEACHER,

    /** made at a kiosk */
    KIOSK

}
