package org.corridor.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

class CooldownRuleTest {

    @Test
    void passNineteenMinutesAfterTheLastIsFlagged() {
        var flags = DefaultRules.evaluate(DefaultRules.lastPassEndedMinutesAgo(19));

        assertThat(flags).extracting(RaisedFlag::code).containsExactly("COOLDOWN");
    }

    @Test
    void flagTellsTheTeacherHowLongAgoAndTheCooldown() {
        var flags = DefaultRules.evaluate(DefaultRules.lastPassEndedMinutesAgo(12));

        assertThat(flags).extracting(RaisedFlag::code, RaisedFlag::message)
            .containsExactly(tuple("COOLDOWN", "Last pass ended 12 minutes ago; the cooldown is 20 minutes"));
    }

    @Test
    void passTwentyMinutesAfterTheLastIsNotFlagged() {
        var flags = DefaultRules.evaluate(DefaultRules.lastPassEndedMinutesAgo(20));

        assertThat(flags).isEmpty();
    }

    @Test
    void firstPassOfTheDayIsNotFlagged() {
        var flags = DefaultRules.evaluate(new StudentUsage("ava", 0, 0, StudentUsage.NO_PASS_YET));

        assertThat(flags).isEmpty();
    }

}
