package org.corridor.workflow.pass;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * Nobody opened the request for the school's escalation time: someone else must know a
 * student is waiting.
 */
public class EscalateRequest implements JavaDelegate {

    private final PassTransitions passes;

    public EscalateRequest(PassTransitions passes) {
        this.passes = passes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        passes.escalate(execution.getProcessBusinessKey());
    }

}
