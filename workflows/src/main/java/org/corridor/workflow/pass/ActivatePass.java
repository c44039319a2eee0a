package org.corridor.workflow.pass;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** The teacher approved: the student is out. */
public class ActivatePass implements JavaDelegate {
    private final PassRecords passes;

    public ActivatePass(PassRecords passes) {
        this.passes = passes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        passes.activate(execution.getProcessBusinessKey());
    }
}
