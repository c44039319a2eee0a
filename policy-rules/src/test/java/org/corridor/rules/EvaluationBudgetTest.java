package org.corridor.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * An evaluation that runs past its budget stops and says so, rather than answering with
 * what it got.
 */
class EvaluationBudgetTest {

    private static final CompiledRuleSet DEFAULT = new RuleSetCompiler().compile("default", DefaultRuleSet.drl());

    @Test
    void evaluationPastItsBudgetStopsAndSaysSo() {
        List<Object> facts = List.of(DefaultRules.restroom(2, 2),
                new StudentUsage("ava", 4, 4, StudentUsage.NO_PASS_YET));

        assertThatThrownBy(() -> DEFAULT.explain(facts, Duration.ZERO))
            .isInstanceOf(CompiledRuleSet.OverBudgetException.class)
            .hasMessageContaining("ran longer than its budget");
    }

    @Test
    void evaluationWithinItsBudgetAnswers() {
        List<Object> facts = List.of(new StudentUsage("ava", 4, 4, StudentUsage.NO_PASS_YET));

        assertThat(DEFAULT.explain(facts, CompiledRuleSet.BUDGET)).extracting(e -> e.flag().code())
            .containsExactly("PASS_LIMIT_DAILY");
    }

}
