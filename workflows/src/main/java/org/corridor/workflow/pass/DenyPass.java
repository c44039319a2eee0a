package org.corridor.workflow.pass;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** The teacher, or a blocking rule, said no. */
public class DenyPass implements JavaDelegate {

    private final PassTransitions passes;

    public DenyPass(PassTransitions passes) {
        this.passes = passes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        passes.deny(execution.getProcessBusinessKey());
    }

}
