package org.corridor.rules;

import java.util.List;

/** A rule set that did not compile. Nothing of it is kept. */
public class RuleSetRejectedException extends RuntimeException {

    private final List<RuleSetProblem> problems;

    public RuleSetRejectedException(List<RuleSetProblem> problems) {
        super("rule set rejected: " + problems);
        this.problems = List.copyOf(problems);
    }

    public List<RuleSetProblem> problems() {
        return problems;
    }

}
