package org.corridor.lifecycle;

import java.util.Date;
import java.util.Set;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.producer.CacheAwareHistoryEventProducer;

/**
 * The engine's producer, except where an ending pass is timed for removal: the engine
 * stamps the removal time on every history table of the instance's hierarchy (fourteen
 * updates, three more for decisions), where {@link PassHistoryLevel} writes only process
 * and activity instances, so only those two are stamped. Rows an older level wrote for a
 * pass still running at the upgrade (its task, an appointment's variable) are stamped by
 * the nightly purge when the pass itself goes ({@code RetentionPurge}: every table of the
 * hierarchy).
 */
class PassHistoryEventProducer extends CacheAwareHistoryEventProducer {

    /**
     * The tables besides the process instances' own, which the engine stamps whatever the
     * set says; named by their entity class.
     */
    private static final Set<String> WRITTEN = Set.of(HistoricActivityInstanceEventEntity.class.getName());

    @Override
    protected void addRemovalTimeToHistoricProcessInstances(String rootProcessInstanceId, Date removalTime) {
        Context.getCommandContext()
            .getHistoricProcessInstanceManager()
            .addRemovalTimeToProcessInstancesByRootProcessInstanceId(rootProcessInstanceId, removalTime, null, WRITTEN);
    }

    /** Corridor's rules are Drools rule sets: the engine evaluates no decision. */
    @Override
    protected void addRemovalTimeToHistoricDecisions(String rootProcessInstanceId, Date removalTime) {
    }

}
