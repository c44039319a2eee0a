package org.corridor.workflow.pass;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;

/**
 * Runs the district's rules against the request; a BLOCK flag sends it down the denial
 * path. The answer is a transient variable: the gateway reads it right after, in the same
 * transaction, and nothing later needs it.
 */
public class EvaluatePolicy implements JavaDelegate {

    private final PolicyCheck policy;

    public EvaluatePolicy(PolicyCheck policy) {
        this.policy = policy;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(PassLifecycle.BLOCKED,
                Variables.booleanValue(policy.blocks(execution.getProcessBusinessKey()), true));
    }

}
