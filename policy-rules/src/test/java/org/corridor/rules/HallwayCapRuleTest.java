package org.corridor.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

class HallwayCapRuleTest {

    @Test
    void hallwaysAtTheCapAreFlagged() {
        var flags = DefaultRules.evaluate(DefaultRules.studentsOut(25));

        assertThat(flags).extracting(RaisedFlag::code).containsExactly("HALLWAY_CAP");
    }

    @Test
    void flagTellsTheTeacherHowManyAreOut() {
        var flags = DefaultRules.evaluate(DefaultRules.studentsOut(25));

        assertThat(flags).extracting(RaisedFlag::code, RaisedFlag::message)
            .containsExactly(tuple("HALLWAY_CAP", "Hallways are at their cap: 25 students out (cap 25)"));
    }

    @Test
    void oneUnderTheCapIsNotFlagged() {
        var flags = DefaultRules.evaluate(DefaultRules.studentsOut(24));

        assertThat(flags).isEmpty();
    }

}
