package org.corridor.roster;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.corridor.roster.DistrictRoster.Dates;
import org.corridor.roster.DistrictRoster.PersonData;
import org.corridor.roster.DistrictRoster.SectionData;
import org.corridor.roster.DistrictRoster.SectionRow;
import org.corridor.roster.DistrictRoster.SessionData;

/**
 * Counts, per kind, what the import creates, changes, leaves alone and removes, by
 * comparing each row before and after. A section's teachers count as enrollments, not as
 * a change to the section.
 */
final class RosterCounts {

    private RosterCounts() {
    }

    static void count(DistrictRoster roster, Map<String, Map<String, Dates>> enrolmentsAfter,
            RosterReport.Builder report) {
        RosterReport.Count schools = report.count("schools");
        roster.schoolsBySource.values().forEach(s -> {
            if (s.isNew) {
                schools.created++;
            }
            else if (s.changed) {
                schools.updated++;
            }
            else {
                schools.unchanged++;
            }
        });
        RosterReport.Count sessions = report.count("academicSessions");
        roster.sessions.values().forEach(s -> tally(sessions, s.before, s.after, SessionData::removed));
        RosterReport.Count users = report.count("users");
        roster.peopleBySource.values().forEach(p -> tally(users, p.before, p.after, PersonData::removed));
        RosterReport.Count sections = report.count("sections");
        roster.sectionsBySource.values()
            .forEach(s -> tally(sections, withoutTeachers(s.before), withoutTeachers(s.after), SectionData::removed));
        RosterReport.Count enrollments = report.count("enrollments");
        for (SectionRow section : roster.sectionsBySource.values()) {
            tally(enrollments, roster.enrolmentsBefore.getOrDefault(section.id, Map.of()),
                    enrolmentsAfter.getOrDefault(section.id, Map.of()));
            tally(enrollments, teaching(section.before), teaching(section.after));
        }
    }

    /**
     * Tallies one section's members (students with their dates, or teachers with how they
     * teach).
     */
    private static <V> void tally(RosterReport.Count count, Map<String, V> before, Map<String, V> after) {
        after.forEach((member, how) -> {
            if (!before.containsKey(member)) {
                count.created++;
            }
            else if (!before.get(member).equals(how)) {
                count.updated++;
            }
            else {
                count.unchanged++;
            }
        });
        count.removed += (int) before.keySet().stream().filter(m -> !after.containsKey(m)).count();
    }

    private static Map<String, String> teaching(SectionData d) {
        Map<String, String> teaching = new HashMap<>();
        if (d != null) {
            d.coTeachers().forEach(t -> teaching.put(t, "co"));
            if (d.mainTeacherId() != null) {
                teaching.put(d.mainTeacherId(), "main");
            }
        }
        return teaching;
    }

    private static SectionData withoutTeachers(SectionData d) {
        return d == null ? null : new SectionData(d.schoolId(), d.name(), d.roomId(), null, d.termSourceIds(),
                d.termStartsOn(), d.termEndsOn(), d.periods(), Set.of(), d.removed());
    }

    private static <T> void tally(RosterReport.Count count, T before, T after, Predicate<T> removed) {
        if (after == null) {
            return;
        }
        if (before == null) {
            if (!removed.test(after)) {
                count.created++;
            }
        }
        else if (before.equals(after)) {
            count.unchanged++;
        }
        else if (removed.test(after) && !removed.test(before)) {
            count.removed++;
        }
        else {
            count.updated++;
        }
    }

}
