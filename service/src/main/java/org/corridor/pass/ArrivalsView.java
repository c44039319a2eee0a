package org.corridor.pass;

import java.time.Instant;
import java.util.List;

/**
 * A destination teacher's arrivals ({@code GET /api/arrivals}): for each destination they
 * staff, the students on a pass to it now (on the way, or there and not yet checked in)
 * and those checked in there since the period in session began ("in the room now").
 */
public record ArrivalsView(List<DestinationArrivals> destinations) {

    /**
     * @param capacity 0 when the destination has no limit
     * @param hereSince from when a check-in counts as "in the room now": the start of the
     * school's period in session, or of the school day
     */
    public record DestinationArrivals(PassView.Ref destination, int capacity, List<PassView> onTheWay,
            List<PassView> here, Instant hereSince) {
    }

}
