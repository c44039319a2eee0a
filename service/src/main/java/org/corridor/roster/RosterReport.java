package org.corridor.roster;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What an import did or would have done: the outcome, the counts per kind and every
 * problem found. The same body answers an applied import (200) and a rejected one (422,
 * inside a problem body).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RosterReport(String outcome, String importId, String onerosterVersion, Map<String, String> files,
        Map<String, Count> counts, List<RosterProblem> errors, List<RosterProblem> warnings, List<RosterProblem> notes,
        String summary) {

    public static final String APPLIED = "APPLIED";

    public static final String REJECTED = "REJECTED";
    static final List<String> KINDS = List.of("schools", "academicSessions", "users", "sections", "enrollments");

    /**
     * How many of one kind the import created, changed, found already up to date, or
     * removed.
     */
    public static final class Count {

        public int created;

        public int updated;

        public int unchanged;

        public int removed;

        @Override
        public String toString() {
            return created + "/" + updated + "/" + unchanged + "/" + removed;
        }

    }

    boolean applied() {
        return APPLIED.equals(outcome);
    }

    /** Gathers problems and counts while an import runs. */
    static final class Builder {

        final List<RosterProblem> errors = new ArrayList<>();

        final List<RosterProblem> warnings = new ArrayList<>();

        final List<RosterProblem> notes = new ArrayList<>();

        final Map<String, Count> counts = new LinkedHashMap<>();

        final Map<String, String> files = new LinkedHashMap<>();

        String version;

        Builder() {
            KINDS.forEach(kind -> counts.put(kind, new Count()));
        }

        Count count(String kind) {
            return counts.get(kind);
        }

        void error(CsvTable.Row row, String column, String reason) {
            errors.add(new RosterProblem(row.file(), row.number(), column, reason));
        }

        void warning(CsvTable.Row row, String column, String reason) {
            warnings.add(new RosterProblem(row.file(), row.number(), column, reason));
        }

        void note(CsvTable.Row row, String column, String reason) {
            notes.add(new RosterProblem(row.file(), row.number(), column, reason));
        }

        RosterReport build(String importId) {
            boolean applied = errors.isEmpty();
            String summary = applied ? "The roster was imported: " + totals() + "." : "The roster was rejected with "
                    + errors.size() + " error(s); nothing was changed. Fix them and " + "import the whole set again.";
            if (!applied) {
                counts.replaceAll((kind, count) -> new Count());
            }
            return new RosterReport(applied ? APPLIED : REJECTED, importId, version, files, counts, errors, warnings,
                    notes, summary + (warnings.isEmpty() ? "" : " " + warnings.size() + " warning(s)."));
        }

        private String totals() {
            List<String> parts = new ArrayList<>();
            counts.forEach((kind, c) -> parts.add(kind + " " + c.created + " created, " + c.updated + " updated, "
                    + c.unchanged + " unchanged, " + c.removed + " removed"));
            return String.join("; ", parts);
        }

    }
}
