package org.corridor.workflow.pass;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/**
 * The one place that drives the engine for passes. Each pass is one pass-lifecycle instance whose business
 * key is the pass id; an appointment pass is first an appointment-pass instance with the same business key,
 * which starts the pass-lifecycle (business key carried over) at the appointment's time.
 */
public class PassLifecycle {
    public static final String PROCESS = "pass-lifecycle";
    public static final String APPOINTMENT_PROCESS = "appointment-pass";
    public static final String ROUTED_TO = "routedTo";
    public static final String APPROVED = "approved";
    public static final String BLOCKED = "blocked";
    public static final String NEEDS_APPROVAL = "needsApproval";
    public static final String ANNOUNCE_AT = "announceAt";
    public static final String STARTS_AT = "startsAt";
    static final String APPROVE_TASK = "Task_ApprovePass";

    private final ProcessEngine engine;

    public PassLifecycle(ProcessEngine engine) {
        this.engine = engine;
    }

    /** @return the process instance id */
    public String start(String passId, String routedToTeacherId, PassTimers timers) {
        Map<String, Object> variables = new HashMap<>(timers.asVariables());
        variables.put(ROUTED_TO, routedToTeacherId);
        ProcessInstance instance = engine.getRuntimeService()
                .startProcessInstanceByKey(PROCESS, passId, variables);
        return instance.getId();
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

    /**
     * Starts the appointment-pass process: it announces the appointment at {@code announceAt} and starts
     * the pass's lifecycle at {@code startsAt}. An {@code announceAt} already past announces at once.
     */
    public void scheduleAppointment(String passId, Instant announceAt, Instant startsAt) {
        Objects.requireNonNull(announceAt, "announceAt");
        Objects.requireNonNull(startsAt, "startsAt");
        // ISO-8601 with a Z offset: the timers' timeDate parses it; millis because the engine keeps no finer.
        engine.getRuntimeService().startProcessInstanceByKey(APPOINTMENT_PROCESS, passId, Map.of(
                ANNOUNCE_AT, announceAt.truncatedTo(ChronoUnit.MILLIS).toString(),
                STARTS_AT, startsAt.truncatedTo(ChronoUnit.MILLIS).toString()));
    }

    public void cancelAppointment(String passId) {
        correlate(passId, "Message_CancelAppointment", "the appointment is no longer waiting for its time");
    }

    /** True once the pass's pass-lifecycle instance has reached an end event. */
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
        try {
            engine.getTaskService().complete(task.getId(), Map.of(APPROVED, approved));
        } catch (OptimisticLockingException raced) {
            throw changedMeanwhile(passId);
        }
    }

    /** A timer fired, or another person acted, on the same pass in the same moment: the caller may retry. */
    private static LifecycleConflictException changedMeanwhile(String passId) {
        return new LifecycleConflictException(passId, "it changed at the same moment; reload it and try again");
    }

    private Task approvalTask(String passId) {
        return engine.getTaskService().createTaskQuery()
                .processDefinitionKey(PROCESS).processInstanceBusinessKey(passId)
                .taskDefinitionKey(APPROVE_TASK).singleResult();
    }

    private void correlate(String passId, String message, String whyNot) {
        // correlateAll answers an empty list instead of throwing, so a late click is not logged as an engine error.
        boolean matched;
        try {
            matched = !engine.getRuntimeService().createMessageCorrelation(message)
                    .processInstanceBusinessKey(passId).correlateAllWithResult().isEmpty();
        } catch (OptimisticLockingException raced) {
            throw changedMeanwhile(passId);
        }
        if (!matched) {
            throw new LifecycleConflictException(passId, whyNot);
        }
    }
}
