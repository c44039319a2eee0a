package org.corridor.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Ended passes written straight into the tables of a database the demo district is in, by
 * batched inserts: the volume an auditor searches (a school's year), without running a
 * hundred thousand processes through the engine. Every pass is of Ava's school, from a
 * section a student is enrolled in, to one of the school's destinations; one in ten
 * carries a flag. Seeding is not what is measured.
 */
public final class SeededPasses {

    private static final String[] STATES = { "COMPLETED", "COMPLETED", "COMPLETED", "ENDED_BY_SYSTEM", "DENIED",
            "CANCELLED", "EXPIRED" };

    private SeededPasses() {
    }

    /**
     * Where the passes go: the demo school and the ids of its sections, students,
     * destinations.
     */
    private record Enrolment(String section, String room, String teacher, String student) {
    }

    /**
     * Writes {@code count} passes, their request times spread over {@code days} days
     * before {@code until} (UTC wall-clock time, as the tables keep it), in batches of
     * 1,000, one transaction per batch. Answers the school's id.
     */
    public static String insert(Connection db, int count, int days, LocalDateTime until) throws SQLException {
        boolean auto = db.getAutoCommit();
        db.setAutoCommit(false);
        String district;
        String school;
        try (PreparedStatement q = db
            .prepareStatement("select district_id, school_id from person where email = 'ava@corridor.test'");
                ResultSet rs = q.executeQuery()) {
            rs.next();
            district = rs.getString(1);
            school = rs.getString(2);
        }
        List<Enrolment> enrolments = new ArrayList<>();
        try (PreparedStatement q = db.prepareStatement("select s.id, s.room_id, s.main_teacher_id, e.person_id"
                + " from section s join section_student e on e.section_id = s.id where s.school_id = ?"
                + " order by s.id, e.person_id")) {
            q.setString(1, school);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    enrolments.add(new Enrolment(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                }
            }
        }
        List<String> destinations = new ArrayList<>();
        try (PreparedStatement q = db
            .prepareStatement("select id from location where school_id = ? and is_destination = true order by id")) {
            q.setString(1, school);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    destinations.add(rs.getString(1));
                }
            }
        }
        Random random = new Random(18);
        long spanSeconds = days * 86_400L;
        try (PreparedStatement pass = db.prepareStatement("insert into hall_pass (id, district_id, school_id,"
                + " student_id, pass_type, channel, state, departing_section_id, departing_room_id, destination_id,"
                + " routed_to_id, created_by_id, requested_at, started_at, ended_at, version)"
                + " values (?, ?, ?, ?, 'REGULAR', 'DEVICE', ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)");
                PreparedStatement flag = db.prepareStatement("insert into pass_flag (pass_id, ordinal, code,"
                        + " severity, message, student_message, rule_name, rule_set_version)"
                        + " values (?, 0, 'FREQUENT_USE', 'WARN', 'Fourth pass today', 'Ask your teacher',"
                        + " 'Frequent use', 'v1')")) {
            for (int i = 1; i <= count; i++) {
                Enrolment e = enrolments.get(random.nextInt(enrolments.size()));
                String id = UUID.randomUUID().toString();
                String state = STATES[random.nextInt(STATES.length)];
                LocalDateTime requested = until.minusSeconds(1 + (long) (random.nextDouble() * spanSeconds));
                boolean used = state.equals("COMPLETED") || state.equals("ENDED_BY_SYSTEM");
                pass.setString(1, id);
                pass.setString(2, district);
                pass.setString(3, school);
                pass.setString(4, e.student());
                pass.setString(5, state);
                pass.setString(6, e.section());
                pass.setString(7, e.room());
                pass.setString(8, destinations.get(random.nextInt(destinations.size())));
                pass.setString(9, e.teacher());
                pass.setString(10, e.student());
                pass.setTimestamp(11, Timestamp.valueOf(requested));
                pass.setTimestamp(12, used ? Timestamp.valueOf(requested.plusSeconds(40)) : null);
                pass.setTimestamp(13, Timestamp.valueOf(requested.plusSeconds(used ? 300 + random.nextInt(600) : 60)));
                pass.addBatch();
                if (i % 10 == 0) {
                    flag.setString(1, id);
                    flag.addBatch();
                }
                if (i % 1000 == 0 || i == count) {
                    pass.executeBatch();
                    flag.executeBatch();
                    db.commit();
                }
            }
        }
        finally {
            db.setAutoCommit(auto);
        }
        return school;
    }

}
