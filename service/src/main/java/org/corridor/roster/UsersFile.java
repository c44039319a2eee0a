package org.corridor.roster;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.corridor.person.Person;
import org.corridor.person.Role;
import org.corridor.roster.DistrictRoster.PersonData;
import org.corridor.roster.DistrictRoster.PersonRow;
import org.corridor.roster.UserPlacements.Placement;

/**
 * The users file: students, teachers and administrators. A disabled user is removed like
 * a deleted one, since they must not sign in; guardians, parents and relatives are not
 * Corridor users and are skipped. Emails and student numbers must be unique in the
 * district, whoever made the other person.
 */
final class UsersFile extends CollectionFile<PersonRow> {

    /** The width of {@code person.grade}. */
    static final int MAX_GRADE = 16;

    private final OrgsFile orgs;

    private UserPlacements placements;

    /** Users the set names but Corridor does not hold (guardians, parents, relatives). */
    private final Set<String> skippedUsers = new HashSet<>();

    private final Map<String, CsvTable.Row> emails = new HashMap<>();

    private final Map<String, CsvTable.Row> numbers = new HashMap<>();

    private int multiSchool;

    UsersFile(RosterSet set, DistrictRoster roster, OrgsFile orgs, RowFields fields, RosterReport.Builder report) {
        super(RosterSet.USERS, set, roster, fields, report, roster.peopleBySource, person -> person.before != null);
        this.orgs = orgs;
    }

    /** Whether the set names this user as someone Corridor does not hold. */
    boolean skipped(String userId) {
        return skippedUsers.contains(userId);
    }

    @Override
    void begin() {
        placements = new UserPlacements(set, roster, orgs, fields, report);
    }

    @Override
    boolean removes(CsvTable.Row row) {
        return row.get("enabledUser").equalsIgnoreCase("false");
    }

    @Override
    void active(CsvTable.Row row, String id, PersonRow person) {
        Placement placement = placements.of(row, id, person);
        if (placement == null) {
            return;
        }
        if (placement.roles().isEmpty()) {
            skippedUsers.add(id);
            return;
        }
        if (placement.schools() > 1) {
            multiSchool++;
        }
        String given = fields.text(row, "givenName", RowFields.MAX_NAME, true);
        String family = fields.text(row, "familyName", RowFields.MAX_NAME, true);
        String email = fields.text(row, "email", RowFields.MAX_EMAIL, false);
        String number = placement.roles().contains(Role.STUDENT)
                ? fields.text(row, "identifier", RowFields.MAX_NUMBER, false) : null;
        String grade = placement.roles().contains(Role.STUDENT) ? grade(row) : null;
        if (given == null || family == null) {
            return;
        }
        String personId = person == null ? null : person.id;
        if (email != null) {
            uniqueEmail(row, email, personId);
        }
        else if (!placement.roles().equals(EnumSet.of(Role.STUDENT))) {
            report.warning(row, "email", "Staff member " + id + " has no email, so cannot sign in to Corridor.");
        }
        if (number != null) {
            uniqueNumber(row, number, personId);
        }
        PersonData data = new PersonData(placement.schoolId(), email, given, family, number, grade, placement.roles(),
                false);
        if (person == null) {
            person = new PersonRow();
            person.id = UUID.randomUUID().toString();
            person.sourceId = id;
            roster.peopleBySource.put(id, person);
        }
        person.after = data;
    }

    /**
     * The student's grade level for the by-grade report: the first of the grades the
     * column lists (OneRoster: comma-separated, such as "09" or "09,10"). A value too
     * long to be a grade is left out with a warning: it only groups a report.
     */
    private String grade(CsvTable.Row row) {
        String grades = fields.text(row, "grades", RowFields.MAX_NAME, false);
        if (grades == null) {
            return null;
        }
        String first = grades.split(",", -1)[0].strip();
        if (first.isEmpty()) {
            return null;
        }
        if (first.length() > MAX_GRADE) {
            report.warning(row, "grades",
                    "The grade " + first + " is longer than " + MAX_GRADE + " characters, so it is left out.");
            return null;
        }
        return first;
    }

    private void uniqueEmail(CsvTable.Row row, String email, String personId) {
        String key = Person.emailKey(email);
        CsvTable.Row other = emails.putIfAbsent(key, row);
        String holder = roster.personIdByEmail.get(key);
        if (other != null) {
            report.error(row, "email", "The email " + email + " is also on row " + other.number() + ".");
        }
        else if (holder != null && !holder.equals(personId)) {
            report.error(row, "email",
                    "The email " + email + " already belongs to another person of your " + "district.");
        }
    }

    private void uniqueNumber(CsvTable.Row row, String number, String personId) {
        CsvTable.Row other = numbers.putIfAbsent(number, row);
        String holder = roster.personIdByStudentNumber.get(number);
        if (other != null) {
            report.error(row, "identifier", "The student number " + number + " is also on row " + other.number() + ".");
        }
        else if (holder != null && !holder.equals(personId)) {
            report.error(row, "identifier",
                    "The student number " + number + " already belongs to another " + "student of your district.");
        }
    }

    @Override
    void finish(CsvTable table) {
        if (multiSchool > 0) {
            report.notes.add(RosterProblem.of(table.file(), multiSchool + " user(s) belong to several schools: "
                    + "Corridor files each under their first (or primary) school; their classes in the other schools "
                    + "still send them requests."));
        }
        if (!skippedUsers.isEmpty()) {
            report.notes.add(RosterProblem.of(table.file(), skippedUsers.size() + " guardian, parent or relative "
                    + "account(s) were skipped: they are not Corridor users."));
        }
    }

    @Override
    void remove(PersonRow person) {
        PersonData d = person.after;
        person.after = new PersonData(d.schoolId(), d.email(), d.givenName(), d.familyName(), d.studentNumber(),
                d.grade(), d.roles(), true);
    }

}
