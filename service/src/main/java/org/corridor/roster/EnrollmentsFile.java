package org.corridor.roster;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.corridor.person.Role;
import org.corridor.roster.DistrictRoster.Dates;
import org.corridor.roster.DistrictRoster.PersonRow;
import org.corridor.roster.DistrictRoster.SectionData;
import org.corridor.roster.DistrictRoster.SectionRow;
import org.corridor.roster.RosterSet.Mode;

/**
 * The enrollments file: who learns and who teaches in each class. A bulk file replaces
 * the students and teachers of every roster class; a delta adds and removes them one by
 * one. Only students and teachers belong to a class in Corridor.
 */
final class EnrollmentsFile extends OneRosterFile {

    private record Teaching(String personId, boolean primary, CsvTable.Row row) {
    }

    private final OrgsFile orgs;

    private final UsersFile users;

    /** The result: enrolments of roster sections by section id, then student id. */
    final Map<String, Map<String, Dates>> enrolmentsAfter = new HashMap<>();

    private final Map<String, Map<String, List<Dates>>> students = new LinkedHashMap<>();

    private final Map<String, Map<String, Teaching>> teachers = new LinkedHashMap<>();

    private final Map<String, Set<String>> deletedStudents = new HashMap<>();

    private final Map<String, Set<String>> deletedTeachers = new HashMap<>();

    private int skipped;

    EnrollmentsFile(RosterSet set, DistrictRoster roster, OrgsFile orgs, UsersFile users, RowFields fields,
            RosterReport.Builder report) {
        super(set, roster, fields, report);
        this.orgs = orgs;
        this.users = users;
    }

    @Override
    void read() {
        for (SectionRow section : roster.sectionsBySource.values()) {
            Map<String, Dates> before = roster.enrolmentsBefore.get(section.id);
            enrolmentsAfter.put(section.id, before == null ? new HashMap<>() : new HashMap<>(before));
        }
        Optional<CsvTable> table = set.table(RosterSet.ENROLLMENTS);
        if (table.isEmpty()) {
            return;
        }
        boolean bulk = set.mode(RosterSet.ENROLLMENTS) == Mode.BULK;
        FileRows.walk(table.get(), RosterSet.ENROLLMENTS, fields, this::row);
        if (skipped > 0) {
            report.notes.add(RosterProblem.of(table.get().file(), skipped + " enrollment(s) of administrators, "
                    + "guardians, parents or relatives were skipped: only students and teachers belong to a class."));
        }
        for (SectionRow section : roster.sectionsBySource.values()) {
            Map<String, Dates> after = enrolmentsAfter.get(section.id);
            if (bulk) {
                after.clear();
            }
            else {
                deletedStudents.getOrDefault(section.id, Set.of()).forEach(after::remove);
            }
            students.getOrDefault(section.id, Map.of()).forEach((student, ranges) -> after.put(student, union(ranges)));
            teachers(section, teachers.get(section.id), deletedTeachers.getOrDefault(section.id, Set.of()), bulk);
        }
    }

