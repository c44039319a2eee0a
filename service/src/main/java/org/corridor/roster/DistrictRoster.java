package org.corridor.roster;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.springframework.jdbc.core.JdbcTemplate;

import org.corridor.person.Person;
import org.corridor.person.Role;

/**
 * What a district holds that an import may change, loaded in a few queries per kind (not
 * per row): schools, their bell-schedule period names and rooms, academic sessions,
 * people with their roles, and the sections that came from a roster with their periods,
 * co-teachers and enrolments. Rows made in Corridor (no source id) are loaded only where
 * an import must not collide with them (emails, student numbers, rooms).
 */
final class DistrictRoster {

    static final class SchoolRow {

        String id;

        String sourceId;

        String name;

        String timeZone;

        boolean isNew;

        boolean changed;

    }

    record SessionData(String title, String type, LocalDate startsOn, LocalDate endsOn, String parent,
            String schoolYear, boolean removed) {
    }

    static final class SessionRow {

        String id;

        String sourceId;

        SessionData before;

        SessionData after;

    }

    record PersonData(String schoolId, String email, String givenName, String familyName, String studentNumber,
            String grade, Set<Role> roles, boolean removed) {
    }

    static final class PersonRow {

        String id;

        String sourceId;

        PersonData before;

        PersonData after;

    }

    record SectionData(String schoolId, String name, String roomId, String mainTeacherId, String termSourceIds,
            LocalDate termStartsOn, LocalDate termEndsOn, Set<String> periods, Set<String> coTeachers,
            boolean removed) {
    }

    static final class SectionRow {

        String id;

        String sourceId;

        SectionData before;

        SectionData after;

    }

    record Dates(LocalDate beginsOn, LocalDate endsOn) {
    }

    String districtId;

    String districtSourceId;

    final Map<String, SchoolRow> schoolsBySource = new LinkedHashMap<>();

    final Map<String, SchoolRow> schoolsById = new HashMap<>();

    final Map<String, Set<String>> periodNamesBySchool = new HashMap<>();

    /**
     * Room id by school id and room name; names compare ignoring case, as MariaDB's
     * unique key on them does.
     */
    final Map<String, Map<String, String>> roomsBySchool = new HashMap<>();

    final Map<String, SessionRow> sessions = new LinkedHashMap<>();

    final Map<String, PersonRow> peopleBySource = new LinkedHashMap<>();

    /**
     * Every person of the district, roster or not: whose email (by its key, as sign-in
     * finds it) and number is whose.
     */
    final Map<String, String> personIdByEmail = new HashMap<>();

    final Map<String, String> personIdByStudentNumber = new HashMap<>();

    final Map<String, SectionRow> sectionsBySource = new LinkedHashMap<>();

    /**
     * Fields of roster sections an administrator set in Corridor: section id, then field
     * ({@code periods}, {@code room}, {@code mainTeacher}), to the value the roster had
     * given it (may be null). See {@link SectionEdits}.
     */
    final Map<String, Map<String, String>> sectionEdits = new HashMap<>();

    /** Edits an import replaced: section id and field, to delete with the import. */
    final List<Object[]> editsReplaced = new ArrayList<>();

    /** Enrolments of roster sections: section id, then student id, to dates. */
    final Map<String, Map<String, Dates>> enrolmentsBefore = new HashMap<>();

