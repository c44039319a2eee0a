package org.corridor.workflow.pass;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.MessageCorrelationBuilder;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.engine.variable.Variables;

/**
 * The one place that drives the engine for passes. Each pass is one pass-lifecycle
 * instance whose business key is the pass id; an appointment pass is first an
 * appointment-pass instance with the same business key, which starts the pass-lifecycle
 * (business key carried over) at the appointment's time.
 * <p>
 * Districts: the process definitions are shared, and every instance carries its pass's
 * district as tenant id ({@link DistrictTenants}); every query and message correlation
 * here names that tenant. Instances started before tenant ids existed (a database from
 * before district isolation) carry none: when nothing of the pass's district answers, the
 * pass's untagged instance is tried. That reaches only this pass's own instance (pass ids
 * are unique, and the service found the pass in the caller's district before calling),
 * never another district's; and it finds nothing once the last untagged pass has ended.
 * <p>
 * Variables: a pass-lifecycle instance keeps none in the database. Each is transient (the
 * typed-value API's {@code isTransient}): set and read in one transaction, gone at the
 * next wait state, so it costs no row in ACT_RU_VARIABLE or the history. What a later
 * transaction needs lives elsewhere: the task's assignee, the instance's tenant id, the
 * timers' due dates, and the pass itself in the service's tables.
 */
public class PassLifecycle {

    public static final String PROCESS = "pass-lifecycle";

    public static final String APPOINTMENT_PROCESS = "appointment-pass";

    public static final String ROUTED_TO = "routedTo";

    public static final String APPROVED = "approved";

    public static final String BLOCKED = "blocked";

    public static final String NEEDS_APPROVAL = "needsApproval";

    public static final String JOINS_LINE = "joinsLine";

    public static final String WAIT_FOR_PLACE = "waitForPlace";

    public static final String ANNOUNCE_AT = "announceAt";

    public static final String STARTS_AT = "startsAt";
    static final String APPROVE_TASK = "Task_ApprovePass";

    private final ProcessEngine engine;

    public PassLifecycle(ProcessEngine engine) {
        this.engine = engine;
    }

    /**
     * Starts the pass's lifecycle. Its teacher and district are transient variables: the
     * teacher is read when the approval task is made and the district by
     * {@link DistrictTenants}, both before this call returns; the task and the instance
     * then keep them as assignee and tenant id. The timers ask {@link TimerDurations}.
     * @return the process instance id
     */
    public String start(PassRef pass, String routedToTeacherId) {
        ProcessInstance instance = engine.getRuntimeService()
            .createProcessInstanceByKey(PROCESS)
            .processDefinitionWithoutTenantId()
            .businessKey(pass.passId())
            .setVariable(ROUTED_TO, Variables.stringValue(routedToTeacherId, true))
            .setVariable(DistrictTenants.DISTRICT_ID, Variables.stringValue(pass.districtId(), true))
            .execute();
        return instance.getId();
    }

    public void approve(PassRef pass) {
        decide(pass, true, false);
    }

    /**
     * Approved when a place frees: the pass waits in its destination's line
     * ({@code WAITING}) until {@link #placeFreed}. The caller has checked that the
     * destination has no place for it now.
     */
    public void approveToWait(PassRef pass) {
        decide(pass, true, true);
    }

    public void deny(PassRef pass) {
        decide(pass, false, false);
    }

    /**
     * The waiting pass's place is free: it becomes active now. The caller holds the
     * destination's lock and has counted the place; a pass that is no longer waiting (it
     * left the line or expired at the same moment) is a conflict, and nothing changed.
     */
    public void placeFreed(PassRef pass) {
        correlate(pass, "Message_PlaceFreed", "the pass is no longer waiting for a place");
    }

    public void cancel(PassRef pass) {
        correlate(pass, "Message_CancelRequest", "the request is no longer waiting for a decision");
    }

    public void checkIn(PassRef pass) {
        correlate(pass, "Message_CheckIn", "the pass is not active");
    }

    public void end(PassRef pass) {
        correlate(pass, "Message_PassEnded", "the pass is not active");
    }

    /**
     * Starts the appointment-pass process: it announces the appointment at
     * {@code announceAt} and starts the pass's lifecycle at {@code startsAt}. An
     * {@code announceAt} already past announces at once.
     */
    public void scheduleAppointment(PassRef pass, Instant announceAt, Instant startsAt) {
        Objects.requireNonNull(announceAt, "announceAt");
        Objects.requireNonNull(startsAt, "startsAt");
        // ISO-8601 with a Z offset: the timers' timeDate parses it; millis because the
        // engine keeps no finer.
        // Only the start time waits (for the announcement) in the database; the rest is
        // used before this returns.
        engine.getRuntimeService()
            .createProcessInstanceByKey(APPOINTMENT_PROCESS)
            .processDefinitionWithoutTenantId()
            .businessKey(pass.passId())
            .setVariable(ANNOUNCE_AT, Variables.stringValue(announceAt.truncatedTo(ChronoUnit.MILLIS).toString(), true))
            .setVariable(STARTS_AT, startsAt.truncatedTo(ChronoUnit.MILLIS).toString())
            .setVariable(DistrictTenants.DISTRICT_ID, Variables.stringValue(pass.districtId(), true))
            .execute();
    }

