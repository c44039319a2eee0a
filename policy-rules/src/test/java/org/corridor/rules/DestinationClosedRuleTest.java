package org.corridor.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

class DestinationClosedRuleTest {

    @Test
    void closedDestinationIsFlagged() {
        var flags = DefaultRules.evaluate(new DestinationStatus("office", "Main Office", 0, 0, false));

        assertThat(flags).extracting(RaisedFlag::code, RaisedFlag::message)
            .containsExactly(tuple("DESTINATION_CLOSED", "Main Office is closed"));
    }

    @Test
    void openDestinationIsNotFlagged() {
        var flags = DefaultRules.evaluate(new DestinationStatus("office", "Main Office", 0, 0, true));

        assertThat(flags).isEmpty();
    }

}
