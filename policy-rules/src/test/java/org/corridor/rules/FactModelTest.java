package org.corridor.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * What the policy console lists beside the editor: the same types and properties the
 * guard accepts.
 */
class FactModelTest {

    @Test
    void listsEveryFactTypeWithItsPropertiesAndTheirTypes() {
        assertThat(FactModel.factTypes()).extracting(FactModel.FactType::name)
            .containsExactly("PassRequest", "StudentUsage", "DestinationStatus", "HallStatus", "NoContactOut",
                    "PeriodTiming", "Accommodation");
        assertThat(FactModel.factTypes().get(2).properties()).containsExactly(
                new FactModel.Property("capacity", "getCapacity", "int"),
                new FactModel.Property("destinationId", "getDestinationId", "String"),
                new FactModel.Property("limited", "isLimited", "boolean"),
                new FactModel.Property("name", "getName", "String"),
                new FactModel.Property("occupancy", "getOccupancy", "int"),
                new FactModel.Property("open", "isOpen", "boolean"));
    }

    @Test
    void aMethodWithParametersIsNoProperty() {
        assertThat(FactModel.properties(Accommodation.class)).extracting(FactModel.Property::name)
            .containsExactly("from", "ruleName", "studentId", "until");
    }

}
