package org.corridor.audit;

import java.util.Optional;

/**
 * The BPMN models the engine runs, as deployed: what the auditor's diagram draws.
 * Implemented by the engine adapter, so that the audit reads the engine without knowing
 * it.
 */
public interface ProcessModels {

    /**
     * The deployed model of a process (its key, as in {@link ProcessPaths.ProcessPath}),
     * of the version given, or the latest when {@code version} is null; empty when there
     * is none.
     */
    Optional<Model> of(String key, Integer version);

    /** A deployed process definition and its BPMN XML. */
    record Model(String key, int version, String definitionId, String name, String xml) {
    }

}
