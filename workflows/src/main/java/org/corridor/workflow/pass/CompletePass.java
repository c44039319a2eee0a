package org.corridor.workflow.pass;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** The student checked in or the pass was ended. */
public class CompletePass implements JavaDelegate {
    private final PassRecords passes;

    public CompletePass(PassRecords passes) {
        this.passes = passes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        passes.complete(execution.getProcessBusinessKey());
    }
}
