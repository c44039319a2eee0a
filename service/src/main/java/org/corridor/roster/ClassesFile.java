package org.corridor.roster;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import org.corridor.roster.DistrictRoster.SchoolRow;
import org.corridor.roster.DistrictRoster.SectionData;
import org.corridor.roster.DistrictRoster.SectionRow;
import org.corridor.roster.DistrictRoster.SessionData;
import org.corridor.roster.DistrictRoster.SessionRow;

/**
 * The classes file: Corridor's sections, with their school, room, periods and terms. A
 * room is found by name in the school or made; periods are matched by name to the
 * school's bell schedule, which an administrator keeps in Corridor, so a period it lacks
 * is a warning, not an error. Teachers come later, from enrollments.
 */
final class ClassesFile extends CollectionFile<SectionRow> {

    private final OrgsFile orgs;

    /** Classes named by an active row of the classes file. */
    private final Set<String> classesInFile = new HashSet<>();

    /** Rooms to create: school id, then name, to new id. */
    final Map<String, Map<String, String>> newRooms = new HashMap<>();

    ClassesFile(RosterSet set, DistrictRoster roster, OrgsFile orgs, RowFields fields, RosterReport.Builder report) {
        super(RosterSet.CLASSES, set, roster, fields, report, roster.sectionsBySource,
                section -> section.before != null);
        this.orgs = orgs;
    }

    @Override
    void active(CsvTable.Row row, String id, SectionRow section) {
        String name = fields.text(row, "title", RowFields.MAX_SECTION_NAME, true);
        String schoolSource = fields.text(row, "schoolSourcedId", RowFields.MAX_SOURCE_ID, true);
        if (name == null || schoolSource == null) {
            return;
        }
        SchoolRow school = orgs.schoolOf(row, "schoolSourcedId", schoolSource);
        if (school == null) {
            return;
        }
        String roomName = fields.text(row, "location", RowFields.MAX_NAME, false);
        String roomId = roomName == null ? null : room(school.id, roomName);
        Set<String> periods = periods(row);
        List<String> terms = RowFields.list(row.get("termSourcedIds"));
        for (String term : terms) {
            SessionRow session = roster.sessions.get(term);
            if (session == null || session.after == null || session.after.removed()) {
                report.error(row, "termSourcedIds",
                        "There is no academic session " + term + " in academicSessions.csv or in Corridor.");
            }
        }
        String termIds = terms.isEmpty() ? null : String.join(",", terms);
        if (termIds != null && termIds.length() > 2000) {
            report.error(row, "termSourcedIds", "The class lists too many terms.");
            return;
        }
        if (section == null) {
            section = new SectionRow();
            section.id = UUID.randomUUID().toString();
            section.sourceId = id;
            roster.sectionsBySource.put(id, section);
        }
        SectionData before = section.after;
        section.after = new SectionData(school.id, name, roomId, before == null ? null : before.mainTeacherId(),
                termIds, null, null, periods, before == null ? new HashSet<>() : before.coTeachers(), false);
        classesInFile.add(id);
        if (roomName == null) {
            report.warning(row, "location", "Class " + name + " names no room: its passes will show no room.");
        }
        periodWarnings(row, name, school, periods);
    }

    private Set<String> periods(CsvTable.Row row) {
        Set<String> periods = new TreeSet<>();
        for (String period : RowFields.list(row.get("periods"))) {
            if (period.length() > RowFields.MAX_NAME) {
                report.error(row, "periods", "The period name '" + period.substring(0, 20) + "...' is longer than "
                        + RowFields.MAX_NAME + " characters.");
            }
            else {
                periods.add(period);
            }
        }
        return periods;
    }

    private void periodWarnings(CsvTable.Row row, String name, SchoolRow school, Set<String> periods) {
        if (periods.isEmpty()) {
            report.warning(row, "periods", "Class " + name + " meets in no period: its students cannot be routed "
                    + "from it until the roster names one.");
            return;
        }
        Set<String> known = roster.periodNamesBySchool.getOrDefault(school.id, Set.of());
        for (String period : periods) {
            if (!known.contains(period)) {
                report.warning(row, "periods",
                        "Class " + name + " meets in period '" + period + "', which is "
                                + "not in the bell schedule of school " + school.name
                                + ": its requests will be refused " + "until an administrator adds it.");
            }
        }
    }

    private String room(String schoolId, String name) {
        String existing = roster.roomsBySchool.getOrDefault(schoolId, Map.of()).get(name);
        if (existing != null) {
            return existing;
        }
        // Room names compare ignoring case, as MariaDB's unique key on them does.
        return newRooms.computeIfAbsent(schoolId, k -> new TreeMap<>(String.CASE_INSENSITIVE_ORDER))
            .computeIfAbsent(name, k -> UUID.randomUUID().toString());
    }

    @Override
    void remove(SectionRow section) {
        SectionData d = section.after;
        section.after = new SectionData(d.schoolId(), d.name(), d.roomId(), d.mainTeacherId(), d.termSourceIds(),
                d.termStartsOn(), d.termEndsOn(), d.periods(), d.coTeachers(), true);
    }

    /**
     * Every roster section's term is the span of its sessions now, so a delta that moves
     * a session moves it. Runs after enrollments, which name the teachers a class of this
     * file must have.
     */
    void termsAndWarnings() {
        for (SectionRow section : roster.sectionsBySource.values()) {
            SectionData d = section.after;
            LocalDate start = null;
            LocalDate end = null;
            if (d.termSourceIds() != null) {
                List<SessionData> terms = Arrays.stream(d.termSourceIds().split(","))
                    .map(roster.sessions::get)
                    .filter(Objects::nonNull)
                    .map(s -> s.after)
                    .filter(Objects::nonNull)
                    .toList();
                start = terms.stream().map(SessionData::startsOn).min(LocalDate::compareTo).orElse(null);
                end = terms.stream().map(SessionData::endsOn).max(LocalDate::compareTo).orElse(null);
            }
            section.after = new SectionData(d.schoolId(), d.name(), d.roomId(), d.mainTeacherId(), d.termSourceIds(),
                    start, end, d.periods(), d.coTeachers(), d.removed());
            if (classesInFile.contains(section.sourceId) && !d.removed() && section.after.mainTeacherId() == null) {
                report.warnings.add(RosterProblem.of(set.table(RosterSet.CLASSES).map(CsvTable::file).orElse(null),
                        "Class " + d.name() + " (" + section.sourceId + ") has no teacher: its students' requests will "
                                + "be refused until the roster names one."));
            }
        }
    }

}
