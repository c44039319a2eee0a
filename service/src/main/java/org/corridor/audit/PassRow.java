package org.corridor.audit;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

import org.corridor.pass.PassView;

/**
 * One pass in the auditor's search results: who, from where, to where, when, and what the
 * rules flagged. {@code teacher} is the class's main teacher, null when the class has
 * lost it since (a roster import may leave a class without one).
 */
record PassRow(String id, String schoolId, String timeZone, String state, String type, String channel,
        PassView.Ref student, String studentNumber, String section, @Schema(nullable = true) PassView.Ref teacher,
        PassView.Ref routedTo, PassView.Ref destination, Instant requestedAt, Instant startedAt, Instant endedAt,
        List<Flag> flags) {

    /** A flag the rules raised, and the rule-set version that raised it. */
    record Flag(String code, String severity, String ruleSetVersion) {
    }

    /** A page of results and how many passes match in all. */
    record Page(long total, int page, int size, List<PassRow> passes) {
    }
}
