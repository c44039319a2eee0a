package org.corridor.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

class WeeklyPassLimitRuleTest {

    @Test
    void twelfthPassOfTheWeekIsFlagged() {
        var flags = DefaultRules.evaluate(DefaultRules.passesThisWeek(12));

        assertThat(flags).extracting(RaisedFlag::code).containsExactly("PASS_LIMIT_WEEKLY");
    }

    @Test
    void flagTellsTheTeacherTheCountAndTheLimit() {
        var flags = DefaultRules.evaluate(DefaultRules.passesThisWeek(13));

        assertThat(flags).extracting(RaisedFlag::code, RaisedFlag::message)
            .containsExactly(
                    tuple("PASS_LIMIT_WEEKLY", "Weekly pass limit reached: 13 passes this week, the limit is 12"));
    }

    @Test
    void oneUnderTheWeeklyLimitIsNotFlagged() {
        var flags = DefaultRules.evaluate(DefaultRules.passesThisWeek(11));

        assertThat(flags).isEmpty();
    }

}
