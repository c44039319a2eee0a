package org.corridor.rules;

import java.util.List;

/**
 * The types a district's rules may reason about, and the one type they may produce ({@link Flag}).
 * The guard admits nothing else into authored DRL.
 */
public final class FactModel {
    public static final List<Class<?>> FACT_TYPES = List.of(PassRequest.class, StudentUsage.class,
            DestinationStatus.class, HallStatus.class, NoContactOut.class, PeriodTiming.class, Accommodation.class);

    public static final Class<?> OUTPUT_TYPE = Flag.class;

    private FactModel() {
    }
}
