package org.corridor.lifecycle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Component;

import org.corridor.audit.ProcessPaths;

/**
 * Reads a pass's path from the engine's history. Instances carry their district as tenant
 * id; those started before tenant ids existed carry none and are read as the pass's own
 * (the caller has already found the pass in its district).
 */
@Component
class EngineProcessPaths implements ProcessPaths {

    private final HistoryService history;

    EngineProcessPaths(HistoryService history) {
        this.history = history;
    }

    @Override
    public List<ProcessPath> of(String passId, String districtId) {
        List<HistoricProcessInstance> instances = new ArrayList<>(history.createHistoricProcessInstanceQuery()
            .processInstanceBusinessKey(passId)
            .tenantIdIn(districtId)
            .list());
        instances.addAll(history.createHistoricProcessInstanceQuery()
            .processInstanceBusinessKey(passId)
            .withoutTenantId()
            .list());
        return instances.stream()
            .sorted(Comparator.comparing(HistoricProcessInstance::getStartTime)
                .thenComparing(i -> i.getProcessDefinitionKey().equals("pass-lifecycle") ? 1 : 0))
            .map(this::path)
            .toList();
    }

    private ProcessPath path(HistoricProcessInstance instance) {
        // The start time has whole seconds on MariaDB; the occurrence order breaks ties
        // as the engine ran them.
        List<Step> steps = history.createHistoricActivityInstanceQuery()
            .processInstanceId(instance.getId())
            .orderByHistoricActivityInstanceStartTime()
            .asc()
            .orderPartiallyByOccurrence()
            .asc()
            .list()
            .stream()
            .map(EngineProcessPaths::step)
            .toList();
        return new ProcessPath(instance.getProcessDefinitionKey(),
                instance.getProcessDefinitionVersion() == null ? 0 : instance.getProcessDefinitionVersion(),
                instance.getId(), instant(instance.getStartTime()), instant(instance.getEndTime()), steps);
    }

    private static Step step(HistoricActivityInstance activity) {
        return new Step(activity.getActivityId(), activity.getActivityName(), activity.getActivityType(),
                instant(activity.getStartTime()), instant(activity.getEndTime()));
    }

    private static Instant instant(Date at) {
        return at == null ? null : at.toInstant();
    }

}
