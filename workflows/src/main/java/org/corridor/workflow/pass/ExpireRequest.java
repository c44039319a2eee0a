package org.corridor.workflow.pass;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** Nobody decided in time: the request ends as expired, never silently dropped. */
public class ExpireRequest implements JavaDelegate {
    private final PassRecords passes;

    public ExpireRequest(PassRecords passes) {
        this.passes = passes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        passes.expire(execution.getProcessBusinessKey());
    }
}
