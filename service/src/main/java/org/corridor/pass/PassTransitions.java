package org.corridor.pass;

import java.time.Clock;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import org.corridor.policy.PolicyEvaluation;
import org.corridor.rules.Severity;
import org.corridor.workflow.pass.PassRecords;
import org.corridor.workflow.pass.PolicyCheck;

/**
 * What the pass-lifecycle process does to a pass when it reaches a step. Runs inside the caller's
 * transaction, so the engine's step and the pass's new state commit together or not at all.
 */
@Component
class PassTransitions implements PassRecords, PolicyCheck {
    private final PassRepository passes;
    private final PolicyEvaluation policy;
    private final Clock clock;

    PassTransitions(PassRepository passes, PolicyEvaluation policy, Clock clock) {
        this.passes = passes;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public boolean blocks(String passId) {
        Pass pass = load(passId);
        PolicyEvaluation.Outcome outcome = policy.evaluate(pass);
        pass.recordEvaluation(outcome.flags(), outcome.factsJson());
        if (pass.hasBlockingFlag()) {
            pass.recordDenyReason(pass.getFlags().stream()
                    .filter(f -> f.getSeverity() == Severity.BLOCK).map(PassFlag::getStudentMessage)
                    .collect(Collectors.joining("; ")));
            return true;
        }
        return false;
    }

    @Override
    public void route(String passId) {
        load(passId).route();
    }

    @Override
    public void activate(String passId) {
        load(passId).activate(clock.instant());
    }

    @Override
    public void deny(String passId) {
        load(passId).deny(clock.instant());
    }

    @Override
    public void cancel(String passId) {
        load(passId).cancel(clock.instant());
    }

    @Override
    public void complete(String passId) {
        load(passId).complete(clock.instant());
    }

    private Pass load(String passId) {
        return passes.findById(passId)
                .orElseThrow(() -> new IllegalStateException("the process of pass " + passId + " has no pass"));
    }
}
