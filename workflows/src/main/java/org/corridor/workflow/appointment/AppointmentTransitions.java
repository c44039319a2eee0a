package org.corridor.workflow.appointment;

import java.util.Optional;

/**
 * What the appointment-pass process asks of the service. The service keeps appointments;
 * the engine only says when.
 */
public interface AppointmentTransitions {

    /**
     * lead time reached: tell the teacher the student will be leaving, and the student
     */
    void announce(String passId);

    /**
     * its time: empty when it cannot start (e.g. the student already has an open pass, or
     * the school is in an emergency)
     */
    Optional<AppointmentStart> start(String passId);

    /** it could not start: record why and tell those involved */
    void miss(String passId);

    /** cancelled before its time */
    void cancel(String passId);

}
