package org.corridor.roster;

import java.util.Map;

import org.corridor.roster.DistrictRoster.Dates;

/**
 * Lays one OneRoster set over what the district holds and works out the result, row by
 * row, without writing: every problem goes to the report, and {@link RosterWriter} writes
 * the result only if there is no error.
 * <p>
 * A bulk file replaces its whole collection: a roster person or class missing from a bulk
 * users or classes file is removed (softly: passes and history stay), as is one whose row
 * says {@code tobedeleted} in any file. A bulk enrollments file replaces the students and
 * teachers of every roster class. Schools are never removed by an import, and nothing
 * made in Corridor itself (no source id) is ever touched.
 * <p>
 * The files are read in the order their references run: orgs, sessions, users, classes,
 * enrollments; the classes' terms and teacher warnings need the enrollments, and the
 * counts need everything.
 */
final class RosterImport {

    private final DistrictRoster roster;

    private final RosterReport.Builder report;

    private final RosterSet set;

    private final OrgsFile orgs;

    private final SessionsFile sessions;

    private final UsersFile users;

    private final ClassesFile classes;

    private final EnrollmentsFile enrollments;

    /** The result: enrolments of roster sections by section id, then student id. */
    final Map<String, Map<String, Dates>> enrolmentsAfter;

    /** Rooms to create: school id, then name, to new id. */
    final Map<String, Map<String, String>> newRooms;

    RosterImport(RosterSet set, DistrictRoster roster, RosterReport.Builder report, String defaultTimeZone) {
        this.roster = roster;
        this.report = report;
        this.set = set;
        RowFields fields = new RowFields(set, report);
        orgs = new OrgsFile(set, roster, fields, report, defaultTimeZone);
        sessions = new SessionsFile(set, roster, fields, report);
        users = new UsersFile(set, roster, orgs, fields, report);
        classes = new ClassesFile(set, roster, orgs, fields, report);
        enrollments = new EnrollmentsFile(set, roster, orgs, users, fields, report);
        enrolmentsAfter = enrollments.enrolmentsAfter;
        newRooms = classes.newRooms;
    }

    /** The sourcedId of the set's district org, if it has one. */
    String districtOrg() {
        return orgs.districtOrg();
    }

    void run() {
        orgs.read();
        sessions.read();
        users.read();
        classes.read();
        enrollments.read();
        classes.termsAndWarnings();
        new SectionEdits(set, roster, report).apply();
        RosterCounts.count(roster, enrolmentsAfter, report);
    }

    /**
     * Tells the administrator which new schools start with the starter destinations; once
     * they are written.
     */
    void noteStarterDestinations() {
        orgs.noteStarterDestinations();
    }

}
