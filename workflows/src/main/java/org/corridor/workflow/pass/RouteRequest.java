package org.corridor.workflow.pass;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * Marks the request as sent: stored and waiting with the teacher the student is leaving.
 */
public class RouteRequest implements JavaDelegate {

    private final PassTransitions passes;

    public RouteRequest(PassTransitions passes) {
        this.passes = passes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        passes.route(execution.getProcessBusinessKey());
    }

}
