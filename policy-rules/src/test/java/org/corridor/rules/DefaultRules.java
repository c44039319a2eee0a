package org.corridor.rules;

import java.util.List;

/** The default rule set, compiled once for all rule tests of this JVM. */
final class DefaultRules {
    private static final CompiledRuleSet COMPILED = new RuleSetCompiler().compile("default", DefaultRuleSet.drl());

    private DefaultRules() {
    }

    static List<RaisedFlag> evaluate(Object... facts) {
        return COMPILED.evaluate(List.of(facts));
    }

    static DestinationStatus restroom(int capacity, int occupancy) {
        return new DestinationStatus("restroom", "Restroom", capacity, occupancy, true);
    }
}
