package org.corridor.workflow.pass;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.camunda.bpm.engine.test.mock.Mocks;

/**
 * Stands in for the service's pass table and school settings: remembers each state change
 * the process asked for, and answers the timer settings as the test set them.
 * Thread-safe, because with the job executor on the changes arrive from the executor's
 * threads.
 */
public final class RecordedPasses implements PassTransitions, PolicyCheck, TimerSettings {

    public final List<String> changes = new CopyOnWriteArrayList<>();

    public volatile boolean blocking;

    public volatile boolean startsWithoutApproval;

    /** An auto pass that found no place joins the line without a teacher. */
    public volatile boolean joinsLine;

    /**
     * The school's timer settings now; a test changes them to show when a timer reads
     * them.
     */
    public volatile PassTimers timers = InMemoryEngine.TIMERS;

    /**
     * The delegates under the bean names the BPMN expects; the service's
     * LifecycleConfiguration uses the same names.
     */
    public Map<Object, Object> asBeans() {
        return Map.ofEntries(Map.entry("evaluatePolicy", new EvaluatePolicy(this)),
                Map.entry("decideApproval", new DecideApproval(this)),
                Map.entry("routeRequest", new RouteRequest(this)), Map.entry("activatePass", new ActivatePass(this)),
                Map.entry("denyPass", new DenyPass(this)), Map.entry("cancelPass", new CancelPass(this)),
                Map.entry("announceAgain", new AnnounceAgain(this)),
                Map.entry("escalateRequest", new EscalateRequest(this)),
                Map.entry("expireRequest", new ExpireRequest(this)),
                Map.entry("markLongRunning", new MarkLongRunning(this)), Map.entry("joinLine", new JoinLine(this)),
                Map.entry("expireWaiting", new ExpireWaiting(this)), Map.entry("endBySystem", new EndBySystem(this)),
                Map.entry("completePass", new CompletePass(this)),
                Map.entry("timerDurations", new TimerDurations(this)));
    }

    /**
     * For the in-memory engine, whose mock expression manager resolves beans per thread.
     */
    public void registerAsMocks() {
        asBeans().forEach((name, bean) -> Mocks.register((String) name, bean));
    }

    @Override
    public PassTimers timersOf(String passId) {
        return timers;
    }

    @Override
    public boolean blocks(String passId) {
        changes.add("evaluate " + passId);
        return blocking;
    }

    @Override
    public boolean startsWithoutApproval(String passId) {
        changes.add("decide " + passId);
        return startsWithoutApproval;
    }

    @Override
    public boolean joinsLine(String passId) {
        return joinsLine;
    }

    @Override
    public void joinLine(String passId) {
        changes.add("join line " + passId);
    }

    @Override
    public void expireWaiting(String passId) {
        changes.add("expire waiting " + passId);
    }

    @Override
    public void route(String passId) {
        changes.add("route " + passId);
    }

    @Override
    public void activate(String passId) {
        changes.add("activate " + passId);
    }

    @Override
    public void deny(String passId) {
        changes.add("deny " + passId);
    }

    @Override
    public void cancel(String passId) {
        changes.add("cancel " + passId);
    }

    @Override
    public void announceAgain(String passId) {
        changes.add("announce again " + passId);
    }

    @Override
    public void escalate(String passId) {
        changes.add("escalate " + passId);
    }

    @Override
    public void expire(String passId) {
        changes.add("expire " + passId);
    }

    @Override
    public void markLongRunning(String passId) {
        changes.add("mark long-running " + passId);
    }

    @Override
    public void endBySystem(String passId) {
        changes.add("end by system " + passId);
    }

    @Override
    public void complete(String passId) {
        changes.add("complete " + passId);
    }

}
