package org.corridor.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

class NoContactRuleTest {

    @Test
    void partnerOutOnAPassIsNamedToStaff() {
        var flags = DefaultRules.evaluate(new NoContactOut("ben", "ava", "Ava Adams", "Restroom"));

        assertThat(flags).extracting(RaisedFlag::code, RaisedFlag::message)
            .containsExactly(tuple("NO_CONTACT", "No-contact conflict: Ava Adams is out (Restroom)"));
    }

    @Test
    void studentIsNotToldWhoThePartnerIs() {
        var flags = DefaultRules.evaluate(new NoContactOut("ben", "ava", "Ava Adams", "Restroom"));

        assertThat(flags).extracting(RaisedFlag::code, RaisedFlag::studentMessage)
            .containsExactly(tuple("NO_CONTACT", "A no-contact restriction applies to this request"));
    }

    @Test
    void nobodyOutMeansNoFlag() {
        var flags = DefaultRules.evaluate(new StudentUsage("ben", 0, 0, StudentUsage.NO_PASS_YET),
                DefaultRules.restroom(2, 0));

        assertThat(flags).isEmpty();
    }

}
