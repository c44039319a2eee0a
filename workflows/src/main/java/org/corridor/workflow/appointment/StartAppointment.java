package org.corridor.workflow.appointment;

import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;

import org.corridor.workflow.pass.PassLifecycle;

/**
 * The appointment's time: asks the service whether the pass may start now and, if so,
 * hands the pass lifecycle (started next by the call activity, in this transaction) its
 * teacher. The answer and the teacher are transient variables: the gateway and the call
 * activity read them at once. The lifecycle's timers ask the school themselves.
 */
public class StartAppointment implements JavaDelegate {

    public static final String STARTABLE = "startable";

    private final AppointmentTransitions appointments;

    public StartAppointment(AppointmentTransitions appointments) {
        this.appointments = appointments;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Optional<AppointmentStart> start = appointments.start(execution.getProcessBusinessKey());
        execution.setVariable(STARTABLE, Variables.booleanValue(start.isPresent(), true));
        start.ifPresent(s -> execution.setVariable(PassLifecycle.ROUTED_TO, Variables.stringValue(s.routedTo(), true)));
    }

}
