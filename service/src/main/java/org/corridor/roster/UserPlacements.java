package org.corridor.roster;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.corridor.person.Role;
import org.corridor.roster.DistrictRoster.PersonRow;
import org.corridor.roster.DistrictRoster.SchoolRow;

/**
 * Where each user of the set belongs: their Corridor roles and school. OneRoster 1.1 says
 * it on the user's row (role, orgSourcedIds); 1.2 moves it to roles.csv, a row per role
 * and org, with one of them primary.
 */
final class UserPlacements {

    /**
     * A user's school (the first or primary one; null for district staff), roles, and how
     * many schools.
     */
    record Placement(String schoolId, Set<Role> roles, int schools) {
    }

    private final RosterSet set;

    private final DistrictRoster roster;

    private final OrgsFile orgs;

    private final RowFields fields;

    private final RosterReport.Builder report;

    private final Map<String, List<CsvTable.Row>> rolesByUser = new HashMap<>();

    UserPlacements(RosterSet set, DistrictRoster roster, OrgsFile orgs, RowFields fields, RosterReport.Builder report) {
        this.set = set;
        this.roster = roster;
        this.orgs = orgs;
        this.fields = fields;
        this.report = report;
        set.table(RosterSet.ROLES)
            .ifPresent(table -> FileRows.walk(table, RosterSet.ROLES, fields, (row, id, deleted) -> {
                if (!deleted) {
                    rolesByUser.computeIfAbsent(row.get("userSourcedId"), k -> new ArrayList<>()).add(row);
                }
            }));
    }

    /** The user's placement, or null after an error. */
    Placement of(CsvTable.Row row, String id, PersonRow existing) {
        return set.isV12() ? placementV12(row, id, rolesByUser.get(id), existing) : placementV11(row);
    }

    private Placement placementV11(CsvTable.Row row) {
        Set<Role> roles = fields.role(row);
        if (roles == null) {
            return null;
        }
        List<String> orgIds = RowFields.list(row.get("orgSourcedIds"));
        if (orgIds.isEmpty()) {
            report.error(row, "orgSourcedIds", "The user belongs to no org.");
            return null;
        }
        List<SchoolRow> schools = new ArrayList<>();
        for (String org : orgIds) {
            if (roster.schoolsBySource.containsKey(org)) {
                schools.add(roster.schoolsBySource.get(org));
            }
            else if (!orgs.isDistrictOrOther(org)) {
                report.error(row, "orgSourcedIds", "There is no org " + org + " in orgs.csv or in Corridor.");
                return null;
            }
        }
        return new Placement(schools.isEmpty() ? null : schools.get(0).id, roles, schools.size());
    }

    /**
     * A 1.2 delta may change a user's row without repeating their roles: they keep the
     * ones Corridor holds.
     */
    private Placement placementV12(CsvTable.Row row, String id, List<CsvTable.Row> roleRows, PersonRow existing) {
        if (roleRows == null || roleRows.isEmpty()) {
            if (existing != null) {
                return new Placement(existing.after.schoolId(), existing.after.roles(), 1);
            }
            report.error(row, "sourcedId", "User " + id + " has no role in roles.csv.");
            return null;
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        List<SchoolRow> schools = new ArrayList<>();
        for (CsvTable.Row roleRow : roleRows) {
            Set<Role> mapped = fields.role(roleRow);
            if (mapped == null) {
                return null;
            }
            roles.addAll(mapped);
            String org = roleRow.get("orgSourcedId");
            SchoolRow school = roster.schoolsBySource.get(org);
            if (school != null) {
                if (roleRow.get("roleType").equalsIgnoreCase("primary")) {
                    schools.add(0, school);
                }
                else {
                    schools.add(school);
                }
            }
            else if (!orgs.isDistrictOrOther(org)) {
                report.error(roleRow, "orgSourcedId", "There is no org " + org + " in orgs.csv or in Corridor.");
                return null;
            }
        }
        SchoolRow primary = roster.schoolsBySource.get(row.get("primaryOrgSourcedId"));
        if (primary != null) {
            schools.add(0, primary);
        }
        return new Placement(schools.isEmpty() ? null : schools.get(0).id, roles,
                (int) schools.stream().distinct().count());
    }

}
