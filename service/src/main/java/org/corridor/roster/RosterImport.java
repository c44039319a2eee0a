package org.corridor.roster;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import org.corridor.destination.StarterDestinations;
import org.corridor.person.Role;
import org.corridor.roster.DistrictRoster.Dates;
import org.corridor.roster.DistrictRoster.PersonData;
import org.corridor.roster.DistrictRoster.PersonRow;
import org.corridor.roster.DistrictRoster.SchoolRow;
import org.corridor.roster.DistrictRoster.SectionData;
import org.corridor.roster.DistrictRoster.SectionRow;
import org.corridor.roster.DistrictRoster.SessionData;
import org.corridor.roster.DistrictRoster.SessionRow;
import org.corridor.roster.RosterSet.Mode;

/**
 * Lays one OneRoster set over what the district holds and works out the result, row by row, without writing:
 * every problem goes to the report, and {@link RosterWriter} writes the result only if there is no error.
 * <p>
 * A bulk file replaces its whole collection: a roster person or class missing from a bulk users or classes
 * file is removed (softly: passes and history stay), as is one whose row says {@code tobedeleted} in any file.
 * A bulk enrollments file replaces the students and teachers of every roster class. Schools are never
 * removed by an import, and nothing made in Corridor itself (no source id) is ever touched.
 */
final class RosterImport {
    static final int MAX_NAME = 100;
    static final int MAX_SECTION_NAME = 200;
    static final int MAX_EMAIL = 254;
    static final int MAX_NUMBER = 64;
    static final int MAX_SOURCE_ID = 255;

    private final RosterSet set;
    private final DistrictRoster roster;
    private final RosterReport.Builder report;
    private final String defaultTimeZone;

    /** Orgs of the set that are not schools or the district (departments...), by sourcedId, with their type. */
    private final Map<String, String> otherOrgs = new HashMap<>();
    private String districtOrg;
    /** Users the set names but Corridor does not hold (guardians, parents, relatives). */
    private final Set<String> skippedUsers = new HashSet<>();
    /** Classes named by an active row of the classes file. */
    private final Set<String> classesInFile = new HashSet<>();
    /** The result: enrolments of roster sections by section id, then student id. */
    final Map<String, Map<String, Dates>> enrolmentsAfter = new HashMap<>();
    /** Rooms to create: school id, then name, to new id. */
    final Map<String, Map<String, String>> newRooms = new HashMap<>();

    RosterImport(RosterSet set, DistrictRoster roster, RosterReport.Builder report, String defaultTimeZone) {
        this.set = set;
        this.roster = roster;
        this.report = report;
        this.defaultTimeZone = defaultTimeZone;
    }

    /** The sourcedId of the set's district org, if it has one. */
    String districtOrg() {
        return districtOrg;
    }

    void run() {
        orgs();
        sessions();
        users();
        classes();
        enrollments();
        termsAndWarnings();
        count();
    }

    // ---------------------------------------------------------------------------------------------- orgs

