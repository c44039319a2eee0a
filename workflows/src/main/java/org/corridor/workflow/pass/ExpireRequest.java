package org.corridor.workflow.pass;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** Nobody decided in time: the request ends as expired, never silently dropped. */
public class ExpireRequest implements JavaDelegate {

    private final PassTransitions passes;

    public ExpireRequest(PassTransitions passes) {
        this.passes = passes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        passes.expire(execution.getProcessBusinessKey());
    }

}
