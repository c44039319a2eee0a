package org.corridor.workflow.pass;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** The request was withdrawn before anyone decided it. */
public class CancelPass implements JavaDelegate {

    private final PassTransitions passes;

    public CancelPass(PassTransitions passes) {
        this.passes = passes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        passes.cancel(execution.getProcessBusinessKey());
    }

}
