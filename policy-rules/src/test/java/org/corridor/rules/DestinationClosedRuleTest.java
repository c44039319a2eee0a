package org.corridor.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DestinationClosedRuleTest {

    @Test
    void closedDestinationIsFlagged() {
        var flags = DefaultRules.evaluate(new DestinationStatus("office", "Main Office", 0, 0, false));

        assertThat(flags).extracting(RaisedFlag::message).containsExactly("Main Office is closed");
    }

    @Test
    void openDestinationIsNotFlagged() {
        var flags = DefaultRules.evaluate(new DestinationStatus("office", "Main Office", 0, 0, true));

        assertThat(flags).isEmpty();
    }
}
