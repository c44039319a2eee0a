package org.corridor.pass;

import java.time.Instant;
import java.util.List;

/** A pass as the API shows it (DESIGN.md's contract). */
public record PassView(String id, PassState state, PassType type, PassChannel channel, boolean autoPass, Ref student,
        DepartingFromView departingFrom, Ref destination, Ref routedTo, String status, Instant requestedAt,
        Instant deliveredAt, Instant seenAt, Instant approvedAt, Instant startedAt, Instant endedAt, Color color,
        List<FlagView> flags, String note, String denyReason,
        /** An appointment's time. */
        Instant startsAt,
        /** When an unopened request was announced to its teacher again. */
        Instant reannouncedAt,
        /** When an unopened request was escalated to the school's escalation contacts. */
        Instant escalatedAt, Instant longRunningAt,
        /** Why an AUTO pass became a request that needs approval. */
        String autoPassRefused,
        /**
         * Why the pass ended without a person deciding (expired, missed appointment,
         * emergency).
         */
        String endReason,
        /**
         * Who approved or denied it: the teacher it was sent to, or after an escalation a
         * co-teacher or administrator.
         */
        Ref decidedBy,
        /**
         * What the caller may do to it now (the calls that would be accepted); empty once
         * it is over.
         */
        List<PassAction> actions,
        /**
         * Where a WAITING pass stands in its destination's line (1 = next to go); null
         * otherwise.
         */
        Integer waitingPosition) {

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

    public record DepartingFromView(String sectionId, String section, Ref teacher, Ref room) {
    }
}
