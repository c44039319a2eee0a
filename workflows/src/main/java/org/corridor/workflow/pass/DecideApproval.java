package org.corridor.workflow.pass;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** Auto, proxy and due appointment passes start active; everything else waits for the routed teacher. */
public class DecideApproval implements JavaDelegate {
    private final PassRecords passes;

    public DecideApproval(PassRecords passes) {
        this.passes = passes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(PassLifecycle.NEEDS_APPROVAL, !passes.startsWithoutApproval(execution.getProcessBusinessKey()));
    }
}
