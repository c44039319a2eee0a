package org.corridor.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DailyPassLimitRuleTest {

    @Test
    void fourthPassOfTheDayIsFlagged() {
        var flags = DefaultRules.evaluate(new StudentUsage("ava", 4, 4, StudentUsage.NO_PASS_YET));

        assertThat(flags).extracting(RaisedFlag::code).containsExactly("PASS_LIMIT_DAILY");
        assertThat(flags.get(0).message()).isEqualTo("Daily pass limit reached: 4 passes today, the limit is 4");
        assertThat(flags.get(0).rule()).isEqualTo("Daily pass limit");
        assertThat(flags.get(0).ruleSetVersion()).isEqualTo("default");
    }

    @Test
    void oneUnderTheLimitIsNotFlagged() {
        var flags = DefaultRules.evaluate(new StudentUsage("ava", 3, 3, StudentUsage.NO_PASS_YET));

        assertThat(flags).isEmpty();
    }

}
