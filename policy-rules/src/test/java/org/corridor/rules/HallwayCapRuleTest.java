package org.corridor.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The hallway limit is each school's setting (maxStudentsOut), not a default rule: the
 * default rules say nothing of how many are out, so a school sets it in one place. The
 * "Hallway cap" template, for a district that adds one, is tested with the other
 * templates.
 */
class HallwayCapRuleTest {

    @Test
    void defaultRulesLeaveAFullHallwayToTheSchoolsSetting() {
        var flags = DefaultRules.evaluate(DefaultRules.studentsOut(500));

        assertThat(flags).isEmpty();
    }

}
