package org.corridor.pass;

import java.time.Instant;
import java.util.List;

/** A pass as the API shows it (DESIGN.md's contract). */
public record PassView(
        String id,
        PassState state,
        PassType type,
        PassChannel channel,
        boolean autoPass,
        Ref student,
        DepartingFromView departingFrom,
        Ref destination,
        Ref routedTo,
        String status,
        Instant requestedAt,
        Instant deliveredAt,
        Instant seenAt,
        Instant approvedAt,
        Instant startedAt,
        Instant endedAt,
        Color color,
        List<FlagView> flags,
        String note,
        String denyReason) {

    public enum Color { GREEN, YELLOW, RED }

    public record Ref(String id, String name) {
    }

    public record DepartingFromView(String sectionId, String section, Ref teacher, Ref room) {
    }
}
