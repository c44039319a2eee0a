package org.corridor.rules.guard;

import static org.assertj.core.api.Assertions.assertThat;

import org.corridor.rules.DefaultRuleSet;
import org.junit.jupiter.api.Test;

/**
 * Every district starts from the default rules, so they must pass the guard as they are.
 */
class DefaultRuleSetPassesGuardTest {

    @Test
    void defaultRuleSetHasNoProblems() {
        String drl = DefaultRuleSet.drl();

        var problems = new DrlGuard().check(drl);

        assertThat(problems).isEmpty();
    }

}
