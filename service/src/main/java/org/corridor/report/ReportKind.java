package org.corridor.report;

import java.util.Arrays;
import java.util.Optional;

/** The reports there are, by the name in their URL. */
public enum ReportKind {

    /** Passes per day of the school's calendar. */
    BY_DAY("by-day"),
    /** Passes per hour of the school's clock. */
    BY_HOUR("by-hour"),
    /** Passes per destination. */
    BY_DESTINATION("by-destination"),
    /** Passes per teacher of the section the student left. */
    BY_TEACHER("by-teacher"),
    /** Passes per grade level of the student. */
    BY_GRADE("by-grade"),
    /** The students with the most passes (top N). */
    BY_STUDENT("by-student"),
    /** Flags raised per rule, and what teachers did with the flagged requests. */
    BY_RULE("by-rule"),
    /** No-contact conflicts flagged, by what became of the request. */
    NO_CONTACT("no-contact"),
    /** Passes that ran long, by how they ended. */
    LONG_RUNNING("long-running");

    private final String path;

    ReportKind(String path) {
        this.path = path;
    }

    public String path() {
        return path;
    }

    static Optional<ReportKind> of(String path) {
        return Arrays.stream(values()).filter(k -> k.path.equals(path)).findFirst();
    }

    static String names() {
        return String.join(", ", Arrays.stream(values()).map(ReportKind::path).toList());
    }

}