    private void row(CsvTable.Row row, String id, boolean deleted) {
        String classId = row.get("classSourcedId");
        String userId = row.get("userSourcedId");
        SectionRow section = roster.sectionsBySource.get(classId);
        PersonRow person = roster.peopleBySource.get(userId);
        if (section == null || section.after == null) {
            report.error(row, "classSourcedId", "There is no class " + classId + " in classes.csv or in Corridor.");
            return;
        }
        if (users.skipped(userId)) {
            skipped++;
            return;
        }
        if (person == null || person.after == null) {
            report.error(row, "userSourcedId", "There is no user " + userId + " in users.csv or in Corridor.");
            return;
        }
        String school = row.get("schoolSourcedId");
        if (!school.isEmpty() && orgs.schoolOf(row, "schoolSourcedId", school) == null) {
            return;
        }
        String primary = row.get("primary").toLowerCase(Locale.ROOT);
        if (!List.of("", "true", "false").contains(primary)) {
            report.error(row, "primary", "primary must be true, false or empty; got '" + row.get("primary") + "'.");
            return;
        }
        LocalDate begins = fields.date(row, "beginDate", false);
        LocalDate ends = fields.date(row, "endDate", false);
        if (!row.get("beginDate").isEmpty() && begins == null || !row.get("endDate").isEmpty() && ends == null) {
            return;
        }
        Set<Role> roles = fields.role(row);
        if (roles == null) {
            return;
        }
        if (roles.contains(Role.STUDENT)) {
            if (deleted) {
                deletedStudents.computeIfAbsent(section.id, k -> new HashSet<>()).add(person.id);
            }
            else {
                students.computeIfAbsent(section.id, k -> new LinkedHashMap<>())
                    .computeIfAbsent(person.id, k -> new ArrayList<>())
                    .add(new Dates(begins, ends));
            }
        }
        else if (roles.contains(Role.TEACHER)) {
            if (deleted) {
                deletedTeachers.computeIfAbsent(section.id, k -> new HashSet<>()).add(person.id);
            }
            else {
                Map<String, Teaching> teaching = teachers.computeIfAbsent(section.id, k -> new LinkedHashMap<>());
                Teaching earlier = teaching.get(person.id);
                if (earlier == null || !earlier.primary() && primary.equals("true")) {
                    teaching.put(person.id, new Teaching(person.id, primary.equals("true"), row));
                }
            }
        }
        else {
            skipped++;
        }
    }

    /**
     * The span of an active pair's rows (OneRoster splits one class membership by
     * semester).
     */
    private static Dates union(List<Dates> ranges) {
        LocalDate begins = ranges.stream().anyMatch(r -> r.beginsOn() == null) ? null
                : ranges.stream().map(Dates::beginsOn).min(LocalDate::compareTo).orElse(null);
        LocalDate ends = ranges.stream().anyMatch(r -> r.endsOn() == null) ? null
                : ranges.stream().map(Dates::endsOn).max(LocalDate::compareTo).orElse(null);
        return new Dates(begins, ends);
    }

    /**
     * The class's main teacher and co-teachers after the file: requests go to the main
     * teacher, so the first primary one wins, and without a primary the first teacher
     * listed.
     */
    private void teachers(SectionRow section, Map<String, Teaching> rows, Set<String> deleted, boolean bulk) {
        SectionData d = section.after;
        String main = bulk ? null : d.mainTeacherId();
        Set<String> co = bulk ? new HashSet<>() : new HashSet<>(d.coTeachers());
        if (main != null && deleted.contains(main)) {
            main = null;
        }
        co.removeAll(deleted);
        if (rows != null) {
            List<Teaching> primaries = rows.values().stream().filter(Teaching::primary).toList();
            if (!primaries.isEmpty()) {
                if (main != null && !main.equals(primaries.get(0).personId())) {
                    co.add(main);
                }
                main = primaries.get(0).personId();
                for (Teaching other : primaries.subList(1, primaries.size())) {
                    report.warning(other.row(), "primary", "Class " + d.name() + " has more than one primary teacher; "
                            + "requests go to the first, the others are co-teachers.");
                }
            }
            rows.values().stream().map(Teaching::personId).forEach(co::add);
            if (main == null && !co.isEmpty()) {
                Teaching first = rows.values().iterator().next();
                main = first.personId();
                report.warning(first.row(), "primary",
                        "Class " + d.name() + " has no primary teacher; requests go to " + "the first teacher listed.");
            }
        }
        if (main != null) {
            co.remove(main);
        }
        section.after = new SectionData(d.schoolId(), d.name(), d.roomId(), main, d.termSourceIds(), d.termStartsOn(),
                d.termEndsOn(), d.periods(), co, d.removed());
    }

}
