package org.corridor.roster;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;

import org.corridor.location.StarterDestinations;
import org.corridor.person.Person;
import org.corridor.roster.DistrictRoster.Dates;
import org.corridor.roster.DistrictRoster.PersonRow;
import org.corridor.roster.DistrictRoster.SectionRow;
import org.corridor.roster.DistrictRoster.SessionRow;
import org.corridor.school.School;

import static org.corridor.roster.DistrictRoster.sql;

/**
 * Writes what {@link RosterImport} worked out, in batches, only the rows that change:
 * schools and rooms first, then sessions, people and their roles, sections with their
 * periods and co-teachers, and enrolments.
 */
final class RosterWriter {

    private final JdbcTemplate jdbc;

    private final Instant now;

    RosterWriter(JdbcTemplate jdbc, Instant now) {
        this.jdbc = jdbc;
        this.now = now;
    }

    void write(DistrictRoster roster, RosterImport plan, String districtOrg) {
        if (roster.districtSourceId == null && districtOrg != null) {
            jdbc.update("update district set source_id = ?, version = version + 1 where id = ?", districtOrg,
                    roster.districtId);
        }
        schools(roster);
        rooms(plan.newRooms);
        starterDestinations(roster, plan.newRooms);
        sessions(roster);
        people(roster);
        sections(roster);
        enrolments(roster, plan.enrolmentsAfter);
        batch("delete from section_edit where section_id = ? and field = ?", roster.editsReplaced);
    }

    private void schools(DistrictRoster roster) {
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        for (DistrictRoster.SchoolRow s : roster.schoolsBySource.values()) {
            if (s.isNew) {
                // A new school starts with the settings every school starts with (the
                // demo school's).
                School defaults = new School(roster.districtId, s.name, java.time.ZoneId.of(s.timeZone));
                inserts.add(new Object[] { s.id, roster.districtId, s.name, s.timeZone,
                        defaults.getLongRunningMinutes(), defaults.getAutoEndMinutes(),
                        defaults.getRequestExpiryMinutes(), String.join(",", defaults.getCountedPassTypes()),
                        defaults.getResendAfterSeconds(), defaults.getEscalateAfterSeconds(),
                        defaults.getEscalateTo().name(), defaults.getAppointmentLeadMinutes(), s.sourceId });
            }
            else if (s.changed) {
                updates.add(new Object[] { s.name, s.id });
            }
        }
        batch("insert into school (id, district_id, name, time_zone, long_running_minutes, auto_end_minutes, "
                + "request_expiry_minutes, counted_pass_types, resend_after_seconds, escalate_after_seconds, escalate_to, "
                + "appointment_lead_minutes, source_id, version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
                inserts);
        batch("update school set name = ?, version = version + 1 where id = ?", updates);
    }

    private void rooms(Map<String, Map<String, String>> newRooms) {
        List<Object[]> inserts = new ArrayList<>();
        newRooms
            .forEach((school, rooms) -> rooms.forEach((name, id) -> inserts.add(new Object[] { id, school, name })));
        batch("insert into location (id, school_id, name, is_destination, capacity, is_open, auto_pass_allowed, version) "
                + "values (?, ?, ?, false, 0, true, false, 0)", inserts);
    }

