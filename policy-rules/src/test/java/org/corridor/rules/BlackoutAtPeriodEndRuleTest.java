package org.corridor.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

class BlackoutAtPeriodEndRuleTest {

    @Test
    void requestNineMinutesBeforeTheEndIsFlagged() {
        var flags = DefaultRules.evaluate(DefaultRules.period2MinutesIn(41));

        assertThat(flags).extracting(RaisedFlag::code).containsExactly("BLACKOUT_END");
    }

    @Test
    void flagNamesThePeriod() {
        var flags = DefaultRules.evaluate(DefaultRules.period2MinutesIn(50));

        assertThat(flags).extracting(RaisedFlag::code, RaisedFlag::message)
            .containsExactly(tuple("BLACKOUT_END", "Last 10 minutes of Period 2: passes are discouraged"));
    }

    @Test
    void requestTenMinutesBeforeTheEndIsNotFlagged() {
        var flags = DefaultRules.evaluate(DefaultRules.period2MinutesIn(40));

        assertThat(flags).isEmpty();
    }

}
