package org.corridor.roster;

import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.corridor.roster.DistrictRoster.SectionData;
import org.corridor.roster.DistrictRoster.SectionRow;

/**
 * What an import does to a class's periods, room and main teacher that an administrator
 * set in Corridor ({@code PUT /api/admin/sections/{id}}, table {@code section_edit}): an
 * import that sends the value the roster had when the administrator changed it keeps the
 * administrator's choice; one that sends another value wins, with a note in the report,
 * and the field is the roster's again from then on. An import that does not touch the
 * class changes nothing.
 */
final class SectionEdits {

    static final String PERIODS = "periods";

    static final String ROOM = "room";

    static final String MAIN_TEACHER = "mainTeacher";

    private final RosterSet set;

    private final DistrictRoster roster;

    private final RosterReport.Builder report;

    SectionEdits(RosterSet set, DistrictRoster roster, RosterReport.Builder report) {
        this.set = set;
        this.roster = roster;
        this.report = report;
    }

    void apply() {
        for (SectionRow section : roster.sectionsBySource.values()) {
            Map<String, String> edits = roster.sectionEdits.get(section.id);
            if (edits == null || section.before == null || section.after == null || section.after.removed()) {
                continue;
            }
            SectionData mine = section.before;
            SectionData d = section.after;
            Set<String> periods = d.periods();
            String room = d.roomId();
            String teacher = d.mainTeacherId();
            Set<String> coTeachers = d.coTeachers();
            if (edits.containsKey(PERIODS)) {
                String sent = joined(d.periods());
                String held = joined(mine.periods());
                if (!Objects.equals(sent, held)) {
                    if (Objects.equals(sent, edits.get(PERIODS))) {
                        periods = mine.periods();
                    }
                    else {
                        replaced(section, PERIODS, RosterSet.CLASSES, "periods",
                                "Class " + d.name() + " (" + section.sourceId + "): the roster now gives periods "
                                        + list(d.periods()) + ", which replace the periods " + list(mine.periods())
                                        + " an administrator set in Corridor.");
                    }
                }
            }
            if (edits.containsKey(ROOM) && !Objects.equals(d.roomId(), mine.roomId())) {
                if (Objects.equals(d.roomId(), edits.get(ROOM))) {
                    room = mine.roomId();
                }
                else {
                    replaced(section, ROOM, RosterSet.CLASSES, "location",
                            "Class " + d.name() + " (" + section.sourceId
                                    + "): the roster now names another room, which replaces the room an "
                                    + "administrator set in Corridor.");
                }
            }
            if (edits.containsKey(MAIN_TEACHER) && !Objects.equals(d.mainTeacherId(), mine.mainTeacherId())) {
                if (Objects.equals(d.mainTeacherId(), edits.get(MAIN_TEACHER))) {
                    teacher = mine.mainTeacherId();
                    if (teacher != null && coTeachers.contains(teacher)) {
                        coTeachers = new HashSet<>(coTeachers);
                        coTeachers.remove(teacher);
                    }
                }
                else {
                    replaced(section, MAIN_TEACHER, RosterSet.ENROLLMENTS, "userSourcedId",
                            "Class " + d.name() + " (" + section.sourceId + "): the roster now names another main "
                                    + "teacher, who replaces the main teacher an administrator set in Corridor.");
                }
            }
            section.after = new SectionData(d.schoolId(), d.name(), room, teacher, d.termSourceIds(), d.termStartsOn(),
                    d.termEndsOn(), periods, coTeachers, d.removed());
        }
    }

    private void replaced(SectionRow section, String field, String file, String column, String reason) {
        roster.editsReplaced.add(new Object[] { section.id, field });
        report.notes
            .add(new RosterProblem(set.table(file).map(CsvTable::file).orElse(file + ".csv"), null, column, reason));
    }

    /** As the section editor stores periods: sorted names, one a line; none is null. */
    static String joined(Set<String> periods) {
        return periods == null || periods.isEmpty() ? null : String.join("\n", new TreeSet<>(periods));
    }

    private static String list(Set<String> periods) {
        return periods.isEmpty() ? "(none)" : String.join(", ", new TreeSet<>(periods));
    }

}