    /**
     * A school new to Corridor gets the starter destinations, so its students can take a
     * pass on day one. A room of the roster with a starter's name (classes meet in the
     * Library) becomes that destination.
     */
    private void starterDestinations(DistrictRoster roster, Map<String, Map<String, String>> newRooms) {
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> rooms = new ArrayList<>();
        for (DistrictRoster.SchoolRow s : roster.schoolsBySource.values()) {
            if (!s.isNew) {
                continue;
            }
            Map<String, String> rosterRooms = newRooms.getOrDefault(s.id, Map.of());
            for (StarterDestinations.Starter starter : StarterDestinations.SET) {
                // as the unique key on MariaDB compares names: without regard to case or
                // trailing spaces
                String room = rosterRooms.entrySet()
                    .stream()
                    .filter(r -> r.getKey().strip().equalsIgnoreCase(starter.name()))
                    .map(Map.Entry::getValue)
                    .findFirst()
                    .orElse(null);
                if (room != null) {
                    rooms.add(new Object[] { starter.capacity(), room });
                }
                else {
                    inserts
                        .add(new Object[] { UUID.randomUUID().toString(), s.id, starter.name(), starter.capacity() });
                }
            }
        }
        batch("insert into location (id, school_id, name, is_destination, capacity, is_open, auto_pass_allowed, version) "
                + "values (?, ?, ?, true, ?, true, false, 0)", inserts);
        batch("update location set is_destination = true, capacity = ? where id = ?", rooms);
    }

    private void sessions(DistrictRoster roster) {
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        for (SessionRow s : roster.sessions.values()) {
            if (s.after == null || s.after.equals(s.before)) {
                continue;
            }
            var d = s.after;
            if (s.before == null) {
                inserts.add(new Object[] { s.id, roster.districtId, s.sourceId, d.title(), d.type(), sql(d.startsOn()),
                        sql(d.endsOn()), d.parent(), d.schoolYear(), removedAt(d.removed()) });
            }
            else {
                updates.add(new Object[] { d.title(), d.type(), sql(d.startsOn()), sql(d.endsOn()), d.parent(),
                        d.schoolYear(), removedAt(d.removed()), s.id });
            }
        }
        batch("insert into academic_session (id, district_id, source_id, title, session_type, starts_on, ends_on, "
                + "parent_source_id, school_year, removed_at, version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
                inserts);
        batch("update academic_session set title = ?, session_type = ?, starts_on = ?, ends_on = ?, parent_source_id = ?, "
                + "school_year = ?, removed_at = ?, version = version + 1 where id = ?", updates);
    }

    private void people(DistrictRoster roster) {
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        List<Object[]> roleDeletes = new ArrayList<>();
        List<Object[]> roleInserts = new ArrayList<>();
        for (PersonRow p : roster.peopleBySource.values()) {
            if (p.after == null || p.after.equals(p.before)) {
                continue;
            }
            var d = p.after;
            if (p.before == null) {
                inserts.add(new Object[] { p.id, roster.districtId, d.schoolId(), d.email(), Person.emailKey(d.email()),
                        d.givenName(), d.familyName(), d.studentNumber(), d.grade(), p.sourceId,
                        removedAt(d.removed()) });
            }
            else {
                updates.add(new Object[] { d.schoolId(), d.email(), Person.emailKey(d.email()), d.givenName(),
                        d.familyName(), d.studentNumber(), d.grade(),
                        p.before.removed() && d.removed() ? "keep" : "set", removedAt(d.removed()), p.id });
            }
            if (p.before == null || !p.before.roles().equals(d.roles())) {
                if (p.before != null) {
                    roleDeletes.add(new Object[] { p.id });
                }
                d.roles().forEach(role -> roleInserts.add(new Object[] { p.id, role.name() }));
            }
        }
        // Emails and numbers move between people only after everyone's old ones are gone.
        // An email is written with
        // its key (Person.emailKey), which sign-in looks up.
        batch("update person set email = null, email_key = null, student_number = null where id = ?",
                updates.stream().map(u -> new Object[] { u[u.length - 1] }).toList());
        batch("insert into person (id, district_id, school_id, email, email_key, given_name, family_name, student_number, "
                + "grade, source_id, removed_at, version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)", inserts);
        batch("update person set school_id = ?, email = ?, email_key = ?, given_name = ?, family_name = ?, "
                + "student_number = ?, grade = ?, removed_at = case when ? = 'keep' then removed_at else ? end, "
                + "version = version + 1 where id = ?", updates);
        batch("delete from person_role where person_id = ?", roleDeletes);
        batch("insert into person_role (person_id, role) values (?, ?)", roleInserts);
    }

