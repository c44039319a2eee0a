package org.corridor.workflow.pass;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * The student has been out for the school's limit: the system ends the pass (red badge).
 */
public class EndBySystem implements JavaDelegate {

    private final PassTransitions passes;

    public EndBySystem(PassTransitions passes) {
        this.passes = passes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        passes.endBySystem(execution.getProcessBusinessKey());
    }

}
