package org.corridor.workflow.pass;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** The teacher approved: the student is out. */
public class ActivatePass implements JavaDelegate {

    private final PassTransitions passes;

    public ActivatePass(PassTransitions passes) {
        this.passes = passes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        passes.activate(execution.getProcessBusinessKey());
    }

}
