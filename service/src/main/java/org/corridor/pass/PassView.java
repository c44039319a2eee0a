package org.corridor.pass;

import java.time.Instant;
import java.util.List;
import io.swagger.v3.oas.annotations.media.Schema;

/** A pass as the API shows it (DESIGN.md's contract). */
public record PassView(String id, PassState state, PassType type, PassChannel channel, boolean autoPass, Ref student,
        @Schema(nullable = true) DepartingFromView departingFrom, Ref destination,
        @Schema(nullable = true) Ref routedTo, String status, Instant requestedAt,
        @Schema(nullable = true) Instant deliveredAt, @Schema(nullable = true) Instant seenAt,
        @Schema(nullable = true) Instant approvedAt, @Schema(nullable = true) Instant startedAt,
        @Schema(nullable = true) Instant endedAt,
        /** Null while the student is not (or was never) out. */
        @Schema(nullable = true) Color color, List<FlagView> flags, @Schema(nullable = true) String note,
        @Schema(nullable = true) String denyReason,
        /** An appointment's time. */
        @Schema(nullable = true) Instant startsAt,
        /** When an unopened request was announced to its teacher again. */
        @Schema(nullable = true) Instant reannouncedAt,
        /** When an unopened request was escalated to the school's escalation contacts. */
        @Schema(nullable = true) Instant escalatedAt, @Schema(nullable = true) Instant longRunningAt,
        /** Why an AUTO pass became a request that needs approval. */
        @Schema(nullable = true) String autoPassRefused,
        /**
         * Why the pass ended without a person deciding (expired, missed appointment,
         * emergency).
         */
        @Schema(nullable = true) String endReason,
        /**
         * Who approved or denied it: the teacher it was sent to, or after an escalation a
         * co-teacher or administrator.
         */
        @Schema(nullable = true) Ref decidedBy,
        /**
         * What the caller may do to it now (the calls that would be accepted); empty once
         * it is over.
         */
        List<PassAction> actions,
        /**
         * Where a WAITING pass stands in its destination's line (1 = next to go); null
         * otherwise.
         */
        @Schema(nullable = true) Integer waitingPosition) {

    /**
     * The badge colour: green while within the time threshold, yellow once long-running,
     * red once ended by the system.
     */
    public enum Color {

        GREEN, YELLOW, RED;

        /**
         * @return the colour of a pass in this state, or null when the student is not (or
         * was never) out
         */
        public static Color of(PassState state) {
            return switch (state) {
                case ACTIVE -> GREEN;
                case LONG_RUNNING -> YELLOW;
                case ENDED_BY_SYSTEM -> RED;
                default -> null;
            };
        }

    }

    public record Ref(String id, String name) {
    }

    public record DepartingFromView(String sectionId, String section, @Schema(nullable = true) Ref teacher,
            @Schema(nullable = true) Ref room) {
    }
}
