package org.corridor.workflow.pass;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * What each timer of pass-lifecycle.bpmn waits, as an ISO-8601 duration: the timers call
 * it by expression ({@code ${timerDurations.longRunningAfter(execution)}}) when the
 * engine sets them, so the school's setting in force at that moment applies. A timer once
 * set keeps its due date in the engine's job table; nothing is asked again when it fires,
 * after a restart too.
 */
public class TimerDurations {

    private final TimerSettings settings;

    public TimerDurations(TimerSettings settings) {
        this.settings = settings;
    }

    public String resendAfter(DelegateExecution execution) {
        return timers(execution).resendAfter().toString();
    }

    public String escalateAfter(DelegateExecution execution) {
        return timers(execution).escalateAfter().toString();
    }

    public String requestExpiresAfter(DelegateExecution execution) {
        return timers(execution).requestExpiry().toString();
    }

    public String waitingExpiresAfter(DelegateExecution execution) {
        return timers(execution).waitingExpiry().toString();
    }

    public String longRunningAfter(DelegateExecution execution) {
        return timers(execution).longRunning().toString();
    }

    public String autoEndAfter(DelegateExecution execution) {
        return timers(execution).autoEnd().toString();
    }

    private PassTimers timers(DelegateExecution execution) {
        return settings.timersOf(execution.getProcessBusinessKey());
    }

}
