package org.corridor.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DestinationFullRuleTest {

    @Test
    void destinationWithEveryPlaceTakenIsFlaggedWithItsNumbers() {
        var flags = DefaultRules.evaluate(DefaultRules.restroom(2, 2));

        assertThat(flags).extracting(RaisedFlag::code).containsExactly("DESTINATION_FULL");
        assertThat(flags.get(0).message()).isEqualTo("Restroom is full: 2 of 2 places taken");
        assertThat(flags.get(0).severity()).isEqualTo(Severity.WARN);
    }

    @Test
    void destinationWithOnePlaceFreeIsNotFlagged() {
        var flags = DefaultRules.evaluate(DefaultRules.restroom(2, 1));

        assertThat(flags).isEmpty();
    }

    @Test
    void destinationWithoutCapacityIsNeverFull() {
        var flags = DefaultRules.evaluate(new DestinationStatus("nurse", "Nurse", 0, 30, true));

        assertThat(flags).isEmpty();
    }

}
