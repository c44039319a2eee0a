package org.corridor.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** A dry-run shows, with each flag, the facts the rule matched. */
class ExplainedEvaluationTest {

    private static final CompiledRuleSet DEFAULT = new RuleSetCompiler().compile("default", DefaultRuleSet.drl());

    @Test
    void flagComesWithTheFactThatRaisedIt() {
        DestinationStatus full = DefaultRules.restroom(2, 2);

        var explained = DEFAULT.explain(List.of(full));

        assertThat(explained).singleElement().satisfies(e -> {
            assertThat(e.flag().code()).isEqualTo("DESTINATION_FULL");
            assertThat(e.facts()).containsExactly(full);
        });
    }

}