    static DistrictRoster load(JdbcTemplate jdbc, String districtId) {
        DistrictRoster roster = new DistrictRoster();
        roster.districtId = districtId;
        // Locks the district's row: two imports into one district take turns.
        roster.districtSourceId = jdbc.queryForObject("select source_id from district where id = ? for update",
                String.class, districtId);
        jdbc.query("select id, source_id, name, time_zone from school where district_id = ?", rs -> {
            SchoolRow school = new SchoolRow();
            school.id = rs.getString(1);
            school.sourceId = rs.getString(2);
            school.name = rs.getString(3);
            school.timeZone = rs.getString(4);
            roster.schoolsById.put(school.id, school);
            if (school.sourceId != null) {
                roster.schoolsBySource.put(school.sourceId, school);
            }
        }, districtId);
        jdbc.query("select p.school_id, p.name from school_period p join school s on s.id = p.school_id "
                + "where s.district_id = ?", rs -> {
                    roster.periodNamesBySchool.computeIfAbsent(rs.getString(1), k -> new HashSet<>())
                        .add(rs.getString(2));
                }, districtId);
        jdbc.query("select l.school_id, l.name, l.id from location l join school s on s.id = l.school_id "
                + "where s.district_id = ?", rs -> {
                    roster.roomsBySchool
                        .computeIfAbsent(rs.getString(1), k -> new TreeMap<>(String.CASE_INSENSITIVE_ORDER))
                        .put(rs.getString(2), rs.getString(3));
                }, districtId);
        jdbc.query("select id, source_id, title, session_type, starts_on, ends_on, parent_source_id, school_year, "
                + "removed_at from academic_session where district_id = ?", rs -> {
                    SessionRow session = new SessionRow();
                    session.id = rs.getString(1);
                    session.sourceId = rs.getString(2);
                    session.before = new SessionData(rs.getString(3), rs.getString(4), rs.getDate(5).toLocalDate(),
                            rs.getDate(6).toLocalDate(), rs.getString(7), rs.getString(8), rs.getTimestamp(9) != null);
                    session.after = session.before;
                    roster.sessions.put(session.sourceId, session);
                }, districtId);
        Map<String, Set<Role>> roles = new HashMap<>();
        jdbc.query("select r.person_id, r.role from person_role r join person p on p.id = r.person_id "
                + "where p.district_id = ? and p.source_id is not null", rs -> {
                    roles.computeIfAbsent(rs.getString(1), k -> EnumSet.noneOf(Role.class))
                        .add(Role.valueOf(rs.getString(2)));
                }, districtId);
        jdbc.query("select id, source_id, school_id, email, given_name, family_name, student_number, removed_at, "
                + "grade from person where district_id = ?", rs -> {
                    String id = rs.getString(1);
                    String email = rs.getString(4);
                    if (email != null) {
                        roster.personIdByEmail.put(Person.emailKey(email), id);
                    }
                    if (rs.getString(7) != null) {
                        roster.personIdByStudentNumber.put(rs.getString(7), id);
                    }
                    if (rs.getString(2) != null) {
                        PersonRow person = new PersonRow();
                        person.id = id;
                        person.sourceId = rs.getString(2);
                        person.before = new PersonData(rs.getString(3), email, rs.getString(5), rs.getString(6),
                                rs.getString(7), rs.getString(9), roles.getOrDefault(id, EnumSet.noneOf(Role.class)),
                                rs.getTimestamp(8) != null);
                        person.after = person.before;
                        roster.peopleBySource.put(person.sourceId, person);
                    }
                }, districtId);

        String rosterSections = "select sec.id from section sec join school s on s.id = sec.school_id "
                + "where s.district_id = ? and sec.source_id is not null";
        Map<String, Set<String>> periods = new HashMap<>();
        jdbc.query("select section_id, period_name from section_period where section_id in (" + rosterSections + ")",
                rs -> {
                    periods.computeIfAbsent(rs.getString(1), k -> new TreeSet<>()).add(rs.getString(2));
                }, districtId);
        Map<String, Set<String>> coTeachers = new HashMap<>();
        jdbc.query("select section_id, person_id from section_co_teacher where section_id in (" + rosterSections + ")",
                rs -> {
                    coTeachers.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getString(2));
                }, districtId);
        jdbc.query("select section_id, person_id, begins_on, ends_on from section_student where section_id in ("
                + rosterSections + ")", rs -> {
                    roster.enrolmentsBefore.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                        .put(rs.getString(2), new Dates(date(rs.getDate(3)), date(rs.getDate(4))));
                }, districtId);
        jdbc.query(
                "select section_id, field, roster_value from section_edit where section_id in (" + rosterSections + ")",
                rs -> {
                    roster.sectionEdits.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                        .put(rs.getString(2), rs.getString(3));
                }, districtId);
        jdbc.query("select sec.id, sec.source_id, sec.school_id, sec.name, sec.room_id, sec.main_teacher_id, "
                + "sec.term_source_ids, sec.term_starts_on, sec.term_ends_on, sec.removed_at "
                + "from section sec join school s on s.id = sec.school_id "
                + "where s.district_id = ? and sec.source_id is not null", rs -> {
                    SectionRow section = new SectionRow();
                    section.id = rs.getString(1);
                    section.sourceId = rs.getString(2);
                    section.before = new SectionData(rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                            rs.getString(7), date(rs.getDate(8)), date(rs.getDate(9)),
                            periods.getOrDefault(section.id, new TreeSet<>()),
                            coTeachers.getOrDefault(section.id, new HashSet<>()), rs.getTimestamp(10) != null);
                    section.after = section.before;
                    roster.sectionsBySource.put(section.sourceId, section);
                }, districtId);
        return roster;
    }

    static LocalDate date(Date date) {
        return date == null ? null : date.toLocalDate();
    }

    static Date sql(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }

}
