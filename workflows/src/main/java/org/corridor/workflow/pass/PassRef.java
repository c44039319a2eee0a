package org.corridor.workflow.pass;

import java.util.Objects;

/**
 * A pass as the engine knows it: its id, which is the business key of its process
 * instances, and its district, which is their tenant id. Every engine call for a pass
 * names both, so a pass id of another district never reaches its process.
 */
public record PassRef(String passId, String districtId) {
    public PassRef {
        Objects.requireNonNull(passId, "passId");
        Objects.requireNonNull(districtId, "districtId");
    }
}