    public void cancelAppointment(PassRef pass) {
        correlate(pass, "Message_CancelAppointment", "the appointment is no longer waiting for its time");
    }

    /** True once the pass's pass-lifecycle instance has reached an end event. */
    public boolean hasEnded(PassRef pass) {
        long ended = engine.getHistoryService()
            .createHistoricProcessInstanceQuery()
            .processDefinitionKey(PROCESS)
            .processInstanceBusinessKey(pass.passId())
            .tenantIdIn(pass.districtId())
            .finished()
            .count();
        if (ended == 0) {
            ended = engine.getHistoryService()
                .createHistoricProcessInstanceQuery()
                .processDefinitionKey(PROCESS)
                .processInstanceBusinessKey(pass.passId())
                .withoutTenantId()
                .finished()
                .count();
        }
        return ended == 1;
    }

    private void decide(PassRef pass, boolean approved, boolean waitForPlace) {
        Task task = approvalTask(pass);
        if (task == null) {
            throw new LifecycleConflictException(pass.passId(), "the request is no longer waiting for a decision");
        }
        try {
            // Transient: the gateway right after the task reads it in this transaction.
            engine.getTaskService()
                .complete(task.getId(),
                        Variables.createVariables()
                            .putValueTyped(APPROVED, Variables.booleanValue(approved, true))
                            .putValueTyped(WAIT_FOR_PLACE, Variables.booleanValue(waitForPlace, true)));
        }
        catch (OptimisticLockingException raced) {
            throw changedMeanwhile(pass.passId());
        }
    }

    /**
     * A timer fired, or another person acted, on the same pass in the same moment: the
     * caller may retry.
     */
    private static LifecycleConflictException changedMeanwhile(String passId) {
        return new LifecycleConflictException(passId, "it changed at the same moment; reload it and try again");
    }

    private Task approvalTask(PassRef pass) {
        Task task = approvalTaskQuery(pass).tenantIdIn(pass.districtId()).singleResult();
        return task != null ? task : approvalTaskQuery(pass).withoutTenantId().singleResult();
    }

    private TaskQuery approvalTaskQuery(PassRef pass) {
        return engine.getTaskService()
            .createTaskQuery()
            .processDefinitionKey(PROCESS)
            .processInstanceBusinessKey(pass.passId())
            .taskDefinitionKey(APPROVE_TASK);
    }

    private void correlate(PassRef pass, String message, String whyNot) {
        // correlateAll answers an empty list instead of throwing, so a late click is not
        // logged as an engine error.
        boolean matched;
        try {
            matched = !correlation(pass, message).tenantId(pass.districtId()).correlateAllWithResult().isEmpty()
                    || !correlation(pass, message).withoutTenantId().correlateAllWithResult().isEmpty();
        }
        catch (OptimisticLockingException raced) {
            throw changedMeanwhile(pass.passId());
        }
        catch (RuntimeException raced) {
            // At READ COMMITTED the engine can find the pass waiting for the message,
            // then find the subscription or
            // its execution gone when it triggers it, and fail on that ("does not have a
            // subscription to a message
            // event", a NullPointerException): another call, a second click or a timer,
            // took it in between, and
            // has committed, or this would still see it. Anything else stays an error.
            if (!waitsFor(pass, message, raced)) {
                throw changedMeanwhile(pass.passId());
            }
            throw raced;
        }
        if (!matched) {
            throw new LifecycleConflictException(pass.passId(), whyNot);
        }
    }

    /**
     * True if the pass still waits for the message; a failure to tell is added to
     * {@code failure}, which is thrown.
     */
    private boolean waitsFor(PassRef pass, String message, RuntimeException failure) {
        try {
            return engine.getRuntimeService()
                .createExecutionQuery()
                .processInstanceBusinessKey(pass.passId())
                .messageEventSubscriptionName(message)
                .tenantIdIn(pass.districtId())
                .count() > 0
                    || engine.getRuntimeService()
                        .createExecutionQuery()
                        .processInstanceBusinessKey(pass.passId())
                        .messageEventSubscriptionName(message)
                        .withoutTenantId()
                        .count() > 0;
        }
        catch (RuntimeException unknown) {
            failure.addSuppressed(unknown);
            throw failure;
        }
    }

    private MessageCorrelationBuilder correlation(PassRef pass, String message) {
        return engine.getRuntimeService().createMessageCorrelation(message).processInstanceBusinessKey(pass.passId());
    }

}
