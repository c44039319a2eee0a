package org.corridor.workflow.pass;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** Approved to wait for a place, or an auto pass that waits: the pass is WAITING. */
public class JoinLine implements JavaDelegate {

    private final PassTransitions passes;

    public JoinLine(PassTransitions passes) {
        this.passes = passes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        passes.joinLine(execution.getProcessBusinessKey());
    }

}
