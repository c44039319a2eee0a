package org.corridor.workflow.appointment;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * The appointment's lead time is reached: the teacher and the student learn the student
 * will be leaving.
 */
public class AnnounceAppointment implements JavaDelegate {

    private final AppointmentTransitions appointments;

    public AnnounceAppointment(AppointmentTransitions appointments) {
        this.appointments = appointments;
    }

    @Override
    public void execute(DelegateExecution execution) {
        appointments.announce(execution.getProcessBusinessKey());
    }

}
