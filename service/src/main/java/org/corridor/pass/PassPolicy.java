package org.corridor.pass;

import java.util.List;

import org.corridor.rules.RaisedFlag;

/**
 * The district's policy as a pass meets it: the rules in force judged against one pass.
 * The policy feature implements it ({@code policy.PolicyEvaluation}); passes ask through
 * this port, so policy depends on passes (it reads their facts) and never the reverse.
 */
public interface PassPolicy {

    /**
     * The flags raised, and the facts that raised them as JSON (null if they could not be
     * loaded).
     */
    record Outcome(List<RaisedFlag> flags, String factsJson) {
    }

    Outcome evaluate(Pass pass);

}
