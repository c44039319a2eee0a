package org.corridor.report;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A report of one school's passes requested from {@code from} (inclusive) to {@code to}
 * (exclusive), both on the school's clock with their offset.
 */
public record Report(String kind, String schoolId, String timeZone, String from, String to, List<Row> rows) {

    /**
     * One group: its key (a date, an hour, an id, a grade, a rule's code or an outcome),
     * what to call it, the passes in it, how many of them went out, and the minutes out
     * of those that came back (total and median). The by-rule and no-contact reports also
     * count what teachers and the policy decided.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Row(String key, String label, long count, long out, Double totalMinutes, Double medianMinutes,
            Long approvedOver, Long denied, Long blocked) {
    }

}
