package org.corridor.retention;

import java.time.Instant;
import java.util.Collection;

/**
 * The engine's history of passes, which the engine itself removes: the purge only says
 * when. Implemented by {@code lifecycle.EnginePassProcessHistory}.
 */
public interface PassProcessHistory {

    /**
     * Sets the removal time of the finished process instances of these passes (both
     * processes, and the instances they called) to {@code at}; the engine's history
     * cleanup removes them at its next run after that. Answers how many instances were
     * given a removal time.
     */
    int removeAt(String districtId, Collection<String> passIds, Instant at);

}