    private void orgs() {
        Optional<CsvTable> table = set.table(RosterSet.ORGS);
        if (table.isEmpty()) {
            return;
        }
        Map<String, Integer> seen = new HashMap<>();
        List<CsvTable.Row> districts = new ArrayList<>();
        for (CsvTable.Row row : table.get().rows()) {
            String id = sourceId(row, seen);
            if (id == null || !status(row, RosterSet.ORGS)) {
                continue;
            }
            boolean deleted = deleted(row, RosterSet.ORGS);
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
                    } else {
                        school(row, id);
                    }
                }
                case "department", "local", "state", "national" -> otherOrgs.put(id, type);
                default -> report.error(row, "type", "The org type must be district, school, department, local, "
                        + "state or national; got '" + type + "'.");
            }
        }
        if (districts.size() > 1) {
            districts.forEach(row -> report.error(row, "type", "The set has " + districts.size()
                    + " district orgs; a roster belongs to one district."));
        } else if (districts.size() == 1) {
            CsvTable.Row row = districts.get(0);
            districtOrg = row.get("sourcedId");
            if (roster.districtSourceId != null && !roster.districtSourceId.equals(districtOrg)) {
                report.error(row, "sourcedId", "This roster belongs to another district: its district org is "
                        + districtOrg + " but your district was imported from " + roster.districtSourceId + ".");
            }
        } else if (set.mode(RosterSet.ORGS) == Mode.BULK) {
            report.errors.add(RosterProblem.of(table.get().file(), "A bulk orgs file must hold the district org "
                    + "(type district)."));
        }
        if (!otherOrgs.isEmpty()) {
            report.notes.add(RosterProblem.of(table.get().file(), otherOrgs.size() + " org(s) are neither the district "
                    + "nor a school (" + String.join(", ", new TreeSet<>(otherOrgs.values())) + "); Corridor does not "
                    + "keep them."));
        }
    }

    private void school(CsvTable.Row row, String id) {
        String name = text(row, "name", MAX_NAME * 2, true);
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
        } else if (!school.name.equals(name)) {
            school.name = name;
            school.changed = true;
        }
    }

    /** Tells the administrator which new schools start with the starter destinations; once they are written. */
    void noteStarterDestinations() {
        String file = set.table(RosterSet.ORGS).map(CsvTable::file).orElse(null);
        roster.schoolsBySource.values().stream().filter(s -> s.isNew).sorted(Comparator.comparing(s -> s.name))
                .forEach(s -> report.notes.add(RosterProblem.of(file, "School " + s.name + " was created with the "
                        + "starter destinations " + StarterDestinations.described() + ": all open, none for auto "
                        + "passes. Change them at /api/admin/schools/" + s.id + "/locations (PUT .../locations/{id} "
                        + "changes one, POST /api/admin/schools/" + s.id + "/destinations adds one).")));
    }

    /** The school a row names, or null after an error naming why. */
    private SchoolRow schoolOf(CsvTable.Row row, String column, String id) {
        SchoolRow school = roster.schoolsBySource.get(id);
        if (school != null) {
            return school;
        }
        if (otherOrgs.containsKey(id)) {
            report.error(row, column, "Org " + id + " is a " + otherOrgs.get(id) + ", not a school.");
        } else if (id.equals(districtOrg) || id.equals(roster.districtSourceId)) {
            report.error(row, column, "Org " + id + " is the district, not a school.");
        } else {
            report.error(row, column, "There is no school " + id + " in orgs.csv or in Corridor.");
        }
        return null;
    }

    // ------------------------------------------------------------------------------------------ sessions

    private void sessions() {
        Optional<CsvTable> table = set.table(RosterSet.SESSIONS);
        if (table.isEmpty()) {
            return;
        }
        Map<String, Integer> seen = new HashMap<>();
        Set<String> present = new HashSet<>();
        for (CsvTable.Row row : table.get().rows()) {
            String id = sourceId(row, seen);
            if (id == null || !status(row, RosterSet.SESSIONS)) {
                continue;
            }
            SessionRow session = roster.sessions.get(id);
            if (deleted(row, RosterSet.SESSIONS)) {
                if (session != null) {
                    session.after = removed(session.after);
                }
                continue;
            }
            present.add(id);
            String title = text(row, "title", MAX_SECTION_NAME, true);
            String type = text(row, "type", 32, true);
            LocalDate start = date(row, "startDate", true);
            LocalDate end = date(row, "endDate", true);
            if (title == null || type == null || start == null || end == null) {
                continue;
            }
            if (end.isBefore(start)) {
                report.error(row, "endDate", "The session ends (" + end + ") before it starts (" + start + ").");
                continue;
            }
            SessionData data = new SessionData(title, type, start, end, emptyToNull(row.get("parentSourcedId")),
                    emptyToNull(row.get("schoolYear")), false);
            if (session == null) {
                session = new SessionRow();
                session.id = UUID.randomUUID().toString();
                session.sourceId = id;
                roster.sessions.put(id, session);
            }
            session.after = data;
        }
        if (set.mode(RosterSet.SESSIONS) == Mode.BULK) {
            roster.sessions.values().stream().filter(s -> s.before != null && !present.contains(s.sourceId))
                    .forEach(s -> s.after = removed(s.after));
        }
    }

    private static SessionData removed(SessionData d) {
        return new SessionData(d.title(), d.type(), d.startsOn(), d.endsOn(), d.parent(), d.schoolYear(), true);
    }

    // --------------------------------------------------------------------------------------------- users

    private void users() {
        Optional<CsvTable> table = set.table(RosterSet.USERS);
        if (table.isEmpty()) {
            return;
        }
        Map<String, List<CsvTable.Row>> rolesByUser = rolesByUser();
        Map<String, Integer> seen = new HashMap<>();
        Map<String, CsvTable.Row> emails = new HashMap<>();
        Map<String, CsvTable.Row> numbers = new HashMap<>();
        Set<String> present = new HashSet<>();
        int multiSchool = 0;
        for (CsvTable.Row row : table.get().rows()) {
            String id = sourceId(row, seen);
            if (id == null || !status(row, RosterSet.USERS)) {
                continue;
            }
            PersonRow person = roster.peopleBySource.get(id);
            boolean disabled = row.get("enabledUser").equalsIgnoreCase("false");
            if (deleted(row, RosterSet.USERS) || disabled) {
                if (person != null) {
                    person.after = removed(person.after);
                    present.add(id);
                }
                continue;
            }
            present.add(id);
            Placement placement = set.isV12() ? placementV12(row, id, rolesByUser.get(id), person)
                    : placementV11(row);
            if (placement == null) {
                continue;
            }
            if (placement.roles.isEmpty()) {
                skippedUsers.add(id);
                continue;
            }
            if (placement.schools > 1) {
                multiSchool++;
            }
            String given = text(row, "givenName", MAX_NAME, true);
            String family = text(row, "familyName", MAX_NAME, true);
            String email = text(row, "email", MAX_EMAIL, false);
            String number = placement.roles.contains(Role.STUDENT) ? text(row, "identifier", MAX_NUMBER, false) : null;
            if (given == null || family == null) {
                continue;
            }
            String personId = person == null ? null : person.id;
            if (email != null) {
                String key = email.toLowerCase(Locale.ROOT);
                CsvTable.Row other = emails.putIfAbsent(key, row);
                String holder = roster.personIdByEmail.get(key);
                if (other != null) {
                    report.error(row, "email", "The email " + email + " is also on row " + other.number() + ".");
                } else if (holder != null && !holder.equals(personId)) {
                    report.error(row, "email", "The email " + email + " already belongs to another person of your "
                            + "district.");
                }
            } else if (!placement.roles.equals(EnumSet.of(Role.STUDENT))) {
                report.warning(row, "email", "Staff member " + id + " has no email, so cannot sign in to Corridor.");
            }
            if (number != null) {
                CsvTable.Row other = numbers.putIfAbsent(number, row);
                String holder = roster.personIdByStudentNumber.get(number);
                if (other != null) {
                    report.error(row, "identifier", "The student number " + number + " is also on row "
                            + other.number() + ".");
                } else if (holder != null && !holder.equals(personId)) {
                    report.error(row, "identifier", "The student number " + number + " already belongs to another "
                            + "student of your district.");
                }
            }
            PersonData data = new PersonData(placement.schoolId, email, given, family, number, placement.roles, false);
            if (person == null) {
                person = new PersonRow();
                person.id = UUID.randomUUID().toString();
                person.sourceId = id;
                roster.peopleBySource.put(id, person);
            }
            person.after = data;
        }
        if (multiSchool > 0) {
            report.notes.add(RosterProblem.of(table.get().file(), multiSchool + " user(s) belong to several schools: "
                    + "Corridor files each under their first (or primary) school; their classes in the other schools "
                    + "still send them requests."));
        }
        if (!skippedUsers.isEmpty()) {
            report.notes.add(RosterProblem.of(table.get().file(), skippedUsers.size() + " guardian, parent or relative "
                    + "account(s) were skipped: they are not Corridor users."));
        }
        if (set.mode(RosterSet.USERS) == Mode.BULK) {
            roster.peopleBySource.values().stream().filter(p -> p.before != null && !present.contains(p.sourceId))
                    .forEach(p -> p.after = removed(p.after));
        }
    }

    private static PersonData removed(PersonData d) {
        return new PersonData(d.schoolId(), d.email(), d.givenName(), d.familyName(), d.studentNumber(), d.roles(), true);
    }

    private record Placement(String schoolId, Set<Role> roles, int schools) {
    }

    private Placement placementV11(CsvTable.Row row) {
        Set<Role> roles = role(row, "role", row.get("role"));
        if (roles == null) {
            return null;
        }
        List<String> orgs = list(row.get("orgSourcedIds"));
        if (orgs.isEmpty()) {
            report.error(row, "orgSourcedIds", "The user belongs to no org.");
            return null;
        }
        List<SchoolRow> schools = new ArrayList<>();
        for (String org : orgs) {
            if (roster.schoolsBySource.containsKey(org)) {
                schools.add(roster.schoolsBySource.get(org));
            } else if (!org.equals(districtOrg) && !org.equals(roster.districtSourceId) && !otherOrgs.containsKey(org)) {
                report.error(row, "orgSourcedIds", "There is no org " + org + " in orgs.csv or in Corridor.");
                return null;
            }
        }
        return new Placement(schools.isEmpty() ? null : schools.get(0).id, roles, schools.size());
    }

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
            Set<Role> mapped = role(roleRow, "role", roleRow.get("role"));
            if (mapped == null) {
                return null;
            }
            roles.addAll(mapped);
            String org = roleRow.get("orgSourcedId");
            SchoolRow school = roster.schoolsBySource.get(org);
            if (school != null) {
                if (roleRow.get("roleType").equalsIgnoreCase("primary")) {
                    schools.add(0, school);
                } else {
                    schools.add(school);
                }
            } else if (!org.equals(districtOrg) && !org.equals(roster.districtSourceId) && !otherOrgs.containsKey(org)) {
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

    private Map<String, List<CsvTable.Row>> rolesByUser() {
        Map<String, List<CsvTable.Row>> byUser = new HashMap<>();
        set.table(RosterSet.ROLES).ifPresent(table -> {
            Map<String, Integer> seen = new HashMap<>();
            for (CsvTable.Row row : table.rows()) {
                String id = sourceId(row, seen);
                if (id != null && status(row, RosterSet.ROLES) && !deleted(row, RosterSet.ROLES)) {
                    byUser.computeIfAbsent(row.get("userSourcedId"), k -> new ArrayList<>()).add(row);
                }
            }
        });
        return byUser;
    }

    /**
     * Corridor's roles for a OneRoster role, empty for someone Corridor does not hold, or null after an error.
     * Aides, proctors and counselors work with students in class and may receive or decide requests: TEACHER.
     */
    private Set<Role> role(CsvTable.Row row, String column, String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "student" -> EnumSet.of(Role.STUDENT);
            case "teacher", "aide", "proctor", "counselor" -> EnumSet.of(Role.TEACHER);
            case "administrator", "districtadministrator", "siteadministrator", "systemadministrator", "principal" ->
                    EnumSet.of(Role.ADMIN);
            case "guardian", "parent", "relative" -> EnumSet.noneOf(Role.class);
            default -> {
                report.error(row, column, "Unknown role '" + value + "'.");
                yield null;
            }
        };
    }

    // ------------------------------------------------------------------------------------------- classes

    private void classes() {
        Optional<CsvTable> table = set.table(RosterSet.CLASSES);
        if (table.isEmpty()) {
            return;
        }
        Map<String, Integer> seen = new HashMap<>();
        Set<String> present = new HashSet<>();
        for (CsvTable.Row row : table.get().rows()) {
            String id = sourceId(row, seen);
            if (id == null || !status(row, RosterSet.CLASSES)) {
                continue;
            }
            SectionRow section = roster.sectionsBySource.get(id);
            if (deleted(row, RosterSet.CLASSES)) {
                if (section != null) {
                    section.after = removed(section.after);
                    present.add(id);
                }
                continue;
            }
            present.add(id);
            String name = text(row, "title", MAX_SECTION_NAME, true);
            String schoolSource = text(row, "schoolSourcedId", MAX_SOURCE_ID, true);
            if (name == null || schoolSource == null) {
                continue;
            }
            SchoolRow school = schoolOf(row, "schoolSourcedId", schoolSource);
            if (school == null) {
                continue;
            }
            String roomName = text(row, "location", MAX_NAME, false);
            String roomId = roomName == null ? null : room(school.id, roomName);
            Set<String> periods = new TreeSet<>();
            for (String period : list(row.get("periods"))) {
                if (period.length() > MAX_NAME) {
                    report.error(row, "periods", "The period name '" + period.substring(0, 20) + "...' is longer than "
                            + MAX_NAME + " characters.");
                } else {
                    periods.add(period);
                }
            }
            List<String> terms = list(row.get("termSourcedIds"));
            for (String term : terms) {
                SessionRow session = roster.sessions.get(term);
                if (session == null || session.after == null || session.after.removed()) {
                    report.error(row, "termSourcedIds", "There is no academic session " + term
                            + " in academicSessions.csv or in Corridor.");
                }
            }
            String termIds = terms.isEmpty() ? null : String.join(",", terms);
            if (termIds != null && termIds.length() > 2000) {
                report.error(row, "termSourcedIds", "The class lists too many terms.");
                continue;
            }
            if (section == null) {
                section = new SectionRow();
                section.id = UUID.randomUUID().toString();
                section.sourceId = id;
                roster.sectionsBySource.put(id, section);
            }
            SectionData before = section.after;
            section.after = new SectionData(school.id, name, roomId,
                    before == null ? null : before.mainTeacherId(), termIds, null, null, periods,
                    before == null ? new HashSet<>() : before.coTeachers(), false);
            classesInFile.add(id);
            if (roomName == null) {
                report.warning(row, "location", "Class " + name + " names no room: its passes will show no room.");
            }
            if (periods.isEmpty()) {
                report.warning(row, "periods", "Class " + name + " meets in no period: its students cannot be routed "
                        + "from it until the roster names one.");
            } else {
                Set<String> known = roster.periodNamesBySchool.getOrDefault(school.id, Set.of());
                for (String period : periods) {
                    if (!known.contains(period)) {
                        report.warning(row, "periods", "Class " + name + " meets in period '" + period + "', which is "
                                + "not in the bell schedule of school " + school.name + ": its requests will be refused "
                                + "until an administrator adds it.");
                    }
                }
            }
        }
        if (set.mode(RosterSet.CLASSES) == Mode.BULK) {
            roster.sectionsBySource.values().stream().filter(s -> s.before != null && !present.contains(s.sourceId))
                    .forEach(s -> s.after = removed(s.after));
        }
    }

    private static SectionData removed(SectionData d) {
        return new SectionData(d.schoolId(), d.name(), d.roomId(), d.mainTeacherId(), d.termSourceIds(),
                d.termStartsOn(), d.termEndsOn(), d.periods(), d.coTeachers(), true);
    }

    private String room(String schoolId, String name) {
        String existing = roster.roomsBySchool.getOrDefault(schoolId, Map.of()).get(name);
        if (existing != null) {
            return existing;
        }
        return newRooms.computeIfAbsent(schoolId, k -> new HashMap<>())
                .computeIfAbsent(name, k -> UUID.randomUUID().toString());
    }

    // --------------------------------------------------------------------------------------- enrollments

    private record Teaching(String personId, boolean primary, CsvTable.Row row) {
    }

    private void enrollments() {
        for (SectionRow section : roster.sectionsBySource.values()) {
            Map<String, Dates> before = roster.enrolmentsBefore.get(section.id);
            enrolmentsAfter.put(section.id, before == null ? new HashMap<>() : new HashMap<>(before));
        }
        Optional<CsvTable> table = set.table(RosterSet.ENROLLMENTS);
        if (table.isEmpty()) {
            return;
        }
        boolean bulk = set.mode(RosterSet.ENROLLMENTS) == Mode.BULK;
        Map<String, Integer> seen = new HashMap<>();
        Map<String, Map<String, List<Dates>>> students = new LinkedHashMap<>();
        Map<String, Map<String, Teaching>> teachers = new LinkedHashMap<>();
        Map<String, Set<String>> deletedStudents = new HashMap<>();
        Map<String, Set<String>> deletedTeachers = new HashMap<>();
        int skipped = 0;
        for (CsvTable.Row row : table.get().rows()) {
            String id = sourceId(row, seen);
            if (id == null || !status(row, RosterSet.ENROLLMENTS)) {
                continue;
            }
            String classId = row.get("classSourcedId");
            String userId = row.get("userSourcedId");
            SectionRow section = roster.sectionsBySource.get(classId);
            PersonRow person = roster.peopleBySource.get(userId);
            boolean deleted = deleted(row, RosterSet.ENROLLMENTS);
            if (section == null || section.after == null) {
                report.error(row, "classSourcedId", "There is no class " + classId + " in classes.csv or in Corridor.");
                continue;
            }
            if (skippedUsers.contains(userId)) {
                skipped++;
                continue;
            }
            if (person == null || person.after == null) {
                report.error(row, "userSourcedId", "There is no user " + userId + " in users.csv or in Corridor.");
                continue;
            }
            String school = row.get("schoolSourcedId");
            if (!school.isEmpty() && schoolOf(row, "schoolSourcedId", school) == null) {
                continue;
            }
            String primary = row.get("primary").toLowerCase(Locale.ROOT);
            if (!List.of("", "true", "false").contains(primary)) {
                report.error(row, "primary", "primary must be true, false or empty; got '" + row.get("primary") + "'.");
                continue;
            }
            LocalDate begins = date(row, "beginDate", false);
            LocalDate ends = date(row, "endDate", false);
            if (!row.get("beginDate").isEmpty() && begins == null || !row.get("endDate").isEmpty() && ends == null) {
                continue;
            }
            Set<Role> roles = role(row, "role", row.get("role"));
            if (roles == null) {
                continue;
            }
            if (roles.contains(Role.STUDENT)) {
                if (deleted) {
                    deletedStudents.computeIfAbsent(section.id, k -> new HashSet<>()).add(person.id);
                } else {
                    students.computeIfAbsent(section.id, k -> new LinkedHashMap<>())
                            .computeIfAbsent(person.id, k -> new ArrayList<>()).add(new Dates(begins, ends));
                }
            } else if (roles.contains(Role.TEACHER)) {
                if (deleted) {
                    deletedTeachers.computeIfAbsent(section.id, k -> new HashSet<>()).add(person.id);
                } else {
                    Map<String, Teaching> teaching = teachers.computeIfAbsent(section.id, k -> new LinkedHashMap<>());
                    Teaching earlier = teaching.get(person.id);
                    if (earlier == null || !earlier.primary() && primary.equals("true")) {
                        teaching.put(person.id, new Teaching(person.id, primary.equals("true"), row));
                    }
                }
            } else {
                skipped++;
            }
        }
        if (skipped > 0) {
            report.notes.add(RosterProblem.of(table.get().file(), skipped + " enrollment(s) of administrators, "
                    + "guardians, parents or relatives were skipped: only students and teachers belong to a class."));
        }
        for (SectionRow section : roster.sectionsBySource.values()) {
            Map<String, Dates> after = enrolmentsAfter.get(section.id);
            if (bulk) {
                after.clear();
            } else {
                deletedStudents.getOrDefault(section.id, Set.of()).forEach(after::remove);
            }
            students.getOrDefault(section.id, Map.of()).forEach((student, ranges) -> after.put(student, union(ranges)));
            teachers(section, teachers.get(section.id), deletedTeachers.getOrDefault(section.id, Set.of()), bulk);
        }
    }

    /** The span of an active pair's rows (OneRoster splits one class membership by semester). */
    private static Dates union(List<Dates> ranges) {
        LocalDate begins = ranges.stream().anyMatch(r -> r.beginsOn() == null) ? null
                : ranges.stream().map(Dates::beginsOn).min(LocalDate::compareTo).orElse(null);
        LocalDate ends = ranges.stream().anyMatch(r -> r.endsOn() == null) ? null
                : ranges.stream().map(Dates::endsOn).max(LocalDate::compareTo).orElse(null);
        return new Dates(begins, ends);
    }

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
                report.warning(first.row(), "primary", "Class " + d.name() + " has no primary teacher; requests go to "
                        + "the first teacher listed.");
            }
        }
        if (main != null) {
            co.remove(main);
        }
        section.after = new SectionData(d.schoolId(), d.name(), d.roomId(), main, d.termSourceIds(), d.termStartsOn(),
                d.termEndsOn(), d.periods(), co, d.removed());
    }

    // ----------------------------------------------------------------------------------- terms, warnings

    /** Every roster section's term is the span of its sessions now, so a delta that moves a session moves it. */
    private void termsAndWarnings() {
        for (SectionRow section : roster.sectionsBySource.values()) {
            SectionData d = section.after;
            LocalDate start = null;
            LocalDate end = null;
            if (d.termSourceIds() != null) {
                List<SessionData> terms = Arrays.stream(d.termSourceIds().split(","))
                        .map(roster.sessions::get).filter(Objects::nonNull).map(s -> s.after)
                        .filter(Objects::nonNull).toList();
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

    // --------------------------------------------------------------------------------------------- count

    private void count() {
        RosterReport.Count schools = report.count("schools");
        roster.schoolsBySource.values().forEach(s -> {
            if (s.isNew) {
                schools.created++;
            } else if (s.changed) {
                schools.updated++;
            } else {
                schools.unchanged++;
            }
        });
        RosterReport.Count sessions = report.count("academicSessions");
        roster.sessions.values().forEach(s -> tally(sessions, s.before, s.after, SessionData::removed));
        RosterReport.Count users = report.count("users");
        roster.peopleBySource.values().forEach(p -> tally(users, p.before, p.after, PersonData::removed));
        RosterReport.Count sections = report.count("sections");
        roster.sectionsBySource.values().forEach(s -> tally(sections, withoutTeachers(s.before),
                withoutTeachers(s.after), SectionData::removed));
        RosterReport.Count enrollments = report.count("enrollments");
        for (SectionRow section : roster.sectionsBySource.values()) {
            Map<String, Dates> before = roster.enrolmentsBefore.getOrDefault(section.id, Map.of());
            Map<String, Dates> after = enrolmentsAfter.getOrDefault(section.id, Map.of());
            after.forEach((student, dates) -> {
                if (!before.containsKey(student)) {
                    enrollments.created++;
                } else if (!before.get(student).equals(dates)) {
                    enrollments.updated++;
                } else {
                    enrollments.unchanged++;
                }
            });
            enrollments.removed += (int) before.keySet().stream().filter(s -> !after.containsKey(s)).count();
            Map<String, String> teachingBefore = teaching(section.before);
            Map<String, String> teachingAfter = teaching(section.after);
            teachingAfter.forEach((teacher, how) -> {
                if (!teachingBefore.containsKey(teacher)) {
                    enrollments.created++;
                } else if (!teachingBefore.get(teacher).equals(how)) {
                    enrollments.updated++;
                } else {
                    enrollments.unchanged++;
                }
            });
            enrollments.removed += (int) teachingBefore.keySet().stream().filter(t -> !teachingAfter.containsKey(t))
                    .count();
        }
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

    private static <T> void tally(RosterReport.Count count, T before, T after, java.util.function.Predicate<T> removed) {
        if (after == null) {
            return;
        }
        if (before == null) {
            if (!removed.test(after)) {
                count.created++;
            }
        } else if (before.equals(after)) {
            count.unchanged++;
        } else if (removed.test(after) && !removed.test(before)) {
            count.removed++;
        } else {
            count.updated++;
        }
    }

    // ------------------------------------------------------------------------------------------- fields

    /** The row's sourcedId, or null after an error (blank, too long, or already on an earlier row). */
    private String sourceId(CsvTable.Row row, Map<String, Integer> seen) {
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
     * Whether the row's status can be read. Bulk files may leave it blank or say active (some exporters fill it);
     * a delta row must say active or tobedeleted.
     */
    private boolean status(CsvTable.Row row, String file) {
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
            java.time.OffsetDateTime.parse(value);
            return true;
        } catch (DateTimeParseException e) {
            try {
                java.time.Instant.parse(value);
                return true;
            } catch (DateTimeParseException again) {
                return false;
            }
        }
    }

    private static boolean deleted(CsvTable.Row row, String file) {
        return row.get("status").equals("tobedeleted");
    }

    /** The text, null when blank; null after an error when required and blank, or too long. */
    private String text(CsvTable.Row row, String column, int max, boolean required) {
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
        return value;
    }

    private LocalDate date(CsvTable.Row row, String column, boolean required) {
        String value = row.get(column);
        if (value.isEmpty()) {
            if (required) {
                report.error(row, column, column + " is empty.");
            }
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            report.error(row, column, column + " must be a date like 2025-08-15; got '" + value + "'.");
            return null;
        }
    }

    private static List<String> list(String value) {
        return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new)).stream().toList();
    }

    private static String emptyToNull(String value) {
        return value.isEmpty() ? null : value;
    }
}
