package org.corridor.audit;

import java.time.Instant;
import java.util.List;

import org.corridor.pass.PassView;

/**
 * One pass in the auditor's search results: who, from where, to where, when, and what the
 * rules flagged.
 */
record PassRow(String id, String schoolId, String timeZone, String state, String type, String channel,
        PassView.Ref student, String studentNumber, String section, PassView.Ref teacher, PassView.Ref routedTo,
        PassView.Ref destination, Instant requestedAt, Instant startedAt, Instant endedAt, List<Flag> flags) {

    /** A flag the rules raised, and the rule-set version that raised it. */
    record Flag(String code, String severity, String ruleSetVersion) {
    }

    /** A page of results and how many passes match in all. */
    record Page(long total, int page, int size, List<PassRow> passes) {
    }
}
