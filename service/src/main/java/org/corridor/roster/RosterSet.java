package org.corridor.roster;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A OneRoster CSV set as Corridor reads it: the manifest's version and, for each file
 * Corridor uses, whether it is bulk (the whole collection), delta (changes only) or
 * absent, and the file's rows. Columns are checked against the 1EdTech tables for the
 * columns Corridor reads; other standard columns and {@code metadata.*} extensions are
 * ignored.
 */
final class RosterSet {

    enum Mode {

        BULK, DELTA, ABSENT

    }

    static final String ORGS = "orgs";
    static final String SESSIONS = "academicSessions";
    static final String USERS = "users";
    static final String CLASSES = "classes";
    static final String ENROLLMENTS = "enrollments";
    static final String ROLES = "roles";

    private static final List<String> COMMON = List.of("sourcedId", "status", "dateLastModified");

    private static final Map<String, List<String>> REQUIRED = Map.of(ORGS, List.of("name", "type", "parentSourcedId"),
            SESSIONS, List.of("title", "type", "startDate", "endDate", "parentSourcedId", "schoolYear"), CLASSES,
            List.of("title", "classType", "location", "schoolSourcedId", "termSourcedIds", "periods"), ENROLLMENTS,
            List.of("classSourcedId", "schoolSourcedId", "userSourcedId", "role", "primary", "beginDate", "endDate"),
            ROLES, List.of("userSourcedId", "roleType", "role", "orgSourcedId"));

    private static final List<String> USERS_1_1 = List.of("enabledUser", "orgSourcedIds", "role", "username",
            "givenName", "familyName", "identifier", "email");

    private static final List<String> USERS_1_2 = List.of("enabledUser", "username", "givenName", "familyName",
            "identifier", "email");

    final String version;

    final Map<String, Mode> modes = new LinkedHashMap<>();

    final Map<String, CsvTable> tables = new LinkedHashMap<>();

    private RosterSet(String version) {
        this.version = version;
    }

    boolean isV12() {
        return version.equals("1.2");
    }

    Mode mode(String file) {
        return modes.getOrDefault(file, Mode.ABSENT);
    }

    Optional<CsvTable> table(String file) {
        return Optional.ofNullable(tables.get(file));
    }

    /** The set, or empty after adding to the report why it cannot be read. */
    static Optional<RosterSet> read(RosterFiles files, RosterReport.Builder report) {
        Optional<RosterFiles.File> manifestFile = files.get("manifest.csv");
        if (manifestFile.isEmpty()) {
            report.errors.add(RosterProblem.of("manifest.csv",
                    "The set has no manifest.csv; every OneRoster CSV set "
                            + "starts with one (it says the version and which files are bulk or delta). Files found: "
                            + (files.names().isEmpty() ? "none" : String.join(", ", files.names())) + "."));
            return Optional.empty();
        }
        Optional<CsvTable> manifest = CsvReader.read("manifest.csv", manifestFile.get().bytes(), report.errors,
                report.warnings, report.notes);
        if (manifest.isEmpty()) {
            return Optional.empty();
        }
        if (!manifest.get().has("propertyName") || !manifest.get().has("value")) {
            report.errors
                .add(new RosterProblem("manifest.csv", 1, null, "The manifest's header must be propertyName,value."));
            return Optional.empty();
        }
        Map<String, CsvTable.Row> properties = new LinkedHashMap<>();
        manifest.get().rows().forEach(row -> properties.put(row.get("propertyName"), row));
        CsvTable.Row versionRow = properties.get("oneroster.version");
        String version = versionRow == null ? "" : versionRow.get("value");
        if (!List.of("1.0", "1.1", "1.2").contains(version)) {
            report.errors.add(new RosterProblem("manifest.csv", versionRow == null ? null : versionRow.number(),
                    "value", "oneroster.version must be 1.0, 1.1 or 1.2; got '" + version + "'."));
            return Optional.empty();
        }
        RosterSet set = new RosterSet(version);
        report.version = version;
        boolean ok = true;
        for (String file : List.of(ORGS, SESSIONS, USERS, CLASSES, ENROLLMENTS, ROLES)) {
            if (file.equals(ROLES) && !set.isV12()) {
                continue;
            }
            ok &= set.readFile(file, files, properties.get("file." + file), report);
        }
        return ok ? Optional.of(set) : Optional.empty();
    }

    private boolean readFile(String file, RosterFiles files, CsvTable.Row property, RosterReport.Builder report) {
        String name = file + ".csv";
        Optional<RosterFiles.File> found = files.get(name);
        String value = property == null ? "" : property.get("value").toLowerCase();
        Mode mode = switch (value) {
            case "bulk" -> Mode.BULK;
            case "delta" -> Mode.DELTA;
            case "absent", "" -> Mode.ABSENT;
            default -> null;
        };
        if (mode == null) {
            report.errors.add(new RosterProblem("manifest.csv", property.number(), "value",
                    "file." + file + " must be bulk, delta or absent; got '" + property.get("value") + "'."));
            return false;
        }
        if (mode == Mode.ABSENT) {
            if (found.isPresent()) {
                report.notes.add(RosterProblem.of(name,
                        property == null ? "The manifest does not list file." + file + "; the file was ignored."
                                : "The manifest says file." + file + " is absent; the file was ignored."));
            }
            return true;
        }
        if (found.isEmpty()) {
            report.errors.add(new RosterProblem("manifest.csv", property.number(), "value",
                    "The manifest lists file." + file + " as " + value + " but the set has no " + name + "."));
            return false;
        }
        modes.put(file, mode);
        report.files.put(name, mode.name().toLowerCase());
        Optional<CsvTable> table = CsvReader.read(found.get().name(), found.get().bytes(), report.errors,
                report.warnings, report.notes);
        if (table.isEmpty()) {
            return false;
        }
        boolean ok = true;
        List<String> required = new java.util.ArrayList<>(COMMON);
        required.addAll(file.equals(USERS) ? (isV12() ? USERS_1_2 : USERS_1_1) : REQUIRED.get(file));
        for (String column : required) {
            if (!table.get().has(column)) {
                report.errors.add(new RosterProblem(found.get().name(), 1, column,
                        "The header has no column " + column + " (OneRoster " + version + "); the header is: "
                                + String.join(",", table.get().header()) + "."));
                ok = false;
            }
        }
        tables.put(file, table.get());
        return ok;
    }

}
