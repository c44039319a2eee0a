package org.corridor.lifecycle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Component;

import org.corridor.retention.PassProcessHistory;

/**
 * Times the removal of passes' process histories; the engine's history cleanup
 * (removal-time based) removes them. Nothing here deletes from the engine's tables.
 */
@Component
class EnginePassProcessHistory implements PassProcessHistory {

    private final HistoryService history;

    EnginePassProcessHistory(HistoryService history) {
        this.history = history;
    }

    @Override
    public int removeAt(String districtId, Collection<String> passIds, Instant at) {
        String[] keys = passIds.toArray(String[]::new);
        List<String> ids = new ArrayList<>();
        history.createHistoricProcessInstanceQuery()
            .processInstanceBusinessKeyIn(keys)
            .tenantIdIn(districtId)
            .finished()
            .list()
            .forEach(i -> ids.add(i.getId()));
        history.createHistoricProcessInstanceQuery()
            .processInstanceBusinessKeyIn(keys)
            .withoutTenantId()
            .finished()
            .list()
            .stream()
            .map(HistoricProcessInstance::getId)
            .forEach(ids::add);
        if (ids.isEmpty()) {
            return 0;
        }
        history.setRemovalTimeToHistoricProcessInstances()
            .absoluteRemovalTime(Date.from(at))
            .byIds(ids.toArray(String[]::new))
            .hierarchical()
            .executeAsync();
        return ids.size();
    }

}
