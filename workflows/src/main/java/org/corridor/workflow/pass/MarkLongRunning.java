package org.corridor.workflow.pass;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * The student has been out longer than the school's threshold: the badge turns yellow.
 */
public class MarkLongRunning implements JavaDelegate {

    private final PassTransitions passes;

    public MarkLongRunning(PassTransitions passes) {
        this.passes = passes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        passes.markLongRunning(execution.getProcessBusinessKey());
    }

}
