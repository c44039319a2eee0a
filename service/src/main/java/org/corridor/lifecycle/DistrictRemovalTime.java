package org.corridor.lifecycle;

import java.time.Duration;
import java.util.Date;
import java.util.function.ToIntFunction;

import org.camunda.bpm.engine.impl.history.DefaultHistoryRemovalTimeProvider;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.repository.ProcessDefinition;

/**
 * The removal time the engine gives a pass's process history when the pass's root process
 * instance ends (removal-time strategy {@code end}): the end plus the days the pass's
 * district keeps passes. The models' own time to live is the same for every district, so
 * it only applies to an instance without a district, which the tenant provider never
 * starts. The engine then stamps the whole hierarchy (called instances, activities,
 * variables) with it, and its history cleanup removes them after that.
 */
class DistrictRemovalTime extends DefaultHistoryRemovalTimeProvider {

    private final ToIntFunction<String> passDays;

    DistrictRemovalTime(ToIntFunction<String> passDays) {
        this.passDays = passDays;
    }

    @Override
    public Date calculateRemovalTime(HistoricProcessInstanceEventEntity instance, ProcessDefinition definition) {
        String district = instance.getTenantId();
        if (district == null || !isProcessInstanceEnded(instance)) {
            return super.calculateRemovalTime(instance, definition);
        }
        return Date.from(instance.getEndTime().toInstant().plus(Duration.ofDays(passDays.applyAsInt(district))));
    }

}
