package org.corridor.roster;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A made-up OneRoster district for the tests, the same on every run (no randomness):
 * Corridor's own data, so a clone passes its tests anywhere. The standard district has
 * {@value #STANDARD_SCHOOLS} schools of {@value #STUDENTS_PER_SCHOOL} students,
 * {@value #TEACHERS_PER_SCHOOL} teachers and a principal each, a district administrator
 * and a few guardians, in the 2020-2021 school year (a school year, two semesters, four
 * grading periods).
 * <p>
 * Each student takes eight classes in six periods: periods 1 to 4 run all year, periods 5
 * and 6 are a fall and a spring class. Every student's period 1 class is enrolled as two
 * rows, one per semester (a split enrolment, as SIS exports write year-long classes). One
 * class in three has a co-teacher ({@code primary=false}); the last teacher of every
 * even-numbered school also teaches in the next school ({@code orgSourcedIds} holds
 * both). Names include non-ASCII letters and an apostrophe, some titles need quoting,
 * lines end in CRLF and {@code orgs.csv} starts with a byte order mark.
 * <p>
 * The same district is written as OneRoster 1.1 ({@link #bulkV11()}) and 1.2
 * ({@link #bulkV12()}: roles in {@code roles.csv}), with a delta for each
 * ({@link #deltaV11()}, {@link #deltaV12()}), and knows what an import should count.
 */
final class GeneratedDistrict {

    static final int STANDARD_SCHOOLS = 20;
    static final int STUDENTS_PER_SCHOOL = 205;
    static final int TEACHERS_PER_SCHOOL = 14;
    static final int PERIODS = 6;

    /** Classes per period in a school: 205 students in groups of 22 or 23. */
    static final int GROUPS = 9;

    /** Periods 1 to 4 run all year; 5 and 6 have a fall and a spring class. */
    static final int YEAR_LONG_PERIODS = 4;

    /** One student in this many has a guardian in users.csv (not a Corridor user). */
    static final int GUARDIAN_EVERY = 50;

    static final String DISTRICT = "gd-district";
    static final String YEAR = "gd-sy2021";
    static final String FALL = "gd-fall2020";
    static final String SPRING = "gd-spring2021";
    static final String FALL_BEGINS = "2020-08-17";
    static final String FALL_ENDS = "2020-12-18";
    static final String SPRING_BEGINS = "2021-01-04";
    static final String SPRING_ENDS = "2021-06-11";

    private static final String[] PLACES = { "Alder", "Birchwood", "Cedar Ridge", "Dogwood", "Elm Park", "Fernhill",
            "Glenview", "Hawthorne", "Ironwood", "Juniper", "Kestrel", "Linden", "Maplewood", "Northgate", "Oakmont",
            "Pinecrest", "Quarry Hill", "Riverside", "Sycamore", "Tamarack", "Upland", "Valley View", "Willow Creek",
            "Yarrow" };

    private static final String[] GIVEN = { "Zoë", "Łukasz", "Søren", "Amélie", "José", "Chloé", "Aiyana", "Ben",
            "Carmen", "Dmitri", "Efua", "Farah", "Guo", "Hana", "Ines", "Jamal", "Kai", "Leila", "Mateo", "Nia", "Omar",
            "Priya", "Quinn", "Rosa", "Sione", "Tariq", "Uma", "Vera", "Wen", "Yusuf" };

    private static final String[] FAMILY = { "Núñez", "Wróbel", "Kierkegård", "Poulain", "Dupré", "Nguyễn", "Müller",
            "O'Brien", "Çelik", "Østergaard", "Adeyemi", "Brooks", "Castillo", "Dubois", "Evans", "Fischer", "García",
            "Haddad", "Ito", "Jensen", "Kowalski", "López", "Mensah", "Novak", "Okafor", "Patel", "Rossi", "Silva",
            "Tanaka", "Walker", "Yilmaz" };

    /** Subjects by period; periods 5 and 6 have a fall and a spring subject. */
    private static final String[][] SUBJECTS = { { "English" }, { "Mathematics" }, { "Science" },
            { "History, Geography & Civics" }, { "Art", "Music" }, { "Health", "Physical Education" } };

    record Org(String sourcedId, String name, String type, String parent) {
    }

    record Session(String sourcedId, String title, String type, String starts, String ends, String parent) {
    }

    /**
     * A user; {@code orgs} lists their schools (the district for district staff), the
     * first one primary.
     */
    record User(String sourcedId, String role, List<String> orgs, String username, String given, String family,
            String identifier, String email, String agents) {
        boolean corridorUser() {
            return !role.equals("guardian");
        }
    }

    record Clazz(String sourcedId, String title, String course, String classCode, String school, List<String> terms,
            String period, String room) {
    }

    record Enrollment(String sourcedId, String clazz, String school, String user, String role, String primary,
            String begins, String ends) {
    }

    private final int schools;

    final List<Org> orgs = new ArrayList<>();

    final List<Session> sessions = new ArrayList<>();

    final List<User> users = new ArrayList<>();

    final List<Clazz> classes = new ArrayList<>();

    final List<Enrollment> enrollments = new ArrayList<>();

    GeneratedDistrict(int schools) {
        if (schools < 1 || schools > 99) {
            throw new IllegalArgumentException("1 to 99 schools, not " + schools);
        }
        this.schools = schools;
        orgs.add(new Org(DISTRICT, "Generated Unified School District", "district", ""));
        sessions.add(new Session(YEAR, "2020-2021", "schoolYear", "2020-08-01", "2021-06-30", ""));
        sessions.add(new Session(FALL, "Fall 2020", "semester", FALL_BEGINS, FALL_ENDS, YEAR));
        sessions.add(new Session(SPRING, "Spring 2021", "semester", SPRING_BEGINS, SPRING_ENDS, YEAR));
        sessions.add(new Session("gd-q1", "Q1", "gradingPeriod", FALL_BEGINS, "2020-10-16", FALL));
        sessions.add(new Session("gd-q2", "Q2", "gradingPeriod", "2020-10-19", FALL_ENDS, FALL));
        sessions.add(new Session("gd-q3", "Q3", "gradingPeriod", SPRING_BEGINS, "2021-03-19", SPRING));
        sessions.add(new Session("gd-q4", "Q4", "gradingPeriod", "2021-03-22", SPRING_ENDS, SPRING));
        users.add(new User("gd-admin", "administrator", List.of(DISTRICT), "district.admin", "Dana", "Okonkwo", "",
                "district.admin@generated.test", ""));
        for (int s = 0; s < schools; s++) {
            addSchool(s);
        }
    }

    /** The standard district: 20 schools, 4,100 students. */
    static GeneratedDistrict standard() {
        return new GeneratedDistrict(STANDARD_SCHOOLS);
    }

    static String school(int s) {
        return String.format("gd-s%02d", s + 1);
    }

    static String schoolName(int s) {
        String kind = s % 4 == 0 ? "High School" : s % 4 == 1 ? "Middle School" : "Elementary School";
        return PLACES[s % PLACES.length] + (s >= PLACES.length ? " " + (s / PLACES.length + 1) : "") + " " + kind;
    }

    static String teacher(int s, int t) {
        return String.format("gd-t%02d%02d", s + 1, t + 1);
    }

    static String student(int s, int n) {
        return String.format("gd-u%02d%04d", s + 1, n + 1);
    }

    /**
     * The student number: school and sequence, with a leading zero that must survive as
     * text.
     */
    static String studentNumber(int s, int n) {
        return String.format("%02d%04d", s + 1, n + 1);
    }

    static String studentEmail(int s, int n) {
        return n % 10 == 9 ? "" : "s" + studentNumber(s, n) + "@students.generated.test";
    }

    static String teacherEmail(int s, int t) {
        return String.format("t%02d%02d@generated.test", s + 1, t + 1);
    }

    /**
     * The class a student is in for a period ({@code half} 0 fall, 1 spring, ignored for
     * year-long periods).
     */
    static String clazz(int s, int period, int group, int half) {
        return String.format("gd-c%02d-p%d-g%d%s", s + 1, period, group + 1,
                period <= YEAR_LONG_PERIODS ? "" : half == 0 ? "-fall" : "-spring");
    }

    /**
     * The group of student {@code n} in a period: a different mix of classmates each
     * period, 22 or 23 each.
     */
    static int group(int n, int period) {
        return (n + period * (n / GROUPS)) % GROUPS;
    }

    /** The main teacher of a period's group: no teacher has two classes in one period. */
    static int mainTeacher(int period, int group) {
        return (group + 3 * (period - 1)) % TEACHERS_PER_SCHOOL;
    }

    static boolean coTaught(int group) {
        return group % 3 == 0;
    }

    static int coTeacher(int period, int group) {
        return (mainTeacher(period, group) + 7) % TEACHERS_PER_SCHOOL;
    }

    static String room(int t) {
        return "Room " + (101 + t);
    }

    private void addSchool(int s) {
        String school = school(s);
        orgs.add(new Org(school, schoolName(s), "school", DISTRICT));
        users.add(new User(String.format("gd-p%02d", s + 1), "administrator", List.of(school),
                String.format("principal%02d", s + 1), GIVEN[(s * 7) % GIVEN.length], FAMILY[(s * 5) % FAMILY.length],
                "", String.format("principal%02d@generated.test", s + 1), ""));
        for (int t = 0; t < TEACHERS_PER_SCHOOL; t++) {
            boolean twoSchools = t == TEACHERS_PER_SCHOOL - 1 && s % 2 == 0 && s + 1 < schools;
            users.add(new User(teacher(s, t), "teacher", twoSchools ? List.of(school, school(s + 1)) : List.of(school),
                    String.format("t%02d%02d", s + 1, t + 1), GIVEN[(s + t * 11) % GIVEN.length],
                    FAMILY[(s * 3 + t) % FAMILY.length], "", teacherEmail(s, t), ""));
        }
        for (int n = 0; n < STUDENTS_PER_SCHOOL; n++) {
            String guardian = n % GUARDIAN_EVERY == 0 ? String.format("gd-g%02d%04d", s + 1, n + 1) : "";
            users.add(new User(student(s, n), "student", List.of(school), "s" + studentNumber(s, n),
                    GIVEN[(n * 7 + s) % GIVEN.length], FAMILY[(n + s * 13) % FAMILY.length], studentNumber(s, n),
                    studentEmail(s, n), guardian));
            if (!guardian.isEmpty()) {
                users.add(new User(guardian, "guardian", List.of(school), "", "Guardian",
                        FAMILY[(n + s * 13) % FAMILY.length], "", "guardian." + studentNumber(s, n) + "@home.test",
                        student(s, n)));
            }
        }
        int enrollment = 0;
        for (int p = 1; p <= PERIODS; p++) {
            for (int half = 0; half < (p <= YEAR_LONG_PERIODS ? 1 : 2); half++) {
                String subject = SUBJECTS[p - 1][half];
                for (int g = 0; g < GROUPS; g++) {
                    String id = clazz(s, p, g, half);
                    int main = mainTeacher(p, g);
                    List<String> terms = p <= YEAR_LONG_PERIODS ? List.of(FALL, SPRING)
                            : List.of(half == 0 ? FALL : SPRING);
                    classes.add(new Clazz(id, subject + " " + (g + 1),
                            "gd-course-" + subject.toLowerCase().charAt(0) + p + half,
                            String.format("%s-%d%d", subject.substring(0, 3).toUpperCase(), p, g + 1), school, terms,
                            String.valueOf(p), room(main)));
                    enrollments.add(new Enrollment(String.format("gd-e%02d-%05d", s + 1, ++enrollment), id, school,
                            teacher(s, main), "teacher", "true", "", ""));
                    if (coTaught(g)) {
                        enrollments.add(new Enrollment(String.format("gd-e%02d-%05d", s + 1, ++enrollment), id, school,
                                teacher(s, coTeacher(p, g)), "teacher", "false", "", ""));
                    }
                }
            }
        }
        for (int n = 0; n < STUDENTS_PER_SCHOOL; n++) {
            for (int p = 1; p <= PERIODS; p++) {
                int g = group(n, p);
                if (p == 1) {
                    enrollments.add(new Enrollment(String.format("gd-e%02d-%05d", s + 1, ++enrollment),
                            clazz(s, p, g, 0), school, student(s, n), "student", "", FALL_BEGINS, FALL_ENDS));
                    enrollments.add(new Enrollment(String.format("gd-e%02d-%05d", s + 1, ++enrollment),
                            clazz(s, p, g, 0), school, student(s, n), "student", "", SPRING_BEGINS, SPRING_ENDS));
                }
                else if (p <= YEAR_LONG_PERIODS) {
                    enrollments.add(new Enrollment(String.format("gd-e%02d-%05d", s + 1, ++enrollment),
                            clazz(s, p, g, 0), school, student(s, n), "student", "", "", ""));
                }
                else {
                    enrollments.add(new Enrollment(String.format("gd-e%02d-%05d", s + 1, ++enrollment),
                            clazz(s, p, g, 0), school, student(s, n), "student", "", FALL_BEGINS, FALL_ENDS));
                    enrollments.add(new Enrollment(String.format("gd-e%02d-%05d", s + 1, ++enrollment),
                            clazz(s, p, g, 1), school, student(s, n), "student", "", SPRING_BEGINS, SPRING_ENDS));
                }
            }
        }
    }

    // -------------------------------------------------------------------------------------
    // what an import counts

    int schools() {
        return schools;
    }

    /** Students, teachers and administrators: guardians are not Corridor users. */
    int corridorUsers() {
        return (int) users.stream().filter(User::corridorUser).count();
    }

    int students() {
        return (int) users.stream().filter(u -> u.role().equals("student")).count();
    }

    int guardians() {
        return users.size() - corridorUsers();
    }

    int sections() {
        return classes.size();
    }

    /**
     * Corridor's enrolments: one per (class, person), students and teachers, however many
     * rows the set has.
     */
    int enrolments() {
        return (int) enrollments.stream().map(e -> e.clazz() + " " + e.user()).distinct().count();
    }

    int coTeachers() {
        return (int) enrollments.stream().filter(e -> e.primary().equals("false")).count();
    }

    /** Students enrolled in one class by more than one row. */
    int splitEnrolments() {
        return (int) enrollments.stream()
            .filter(e -> e.role().equals("student"))
            .collect(Collectors.groupingBy(e -> e.clazz() + " " + e.user(), Collectors.counting()))
            .values()
            .stream()
            .filter(rows -> rows > 1)
            .count();
    }

    int teachersInTwoSchools() {
        return (int) users.stream().filter(u -> u.orgs().size() > 1).count();
    }

    // -------------------------------------------------------------------------------------
    // OneRoster 1.1

    /** The whole district as a OneRoster 1.1 bulk set. */
    Map<String, byte[]> bulkV11() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("manifest.csv", manifest("1.1", "bulk",
                List.of("orgs", "academicSessions", "courses", "classes", "users", "enrollments")));
        files.put("orgs.csv", withBom(orgsCsv()));
        files.put("academicSessions.csv", sessionsCsv());
        files.put("courses.csv", coursesCsv());
        files.put("classes.csv", classesCsv(classes, ""));
        files.put("users.csv", usersV11(users, ""));
        files.put("enrollments.csv", enrollmentsCsv(enrollments, ""));
        return files;
    }

    /**
     * A OneRoster 1.1 delta on the bulk set, made in February 2021: {@link Delta} says
     * what it changes.
     */
    Map<String, byte[]> deltaV11() {
        Delta delta = delta();
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("manifest.csv", manifest("1.1", "delta", List.of("classes", "users", "enrollments")));
        files.put("classes.csv", delta.classes());
        files.put("users.csv", usersV11(delta.users, delta.deletedUsers));
        files.put("enrollments.csv", delta.enrollments());
        return files;
    }

    /**
     * The changes of the deltas: {@value #LEAVERS} students of the first school leave
     * ({@code tobedeleted}), {@value #NEWCOMERS} join its period 1 class of group 1 and a
     * new study hall that has no teacher yet, one teacher's family name changes, one
     * student moves to another period 2 class, the first co-teacher of the first school
     * stops co-teaching, and a spring class of the last school is cancelled
     * ({@code tobedeleted}).
     */
    final class Delta {

        static final int LEAVERS = 10;
        static final int NEWCOMERS = 5;
        static final String DATE = "2021-02-01T00:00:00.000Z";

        final List<User> users = new ArrayList<>();

        final String deletedUsers;

        final List<User> newcomers = new ArrayList<>();

        final User renamed;

        final String moved = student(0, 20);

        final String movedFrom = clazz(0, 2, group(20, 2), 0);

        final String movedTo = clazz(0, 2, (group(20, 2) + 1) % GROUPS, 0);

        final String coTaughtClass = clazz(0, 1, 0, 0);

        final String coTeacher = teacher(0, coTeacher(1, 0));

        final String cancelledClass = clazz(schools - 1, 6, GROUPS - 1, 1);

        final Clazz studyHall = new Clazz("gd-c01-study-hall", "Study Hall", "gd-course-study", "STU-1", school(0),
                List.of(SPRING), "3", "Library");

        private Delta() {
            StringBuilder deleted = new StringBuilder();
            for (int n = STUDENTS_PER_SCHOOL - LEAVERS; n < STUDENTS_PER_SCHOOL; n++) {
                deleted.append(student(0, n)).append('\n');
            }
            deletedUsers = deleted.toString();
            for (User u : GeneratedDistrict.this.users) {
                if (deletedUsers.contains(u.sourcedId() + "\n")) {
                    users.add(u);
                }
            }
            for (int i = 0; i < NEWCOMERS; i++) {
                int n = 9000 + i;
                newcomers.add(new User(student(0, n), "student", List.of(school(0)), "s" + studentNumber(0, n),
                        GIVEN[i], FAMILY[i], studentNumber(0, n),
                        "s" + studentNumber(0, n) + "@students.generated.test", ""));
            }
            users.addAll(newcomers);
            User teacher = GeneratedDistrict.this.users.stream()
                .filter(u -> u.sourcedId().equals(teacher(0, 0)))
                .findFirst()
                .orElseThrow();
            renamed = new User(teacher.sourcedId(), teacher.role(), teacher.orgs(), teacher.username(), teacher.given(),
                    "Married-" + teacher.family(), "", teacher.email(), "");
            users.add(renamed);
        }

        byte[] classes() {
            Clazz cancelled = GeneratedDistrict.this.classes.stream()
                .filter(c -> c.sourcedId().equals(cancelledClass))
                .findFirst()
                .orElseThrow();
            return classesCsv(List.of(cancelled, studyHall), cancelledClass);
        }

        byte[] enrollments() {
            List<Enrollment> rows = new ArrayList<>();
            Enrollment coTeaching = GeneratedDistrict.this.enrollments.stream()
                .filter(e -> e.clazz().equals(coTaughtClass) && e.user().equals(coTeacher))
                .findFirst()
                .orElseThrow();
            Enrollment moving = GeneratedDistrict.this.enrollments.stream()
                .filter(e -> e.clazz().equals(movedFrom) && e.user().equals(moved))
                .findFirst()
                .orElseThrow();
            rows.add(coTeaching);
            rows.add(moving);
            rows.add(new Enrollment("gd-e-delta-moved", movedTo, school(0), moved, "student", "", "2021-02-01", ""));
            for (User newcomer : newcomers) {
                rows.add(new Enrollment("gd-e-delta-" + newcomer.sourcedId(), clazz(0, 1, 0, 0), school(0),
                        newcomer.sourcedId(), "student", "", "2021-02-01", ""));
                rows.add(new Enrollment("gd-e-delta-study-" + newcomer.sourcedId(), studyHall.sourcedId(), school(0),
                        newcomer.sourcedId(), "student", "", "2021-02-01", ""));
            }
            return enrollmentsCsv(rows, coTeaching.sourcedId() + "\n" + moving.sourcedId() + "\n");
        }

    }

    Delta delta() {
        return new Delta();
    }

    // -------------------------------------------------------------------------------------
    // OneRoster 1.2

    /**
     * The whole district as a OneRoster 1.2 bulk set: users without roles, a row per role
     * and org in roles.csv.
     */
    Map<String, byte[]> bulkV12() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("manifest.csv", manifest("1.2", "bulk",
                List.of("orgs", "academicSessions", "courses", "classes", "users", "roles", "enrollments")));
        files.put("orgs.csv", withBom(orgsCsv()));
        files.put("academicSessions.csv", sessionsCsv());
        files.put("courses.csv", coursesCsv());
        files.put("classes.csv", classesCsv(classes, ""));
        files.put("users.csv", usersV12(users, ""));
        files.put("roles.csv", rolesCsv(users, false));
        files.put("enrollments.csv", enrollmentsCsv(enrollments, ""));
        return files;
    }

    /**
     * The OneRoster 1.2 delta of {@link #bulkV12()}: the newcomers with their roles, the
     * renamed teacher without.
     */
    Map<String, byte[]> deltaV12() {
        Delta delta = delta();
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("manifest.csv", manifest("1.2", "delta", List.of("classes", "users", "roles", "enrollments")));
        files.put("classes.csv", delta.classes());
        files.put("users.csv", usersV12(delta.users, delta.deletedUsers));
        // A 1.2 delta repeats roles only for the users whose roles change: the renamed
        // teacher keeps hers.
        files.put("roles.csv", rolesCsv(delta.newcomers, true));
        files.put("enrollments.csv", delta.enrollments());
        return files;
    }

    // -------------------------------------------------------------------------------------
    // writing CSV

    private static byte[] manifest(String version, String mode, List<String> files) {
        StringBuilder csv = new StringBuilder("propertyName,value\r\nmanifest.version,1.0\r\noneroster.version,")
            .append(version)
            .append("\r\n");
        for (String file : List.of("academicSessions", "categories", "classes", "classResources", "courses",
                "courseResources", "demographics", "enrollments", "lineItems", "orgs", "resources", "results", "roles",
                "userProfiles", "users")) {
            if (file.equals("roles") && version.equals("1.1") || file.equals("userProfiles") && version.equals("1.1")) {
                continue;
            }
            csv.append("file.").append(file).append(',').append(files.contains(file) ? mode : "absent").append("\r\n");
        }
        csv.append("source.systemName,Corridor GeneratedDistrict\r\nsource.systemCode,corridor-tests\r\n");
        return bytes(csv);
    }

    private byte[] orgsCsv() {
        StringBuilder csv = new StringBuilder(
                "sourcedId,status,dateLastModified,name,type,identifier," + "parentSourcedId\r\n");
        for (Org o : orgs) {
            row(csv, o.sourcedId(), "", "", o.name(), o.type(), o.sourcedId().toUpperCase(), o.parent());
        }
        return bytes(csv);
    }

    private byte[] sessionsCsv() {
        StringBuilder csv = new StringBuilder(
                "sourcedId,status,dateLastModified,title,type,startDate,endDate," + "parentSourcedId,schoolYear\r\n");
        for (Session s : sessions) {
            row(csv, s.sourcedId(), "", "", s.title(), s.type(), s.starts(), s.ends(), s.parent(), "2021");
        }
        return bytes(csv);
    }

    private byte[] coursesCsv() {
        StringBuilder csv = new StringBuilder("sourcedId,status,dateLastModified,schoolYearSourcedId,title,courseCode,"
                + "grades,orgSourcedId,subjects,subjectCodes\r\n");
        classes.stream()
            .map(Clazz::course)
            .distinct()
            .forEach(course -> row(csv, course, "", "", YEAR, course.substring("gd-course-".length()).toUpperCase(),
                    course.substring("gd-course-".length()), "", DISTRICT, "", ""));
        return bytes(csv);
    }

    private static byte[] classesCsv(List<Clazz> classes, String deleted) {
        StringBuilder csv = new StringBuilder("sourcedId,status,dateLastModified,title,grades,courseSourcedId,"
                + "classCode,classType,location,schoolSourcedId,termSourcedIds,subjects,subjectCodes,periods\r\n");
        for (Clazz c : classes) {
            boolean gone = deleted.contains(c.sourcedId());
            row(csv, c.sourcedId(), gone ? "tobedeleted" : deleted.isEmpty() ? "" : "active",
                    deleted.isEmpty() ? "" : Delta.DATE, c.title(), "", c.course(), c.classCode(), "scheduled",
                    c.room(), c.school(), String.join(",", c.terms()), c.title().replaceAll(" \\d+$", ""), "",
                    c.period());
        }
        return bytes(csv);
    }

    private static byte[] usersV11(List<User> users, String deleted) {
        boolean delta = !deleted.isEmpty();
        StringBuilder csv = new StringBuilder("sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,"
                + "username,userIds,givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,"
                + "password\r\n");
        for (User u : users) {
            boolean gone = deleted.contains(u.sourcedId() + "\n");
            row(csv, u.sourcedId(), delta ? (gone ? "tobedeleted" : "active") : "", delta ? Delta.DATE : "", "true",
                    String.join(",", u.orgs()), u.role(), u.username(), "", u.given(), u.family(), "", u.identifier(),
                    u.email(), "", "", u.agents(), "", "");
        }
        return bytes(csv);
    }

    private static byte[] usersV12(List<User> users, String deleted) {
        boolean delta = !deleted.isEmpty();
        StringBuilder csv = new StringBuilder("sourcedId,status,dateLastModified,enabledUser,username,userIds,"
                + "givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password,"
                + "userMasterIdentifier,resourceSourcedIds,preferredGivenName,preferredMiddleName,preferredFamilyName,"
                + "primaryOrgSourcedId,pronouns\r\n");
        for (User u : users) {
            boolean gone = deleted.contains(u.sourcedId() + "\n");
            row(csv, u.sourcedId(), delta ? (gone ? "tobedeleted" : "active") : "", delta ? Delta.DATE : "", "true",
                    u.username(), "", u.given(), u.family(), "", u.identifier(), u.email(), "", "", u.agents(), "", "",
                    "", "", "", "", "", u.orgs().get(0), "");
        }
        return bytes(csv);
    }

    /**
     * A row per user and org; 1.2 names district administrators and principals as such.
     */
    private static byte[] rolesCsv(List<User> users, boolean delta) {
        StringBuilder csv = new StringBuilder("sourcedId,status,dateLastModified,userSourcedId,roleType,role,"
                + "beginDate,endDate,orgSourcedId,userProfileSourcedId\r\n");
        for (User u : users) {
            String role = !u.role().equals("administrator") ? u.role()
                    : u.orgs().get(0).equals(DISTRICT) ? "districtAdministrator" : "principal";
            for (int i = 0; i < u.orgs().size(); i++) {
                row(csv, "gd-r-" + u.sourcedId() + "-" + i, delta ? "active" : "", delta ? Delta.DATE : "",
                        u.sourcedId(), i == 0 ? "primary" : "secondary", role, "", "", u.orgs().get(i), "");
            }
        }
        return bytes(csv);
    }

    private static byte[] enrollmentsCsv(List<Enrollment> enrollments, String deleted) {
        boolean delta = !deleted.isEmpty();
        StringBuilder csv = new StringBuilder("sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,"
                + "userSourcedId,role,primary,beginDate,endDate\r\n");
        for (Enrollment e : enrollments) {
            boolean gone = deleted.contains(e.sourcedId() + "\n");
            row(csv, e.sourcedId(), delta ? (gone ? "tobedeleted" : "active") : "", delta ? Delta.DATE : "", e.clazz(),
                    e.school(), e.user(), e.role(), e.primary(), e.begins(), e.ends());
        }
        return bytes(csv);
    }

    /**
     * One CSV row: fields with a comma, a quote or a line break are quoted (RFC 4180).
     */
    private static void row(StringBuilder csv, String... fields) {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                csv.append(',');
            }
            String f = fields[i];
            if (f.contains(",") || f.contains("\"") || f.contains("\n") || f.contains("\r")) {
                csv.append('"').append(f.replace("\"", "\"\"")).append('"');
            }
            else {
                csv.append(f);
            }
        }
        csv.append("\r\n");
    }

    private static byte[] bytes(StringBuilder csv) {
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] withBom(byte[] csv) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(csv.length + 3);
        out.write(0xEF);
        out.write(0xBB);
        out.write(0xBF);
        out.writeBytes(csv);
        return out.toByteArray();
    }

}
