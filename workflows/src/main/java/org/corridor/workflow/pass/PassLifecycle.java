package org.corridor.workflow.pass;

import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/**
 * The one place that drives the pass-lifecycle process. Each pass is one process instance whose
 * business key is the pass id; the only variables are the routed teacher and the two decisions.
 */
public class PassLifecycle {
    public static final String PROCESS = "pass-lifecycle";
    public static final String ROUTED_TO = "routedTo";
    public static final String APPROVED = "approved";
    public static final String BLOCKED = "blocked";
    static final String APPROVE_TASK = "Task_ApprovePass";

    private final ProcessEngine engine;

    public PassLifecycle(ProcessEngine engine) {
        this.engine = engine;
    }

    /** @return the process instance id */
    public String start(String passId, String routedToTeacherId, PassTimers timers) {
        java.util.Map<String, Object> vars = new java.util.HashMap<>(timers.asVariables());
        vars.put(ROUTED_TO, routedToTeacherId);
        ProcessInstance instance = engine.getRuntimeService()
                .startProcessInstanceByKey(PROCESS, passId, vars);
        return instance.getId();
    }

    public void scheduleAppointment(String passId, java.time.Instant announceAt, java.time.Instant startsAt) {
        engine.getRuntimeService().startProcessInstanceByKey("appointment-pass", passId,
                Map.of("announceAt", announceAt.toString(), "startsAt", startsAt.toString()));
    }

    public void cancelAppointment(String passId) {
        correlate(passId, "Message_CancelAppointment", "the appointment is no longer waiting");
    }

    public void approve(String passId) {
        decide(passId, true);
    }

    public void deny(String passId) {
        decide(passId, false);
    }

    public void cancel(String passId) {
        correlate(passId, "Message_CancelRequest", "the request is no longer waiting for a decision");
    }

    public void checkIn(String passId) {
        correlate(passId, "Message_CheckIn", "the pass is not active");
    }

    public void end(String passId) {
        correlate(passId, "Message_PassEnded", "the pass is not active");
    }

    /** True once the pass's process instance has reached an end event. */
    public boolean hasEnded(String passId) {
        return engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processDefinitionKey(PROCESS).processInstanceBusinessKey(passId)
                .finished().count() == 1;
    }

    private void decide(String passId, boolean approved) {
        Task task = approvalTask(passId);
        if (task == null) {
            throw new LifecycleConflictException(passId, "the request is no longer waiting for a decision");
        }
        engine.getTaskService().complete(task.getId(), Map.of(APPROVED, approved));
    }

    private Task approvalTask(String passId) {
        return engine.getTaskService().createTaskQuery()
                .processDefinitionKey(PROCESS).processInstanceBusinessKey(passId)
                .taskDefinitionKey(APPROVE_TASK).singleResult();
    }

    private void correlate(String passId, String message, String whyNot) {
        // correlateAll answers an empty list instead of throwing, so a late click is not logged as an engine error.
        boolean matched = !engine.getRuntimeService().createMessageCorrelation(message)
                .processInstanceBusinessKey(passId).correlateAllWithResult().isEmpty();
        if (!matched) {
            throw new LifecycleConflictException(passId, whyNot);
        }
    }
}
