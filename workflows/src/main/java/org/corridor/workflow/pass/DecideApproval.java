package org.corridor.workflow.pass;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;

/**
 * Auto, proxy and due appointment passes start active; an auto pass that found no place
 * joins the waiting line where the school lets it; everything else waits for the routed
 * teacher. Transient, as {@link EvaluatePolicy}'s answer: only the gateway right after
 * reads it.
 */
public class DecideApproval implements JavaDelegate {

    private final PassTransitions passes;

    public DecideApproval(PassTransitions passes) {
        this.passes = passes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String passId = execution.getProcessBusinessKey();
        boolean withoutApproval = passes.startsWithoutApproval(passId);
        boolean joinsLine = !withoutApproval && passes.joinsLine(passId);
        execution.setVariable(PassLifecycle.JOINS_LINE, Variables.booleanValue(joinsLine, true));
        execution.setVariable(PassLifecycle.NEEDS_APPROVAL,
                Variables.booleanValue(!withoutApproval && !joinsLine, true));
    }

}
