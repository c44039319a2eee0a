package org.corridor.workflow.appointment;

import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.corridor.workflow.pass.PassLifecycle;

/**
 * The appointment's time: asks the service whether the pass may start now and, if so, hands the pass
 * lifecycle (started next by the call activity) its teacher and timers as variables.
 */
public class StartAppointment implements JavaDelegate {
    public static final String STARTABLE = "startable";

    private final AppointmentRecords appointments;

    public StartAppointment(AppointmentRecords appointments) {
        this.appointments = appointments;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Optional<AppointmentStart> start = appointments.start(execution.getProcessBusinessKey());
        execution.setVariable(STARTABLE, start.isPresent());
        start.ifPresent(s -> {
            execution.setVariable(PassLifecycle.ROUTED_TO, s.routedTo());
            execution.setVariables(s.timers().asVariables());
        });
    }
}
