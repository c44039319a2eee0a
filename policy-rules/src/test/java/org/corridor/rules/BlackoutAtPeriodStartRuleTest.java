package org.corridor.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

class BlackoutAtPeriodStartRuleTest {

    @Test
    void requestInTheNinthMinuteOfThePeriodIsFlagged() {
        var flags = DefaultRules.evaluate(DefaultRules.period2MinutesIn(9));

        assertThat(flags).extracting(RaisedFlag::code).containsExactly("BLACKOUT_START");
    }

    @Test
    void flagNamesThePeriod() {
        var flags = DefaultRules.evaluate(DefaultRules.period2MinutesIn(0));

        assertThat(flags).extracting(RaisedFlag::code, RaisedFlag::message)
            .containsExactly(tuple("BLACKOUT_START", "First 10 minutes of Period 2: passes are discouraged"));
    }

    @Test
    void requestTenMinutesIntoThePeriodIsNotFlagged() {
        var flags = DefaultRules.evaluate(DefaultRules.period2MinutesIn(10));

        assertThat(flags).isEmpty();
    }

}
