package org.corridor.workflow.pass;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** The teacher has not opened the request yet: show it again rather than let it sink. */
public class AnnounceAgain implements JavaDelegate {

    private final PassTransitions passes;

    public AnnounceAgain(PassTransitions passes) {
        this.passes = passes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        passes.announceAgain(execution.getProcessBusinessKey());
    }

}
