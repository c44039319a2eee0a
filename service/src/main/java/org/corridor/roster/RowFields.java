package org.corridor.roster;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.corridor.person.Role;
import org.corridor.roster.RosterSet.Mode;
import org.corridor.problem.HiddenCharacters;

/**
 * Reads the fields of a OneRoster row the way every file needs them: each value that
 * cannot be used is reported with its file, row and column, and read as null so the
 * caller passes the row over.
 */
final class RowFields {

    static final int MAX_NAME = 100;
    static final int MAX_SECTION_NAME = 200;
    static final int MAX_EMAIL = 254;
    static final int MAX_NUMBER = 64;
    static final int MAX_SOURCE_ID = 255;

    private final RosterSet set;

    private final RosterReport.Builder report;

    RowFields(RosterSet set, RosterReport.Builder report) {
        this.set = set;
        this.report = report;
    }

    /**
     * The row's sourcedId, or null after an error (blank, too long, or already on an
     * earlier row).
     */
    String sourceId(CsvTable.Row row, Map<String, Integer> seen) {
        String id = row.get("sourcedId");
        if (id.isEmpty()) {
            report.error(row, "sourcedId", "The sourcedId is empty.");
            return null;
        }
        if (id.length() > MAX_SOURCE_ID) {
            report.error(row, "sourcedId", "The sourcedId is longer than " + MAX_SOURCE_ID + " characters.");
            return null;
        }
        Integer earlier = seen.putIfAbsent(id, row.number());
        if (earlier != null) {
            report.error(row, "sourcedId", "The sourcedId " + id + " is also on row " + earlier + ".");
            return null;
        }
        return id;
    }

    /**
     * Whether the row's status can be read. Bulk files may leave it blank or say active
     * (some exporters fill it); a delta row must say active or tobedeleted.
     */
    boolean status(CsvTable.Row row, String file) {
        String status = row.get("status");
        boolean delta = set.mode(file) == Mode.DELTA;
        if (status.equals("active") || status.equals("tobedeleted") || status.isEmpty() && !delta) {
            if (delta) {
                String modified = row.get("dateLastModified");
                if (!modified.isEmpty() && !isDateTime(modified)) {
                    report.error(row, "dateLastModified", "dateLastModified must be an ISO 8601 date and time "
                            + "(2025-08-01T00:00:00.000Z); got '" + modified + "'.");
                    return false;
                }
            }
            return true;
        }
        report.error(row, "status", (delta ? "A delta row's status must be active or tobedeleted"
                : "status must be active, tobedeleted or empty") + "; got '" + status + "'.");
        return false;
    }

    private static boolean isDateTime(String value) {
        try {
            OffsetDateTime.parse(value);
            return true;
        }
        catch (DateTimeParseException e) {
            try {
                Instant.parse(value);
                return true;
            }
            catch (DateTimeParseException again) {
                return false;
            }
        }
    }

    static boolean deleted(CsvTable.Row row) {
        return row.get("status").equals("tobedeleted");
    }

    /**
     * The text, null when blank; null after an error when required and blank, or too
     * long.
     */
    String text(CsvTable.Row row, String column, int max, boolean required) {
        String value = row.get(column);
        if (value.isEmpty()) {
            if (required) {
                report.error(row, column, column + " is empty.");
            }
            return null;
        }
        if (value.length() > max) {
            report.error(row, column, column + " is longer than " + max + " characters.");
            return null;
        }
        Optional<String> hidden = HiddenCharacters.in(value, false);
        if (hidden.isPresent()) {
            report.error(row, column, column + " " + hidden.get());
            return null;
        }
        return value;
    }

    LocalDate date(CsvTable.Row row, String column, boolean required) {
        String value = row.get(column);
        if (value.isEmpty()) {
            if (required) {
                report.error(row, column, column + " is empty.");
            }
            return null;
        }
        try {
            return LocalDate.parse(value);
        }
        catch (DateTimeParseException e) {
            report.error(row, column, column + " must be a date like 2025-08-15; got '" + value + "'.");
            return null;
        }
    }

    /**
     * Corridor's roles for the row's OneRoster role, empty for someone Corridor does not
     * hold, or null after an error. Aides, proctors and counselors work with students in
     * class and may receive or decide requests: TEACHER.
     */
    Set<Role> role(CsvTable.Row row) {
        String value = row.get("role");
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "student" -> EnumSet.of(Role.STUDENT);
            case "teacher", "aide", "proctor", "counselor" -> EnumSet.of(Role.TEACHER);
            case "administrator", "districtadministrator", "siteadministrator", "systemadministrator", "principal" ->
                EnumSet.of(Role.ADMIN);
            case "guardian", "parent", "relative" -> EnumSet.noneOf(Role.class);
            default -> {
                report.error(row, "role", "Unknown role '" + value + "'.");
                yield null;
            }
        };
    }

    /** The distinct entries of a comma-separated list, in order. */
    static List<String> list(String value) {
        return Arrays.stream(value.split(","))
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .collect(Collectors.toCollection(LinkedHashSet::new))
            .stream()
            .toList();
    }

    static String emptyToNull(String value) {
        return value.isEmpty() ? null : value;
    }

}
