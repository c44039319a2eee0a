package org.corridor.audit;

import java.time.Instant;
import java.util.List;

/**
 * The engine's own history of a pass: what each of its process instances did, in order.
 * Implemented by the engine adapter, so that the audit reads the engine without knowing
 * it.
 */
public interface ProcessPaths {

    /**
     * The pass's process instances (appointment first when there is one), each with its
     * activities in order.
     */
    List<ProcessPath> of(String passId, String districtId);

    /**
     * {@code version}: the version of the process definition the instance ran, whose
     * model ({@link ProcessModels}) its path is drawn on.
     */
    record ProcessPath(String process, int version, String instanceId, Instant startedAt, Instant endedAt,
            List<Step> activities) {
    }

    /**
     * One activity instance: a BPMN element the instance reached, when, and when it left
     * it (null: still there).
     */
    record Step(String activityId, String name, String type, Instant startedAt, Instant endedAt) {
    }

}
