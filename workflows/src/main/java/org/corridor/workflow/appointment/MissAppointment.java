package org.corridor.workflow.appointment;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * The appointment's time came but the pass could not start: record why, tell those
 * involved.
 */
public class MissAppointment implements JavaDelegate {

    private final AppointmentTransitions appointments;

    public MissAppointment(AppointmentTransitions appointments) {
        this.appointments = appointments;
    }

    @Override
    public void execute(DelegateExecution execution) {
        appointments.miss(execution.getProcessBusinessKey());
    }

}