    private void sections(DistrictRoster roster) {
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        List<Object[]> periodDeletes = new ArrayList<>();
        List<Object[]> periodInserts = new ArrayList<>();
        List<Object[]> coDeletes = new ArrayList<>();
        List<Object[]> coInserts = new ArrayList<>();
        for (SectionRow s : roster.sectionsBySource.values()) {
            if (s.after == null || s.after.equals(s.before)) {
                continue;
            }
            var d = s.after;
            if (s.before == null) {
                inserts.add(new Object[] { s.id, d.schoolId(), d.roomId(), d.mainTeacherId(), d.name(), s.sourceId,
                        d.termSourceIds(), sql(d.termStartsOn()), sql(d.termEndsOn()), removedAt(d.removed()) });
            }
            else {
                updates.add(new Object[] { d.schoolId(), d.roomId(), d.mainTeacherId(), d.name(), d.termSourceIds(),
                        sql(d.termStartsOn()), sql(d.termEndsOn()), s.before.removed() && d.removed() ? "keep" : "set",
                        removedAt(d.removed()), s.id });
            }
            if (s.before == null || !s.before.periods().equals(d.periods())) {
                if (s.before != null) {
                    periodDeletes.add(new Object[] { s.id });
                }
                d.periods().forEach(name -> periodInserts.add(new Object[] { s.id, name }));
            }
            if (s.before == null || !s.before.coTeachers().equals(d.coTeachers())) {
                if (s.before != null) {
                    coDeletes.add(new Object[] { s.id });
                }
                d.coTeachers().forEach(t -> coInserts.add(new Object[] { s.id, t }));
            }
        }
        batch("insert into section (id, school_id, room_id, main_teacher_id, name, source_id, term_source_ids, "
                + "term_starts_on, term_ends_on, removed_at, version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
                inserts);
        batch("update section set school_id = ?, room_id = ?, main_teacher_id = ?, name = ?, term_source_ids = ?, "
                + "term_starts_on = ?, term_ends_on = ?, removed_at = case when ? = 'keep' then removed_at else ? end, "
                + "version = version + 1 where id = ?", updates);
        batch("delete from section_period where section_id = ?", periodDeletes);
        batch("insert into section_period (section_id, period_name) values (?, ?)", periodInserts);
        batch("delete from section_co_teacher where section_id = ?", coDeletes);
        batch("insert into section_co_teacher (section_id, person_id) values (?, ?)", coInserts);
    }

    private void enrolments(DistrictRoster roster, Map<String, Map<String, Dates>> after) {
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        List<Object[]> deletes = new ArrayList<>();
        after.forEach((section, students) -> {
            Map<String, Dates> before = roster.enrolmentsBefore.getOrDefault(section, Map.of());
            students.forEach((student, dates) -> {
                Dates was = before.get(student);
                if (was == null) {
                    inserts.add(new Object[] { section, student, sql(dates.beginsOn()), sql(dates.endsOn()) });
                }
                else if (!Objects.equals(was, dates)) {
                    updates.add(new Object[] { sql(dates.beginsOn()), sql(dates.endsOn()), section, student });
                }
            });
            before.keySet()
                .stream()
                .filter(student -> !students.containsKey(student))
                .forEach(student -> deletes.add(new Object[] { section, student }));
        });
        batch("delete from section_student where section_id = ? and person_id = ?", deletes);
        batch("update section_student set begins_on = ?, ends_on = ? where section_id = ? and person_id = ?", updates);
        batch("insert into section_student (section_id, person_id, begins_on, ends_on) values (?, ?, ?, ?)", inserts);
    }

    private Timestamp removedAt(boolean removed) {
        return removed ? Timestamp.from(now) : null;
    }

    private void batch(String sql, List<Object[]> rows) {
        for (int from = 0; from < rows.size(); from += 1000) {
            jdbc.batchUpdate(sql, rows.subList(from, Math.min(rows.size(), from + 1000)));
        }
    }

}
