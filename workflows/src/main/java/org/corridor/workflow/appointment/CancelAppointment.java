package org.corridor.workflow.appointment;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** The appointment was called off before its time. */
public class CancelAppointment implements JavaDelegate {

    private final AppointmentTransitions appointments;

    public CancelAppointment(AppointmentTransitions appointments) {
        this.appointments = appointments;
    }

    @Override
    public void execute(DelegateExecution execution) {
        appointments.cancel(execution.getProcessBusinessKey());
    }

}
