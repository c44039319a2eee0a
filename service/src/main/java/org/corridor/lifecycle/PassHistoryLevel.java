package org.corridor.lifecycle;

import java.util.Set;

import org.camunda.bpm.engine.impl.history.AbstractHistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;

/**
 * The engine history Corridor reads and nothing more: process instances (a pass's
 * instances with their start, end and removal time: the auditor's pass page, the
 * retention) and activity instances (the path the auditor replays on the model,
 * {@link EngineProcessPaths}). The engine's {@code audit} level also writes every user
 * task (a row at the request, a read and an update at the decision) and every stored
 * variable, which nothing in Corridor reads back; the engine's runtime tables keep what a
 * running pass needs either way.
 * <p>
 * The engine stores the level's id in the database and refuses to start on another, so
 * V31 moves a database from {@code audit} to this one.
 */
final class PassHistoryLevel extends AbstractHistoryLevel {

    static final String NAME = "corridor";

    /** Past the engine's own ids (0 to 3); V31 writes it. */
    static final int ID = 31;

    static final PassHistoryLevel INSTANCE = new PassHistoryLevel();

    private static final Set<HistoryEventType> KEPT = Set.of(HistoryEventTypes.PROCESS_INSTANCE_START,
            HistoryEventTypes.PROCESS_INSTANCE_UPDATE, HistoryEventTypes.PROCESS_INSTANCE_MIGRATE,
            HistoryEventTypes.PROCESS_INSTANCE_END, HistoryEventTypes.ACTIVITY_INSTANCE_START,
            HistoryEventTypes.ACTIVITY_INSTANCE_UPDATE, HistoryEventTypes.ACTIVITY_INSTANCE_MIGRATE,
            HistoryEventTypes.ACTIVITY_INSTANCE_END);

    private PassHistoryLevel() {
    }

    @Override
    public int getId() {
        return ID;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
        return KEPT.contains(eventType);
    }

}
