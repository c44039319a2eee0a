package org.corridor.workflow.pass;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;

/**
 * Auto, proxy and due appointment passes start active; everything else waits for the
 * routed teacher. Transient, as {@link EvaluatePolicy}'s answer: only the gateway right
 * after reads it.
 */
public class DecideApproval implements JavaDelegate {

    private final PassTransitions passes;

    public DecideApproval(PassTransitions passes) {
        this.passes = passes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(PassLifecycle.NEEDS_APPROVAL,
                Variables.booleanValue(!passes.startsWithoutApproval(execution.getProcessBusinessKey()), true));
    }

}
