package org.corridor.workflow.pass;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** Runs the district's rules against the request; a BLOCK flag sends it down the denial path. */
public class EvaluatePolicy implements JavaDelegate {
    private final PolicyCheck policy;

    public EvaluatePolicy(PolicyCheck policy) {
        this.policy = policy;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(PassLifecycle.BLOCKED, policy.blocks(execution.getProcessBusinessKey()));
    }
}
