package org.corridor.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NoContactRuleTest {

    @Test
    void partnerOutOnAPassIsNamedToStaff() {
        var flags = DefaultRules.evaluate(new NoContactOut("ben", "ava", "Ava Adams", "Restroom"));

        assertThat(flags).extracting(RaisedFlag::message)
                .containsExactly("No-contact conflict: Ava Adams is out (Restroom)");
    }

    @Test
    void studentIsNotToldWhoThePartnerIs() {
        var flags = DefaultRules.evaluate(new NoContactOut("ben", "ava", "Ava Adams", "Restroom"));

        assertThat(flags.get(0).studentMessage()).isEqualTo("A no-contact restriction applies to this request")
                .doesNotContain("Ava");
    }

    @Test
    void nobodyOutMeansNoFlag() {
        var flags = DefaultRules.evaluate(new StudentUsage("ben", 0, 0, StudentUsage.NO_PASS_YET), DefaultRules.restroom(2, 0));

        assertThat(flags).isEmpty();
    }
}
