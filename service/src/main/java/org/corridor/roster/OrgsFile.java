package org.corridor.roster;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

import org.corridor.location.StarterDestinations;
import org.corridor.roster.DistrictRoster.SchoolRow;
import org.corridor.roster.RosterSet.Mode;

/**
 * The orgs file: the district org, which must be the district the roster was first
 * imported for, and its schools. Corridor keeps schools only, and never removes one by an
 * import; other orgs (departments, states...) are remembered so a reference to one gets a
 * precise error.
 */
final class OrgsFile extends OneRosterFile {

    private final String defaultTimeZone;

    /**
     * Orgs of the set that are not schools or the district (departments...), by
     * sourcedId, with their type.
     */
    private final Map<String, String> otherOrgs = new HashMap<>();

    private String districtOrg;

    OrgsFile(RosterSet set, DistrictRoster roster, RowFields fields, RosterReport.Builder report,
            String defaultTimeZone) {
        super(set, roster, fields, report);
        this.defaultTimeZone = defaultTimeZone;
    }

    /** The sourcedId of the set's district org, if it has one. */
    String districtOrg() {
        return districtOrg;
    }

    @Override
    void read() {
        Optional<CsvTable> table = set.table(RosterSet.ORGS);
        if (table.isEmpty()) {
            return;
        }
        List<CsvTable.Row> districts = new ArrayList<>();
        FileRows.walk(table.get(), RosterSet.ORGS, fields, (row, id, deleted) -> {
            String type = row.get("type");
            switch (type) {
                case "district" -> {
                    if (!deleted) {
                        districts.add(row);
                    }
                }
                case "school" -> {
                    if (deleted) {
                        report.note(row, "status", "Corridor keeps schools: school " + id + " was not removed. Its "
                                + "classes and people are removed by their own rows.");
                    }
                    else {
                        school(row, id);
                    }
                }
                case "department", "local", "state", "national" -> otherOrgs.put(id, type);
                default -> report.error(row, "type", "The org type must be district, school, department, local, "
                        + "state or national; got '" + type + "'.");
            }
        });
        district(table.get(), districts);
        if (!otherOrgs.isEmpty()) {
            report.notes.add(RosterProblem.of(table.get().file(),
                    otherOrgs.size() + " org(s) are neither the district " + "nor a school ("
                            + String.join(", ", new TreeSet<>(otherOrgs.values())) + "); Corridor does not "
                            + "keep them."));
        }
    }

    private void district(CsvTable table, List<CsvTable.Row> districts) {
        if (districts.size() > 1) {
            districts.forEach(row -> report.error(row, "type",
                    "The set has " + districts.size() + " district orgs; a roster belongs to one district."));
        }
        else if (districts.size() == 1) {
            CsvTable.Row row = districts.get(0);
            districtOrg = row.get("sourcedId");
            if (roster.districtSourceId != null && !roster.districtSourceId.equals(districtOrg)) {
                report.error(row, "sourcedId", "This roster belongs to another district: its district org is "
                        + districtOrg + " but your district was imported from " + roster.districtSourceId + ".");
            }
        }
        else if (set.mode(RosterSet.ORGS) == Mode.BULK) {
            report.errors.add(RosterProblem.of(table.file(),
                    "A bulk orgs file must hold the district org " + "(type district)."));
        }
    }

    private void school(CsvTable.Row row, String id) {
        String name = fields.text(row, "name", RowFields.MAX_NAME * 2, true);
        if (name == null) {
            return;
        }
        SchoolRow school = roster.schoolsBySource.get(id);
        if (school == null) {
            school = new SchoolRow();
            school.id = UUID.randomUUID().toString();
            school.sourceId = id;
            school.name = name;
            school.timeZone = defaultTimeZone;
            school.isNew = true;
            roster.schoolsBySource.put(id, school);
            roster.schoolsById.put(school.id, school);
        }
        else if (!school.name.equals(name)) {
            school.name = name;
            school.changed = true;
        }
    }

    /**
     * Tells the administrator which new schools start with the starter destinations; once
     * they are written.
     */
    void noteStarterDestinations() {
        String file = set.table(RosterSet.ORGS).map(CsvTable::file).orElse(null);
        roster.schoolsBySource.values()
            .stream()
            .filter(s -> s.isNew)
            .sorted(Comparator.comparing(s -> s.name))
            .forEach(s -> report.notes.add(RosterProblem.of(file, "School " + s.name + " was created with the "
                    + "starter destinations " + StarterDestinations.described() + ": all open, none for auto "
                    + "passes. Change them at /api/admin/schools/" + s.id + "/locations (PUT .../locations/{id} "
                    + "changes one, POST /api/admin/schools/" + s.id + "/destinations adds one).")));
    }

    /** The school a row names, or null after an error naming why. */
    SchoolRow schoolOf(CsvTable.Row row, String column, String id) {
        SchoolRow school = roster.schoolsBySource.get(id);
        if (school != null) {
            return school;
        }
        if (otherOrgs.containsKey(id)) {
            report.error(row, column, "Org " + id + " is a " + otherOrgs.get(id) + ", not a school.");
        }
        else if (id.equals(districtOrg) || id.equals(roster.districtSourceId)) {
            report.error(row, column, "Org " + id + " is the district, not a school.");
        }
        else {
            report.error(row, column, "There is no school " + id + " in orgs.csv or in Corridor.");
        }
        return null;
    }

    /**
     * Whether an org a user belongs to is one Corridor knows but does not keep: the
     * district or another org.
     */
    boolean isDistrictOrOther(String org) {
        return org.equals(districtOrg) || org.equals(roster.districtSourceId) || otherOrgs.containsKey(org);
    }

}
