package org.corridor.workflow.pass;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** The student checked in or the pass was ended. */
public class CompletePass implements JavaDelegate {

    private final PassTransitions passes;

    public CompletePass(PassTransitions passes) {
        this.passes = passes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        passes.complete(execution.getProcessBusinessKey());
    }

}
