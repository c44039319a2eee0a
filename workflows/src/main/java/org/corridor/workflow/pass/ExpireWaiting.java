package org.corridor.workflow.pass;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** No place freed in time: the waiting pass expires. */
public class ExpireWaiting implements JavaDelegate {

    private final PassTransitions passes;

    public ExpireWaiting(PassTransitions passes) {
        this.passes = passes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        passes.expireWaiting(execution.getProcessBusinessKey());
    }

}
