package org.corridor.benchmark.bellrush;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.corridor.person.Person;

/**
 * Adds the bell-rush schools to the running service's database, after Flyway and the demo
 * seeding: in the demo district (so its active rule set applies), {@code schools}
 * schools, each with {@code classes} teachers whose sections meet all day every day (a
 * copy of the demo's all-day period), {@code students} students per section, four
 * unstaffed destinations, and one district administrator with no school
 * ({@value #ADMIN_EMAIL}) who may change every school's settings. Every email is
 * distinct; every password is the demo profile's "demo". Plain batched JDBC inserts:
 * seeding is not what is measured.
 */
final class Seed {

    static final String DOMAIN = "@bellrush.test";
    static final String ADMIN_EMAIL = "bellrush-admin" + DOMAIN;
    static final String SECTION_PREFIX = "Bell rush ";

    private Seed() {
    }

    static void run(Args args) throws SQLException {
        String url = args.string("db-url", null);
        int schools = args.integer("schools", 4);
        int classes = args.integer("classes", 6);
        int students = args.integer("students", 30);
        try (Connection db = DriverManager.getConnection(url, args.string("db-user", "root"),
                args.string("db-password", ""))) {
            db.setAutoCommit(false);
            String district = single(db, "select id from district where name = 'Demo District'");
            String period = single(db, "select id from school_period order by name limit 1");
            Inserts in = new Inserts(db);
            in.person(district, null, ADMIN_EMAIL, "Bell", "Rush", null, "ADMIN");
            for (int k = 1; k <= schools; k++) {
                String school = id();
                try (PreparedStatement s = db.prepareStatement("insert into school (id, district_id, name, time_zone, "
                        + "long_running_minutes, auto_end_minutes, request_expiry_minutes, version) "
                        + "values (?, ?, ?, 'America/New_York', 10, 45, 15, 0)")) {
                    s.setString(1, school);
                    s.setString(2, district);
                    s.setString(3, "Bell Rush School " + k);
                    s.executeUpdate();
                }
                String allDay = id();
                try (PreparedStatement s = db.prepareStatement("insert into school_period (id, school_id, name, "
                        + "starts_at, ends_at, school_days, version) select ?, ?, name, starts_at, ends_at, school_days, 0 "
                        + "from school_period where id = ?")) {
                    s.setString(1, allDay);
                    s.setString(2, school);
                    s.setString(3, period);
                    s.executeUpdate();
                }
                in.location(school, "Restroom", true, 10, true);
                in.location(school, "Nurse", true, 0, false);
                in.location(school, "Library", true, 30, false);
                in.location(school, "Main Office", true, 0, false);
                for (int c = 1; c <= classes; c++) {
                    String tag = k + "-" + c;
                    String teacher = in.person(district, school, "t" + tag + DOMAIN, "Teacher", tag, "Teacher " + tag,
                            "TEACHER");
                    String room = in.location(school, "Room " + c, false, 0, false);
                    String section = id();
                    try (PreparedStatement s = db.prepareStatement("insert into section (id, school_id, "
                            + "room_id, main_teacher_id, name, version) values (?, ?, ?, ?, ?, 0)")) {
                        s.setString(1, section);
                        s.setString(2, school);
                        s.setString(3, room);
                        s.setString(4, teacher);
                        s.setString(5, SECTION_PREFIX + tag);
                        s.executeUpdate();
                    }
                    // Sections meet in periods named as the bell schedule names them (the
                    // copied all-day one).
                    try (PreparedStatement s = db.prepareStatement("insert into section_period (section_id, "
                            + "period_name) select ?, name from school_period where id = ?")) {
                        s.setString(1, section);
                        s.setString(2, allDay);
                        s.executeUpdate();
                    }
                    for (int i = 1; i <= students; i++) {
                        String student = in.student(district, school, "s" + tag + "-" + i + DOMAIN, "Student",
                                tag + "-" + i, "BR" + tag + "-" + i);
                        in.enrol(section, student);
                    }
                }
                in.flush();
            }
            db.commit();
            System.out.printf("Seeded %d schools x %d classes x %d students (%d students, %d teachers) into %s%n",
                    schools, classes, students, schools * classes * students, schools * classes, url);
        }
    }

    private static String single(Connection db, String sql) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            if (!rs.next()) {
                throw new IllegalStateException("nothing for " + sql + ": has the demo profile seeded its school?");
            }
            return rs.getString(1);
        }
    }

    static String id() {
        return UUID.randomUUID().toString();
    }

    /** Batched person, role and enrolment inserts. */
    private static final class Inserts {

        private final Connection db;

        private final PreparedStatement people;

        private final PreparedStatement roles;

        private final PreparedStatement enrolments;

        private final List<PreparedStatement> order;

        Inserts(Connection db) throws SQLException {
            this.db = db;
            people = db.prepareStatement("insert into person (id, district_id, school_id, email, email_key, "
                    + "given_name, family_name, display_name, student_number, version) "
                    + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)");
            roles = db.prepareStatement("insert into person_role (person_id, role) values (?, ?)");
            enrolments = db.prepareStatement("insert into section_student (section_id, person_id) values (?, ?)");
            order = new ArrayList<>(List.of(people, roles, enrolments));
        }

        String person(String district, String school, String email, String given, String family, String display,
                String role) throws SQLException {
            String id = insert(district, school, email, given, family, display, null, role);
            // A teacher is referenced by the section inserted next: write people now.
            flush();
            return id;
        }

        String student(String district, String school, String email, String given, String family, String number)
                throws SQLException {
            return insert(district, school, email, given, family, null, number, "STUDENT");
        }

        private String insert(String district, String school, String email, String given, String family, String display,
                String number, String role) throws SQLException {
            String id = id();
            people.setString(1, id);
            people.setString(2, district);
            people.setString(3, school);
            people.setString(4, email);
            people.setString(5, Person.emailKey(email));
            people.setString(6, given);
            people.setString(7, family);
            people.setString(8, display);
            people.setString(9, number);
            people.addBatch();
            roles.setString(1, id);
            roles.setString(2, role);
            roles.addBatch();
            return id;
        }

        void enrol(String section, String student) throws SQLException {
            enrolments.setString(1, section);
            enrolments.setString(2, student);
            enrolments.addBatch();
        }

        String location(String school, String name, boolean destination, int capacity, boolean auto)
                throws SQLException {
            String id = id();
            try (PreparedStatement s = db.prepareStatement("insert into location (id, school_id, name, is_destination, "
                    + "capacity, is_open, auto_pass_allowed, teacher_id, version) values (?, ?, ?, ?, ?, true, ?, null, 0)")) {
                s.setString(1, id);
                s.setString(2, school);
                s.setString(3, name);
                s.setBoolean(4, destination);
                s.setInt(5, capacity);
                s.setBoolean(6, auto);
                s.executeUpdate();
            }
            return id;
        }

        void flush() throws SQLException {
            for (PreparedStatement statement : order) {
                statement.executeBatch();
            }
        }

    }

}
