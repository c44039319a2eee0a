package org.corridor.location;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import org.corridor.school.HallTraffic;

/**
 * How many students are out at each destination now: a counter per location
 * ({@code destination_occupancy}, V9), so the rules read a school's occupancy in a few
 * rows however many students are out. A pass moves it only as it becomes active or stops
 * being active ({@code Pass} calls {@link #arrived} and {@link #left} from the one method
 * that changes its state that way), in the same transaction, with an atomic update: two
 * passes ending at once both count, and a transaction that rolls back takes its change
 * with it.
 * <p>
 * Locks, always in this order so that nothing waits in a circle: the destination's
 * {@code location} row, then its counter, then the pass's and the engine's rows. An
 * approval, or a pass that starts without one, locks the location row exclusively
 * ({@link LocationRepository#lockById}) before anything else; bringing a student back
 * locks it in share mode ({@link LocationRepository#shareById}) in {@link #left}, before
 * the counter, before the pass's new state is written. Share mode is needed anyway:
 * writing a pass's state makes MariaDB check the pass's destination foreign key
 * ({@code ix_pass_destination_state} begins with the destination and holds the state),
 * which takes that lock at the flush; taken only then, after the counter, an end and an
 * approval at one destination would each hold what the other waits for. A transaction
 * that changes passes at several destinations (an emergency) takes all of its school's
 * locks first ({@link #lockSchool}). The counter statements go through JDBC, not
 * Hibernate, so they run when called and never make Hibernate flush first.
 */
@Component
public class Occupancy {

    private final JdbcTemplate jdbc;

    private final LocationRepository locations;

    private final ApplicationEventPublisher events;

    Occupancy(JdbcTemplate jdbc, LocationRepository locations, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.locations = locations;
        this.events = events;
    }

    /**
     * One more student out at the destination, whose row the caller has locked
     * ({@link LocationRepository#lockById}: every pass becomes active under that lock, so
     * two first arrivals never both insert). A location gets its counter when its first
     * student goes out (V9 made one for every location that existed then).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void arrived(String destinationId, String schoolId, HallTraffic traffic) {
        if (jdbc.update("update destination_occupancy set out_now = out_now + 1 where location_id = ?",
                destinationId) == 0) {
            jdbc.update("insert into destination_occupancy (location_id, school_id, out_now) "
                    + "select id, school_id, 1 from location where id = ?", destinationId);
        }
        String column = column(traffic);
        if (jdbc.update("update hall_occupancy set " + column + " = " + column + " + 1 where school_id = ?",
                schoolId) == 0) {
            hallRow(schoolId);
            jdbc.update("update hall_occupancy set " + column + " = " + column + " + 1 where school_id = ?", schoolId);
        }
    }

    /**
     * How many students are out in the school's hallways now, by who made their passes,
     * locking the school's hallway count until the transaction ends: the school-level
     * lock under which a pass that counts towards the hallway limit decides whether it
     * may go. Taken after the destination's lock, before any counter, as every step takes
     * them.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public HallCount lockHall(String schoolId) {
        HallCount count = hallCount(schoolId, " for update");
        if (count != null) {
            return count;
        }
        hallRow(schoolId);
        return hallCount(schoolId, " for update");
    }

    /** How many students are out in the school's hallways now, without a lock. */
    @Transactional(readOnly = true)
    public HallCount hallOut(String schoolId) {
        HallCount count = hallCount(schoolId, "");
        return count != null ? count : new HallCount(0, 0, 0);
    }

    private HallCount hallCount(String schoolId, String lock) {
        return jdbc
            .query("select students_out, teachers_out, kiosk_out from hall_occupancy where school_id = ?" + lock,
                    (row, n) -> new HallCount(row.getInt(1), row.getInt(2), row.getInt(3)), schoolId)
            .stream()
            .findFirst()
            .orElse(null);
    }

    /**
     * A school made after V16 gets its hallway count when it is first needed: under the
     * school row's lock, so that two first arrivals do not both insert it.
     */
    private void hallRow(String schoolId) {
        jdbc.queryForList("select id from school where id = ? for update", String.class, schoolId);
        if (jdbc.queryForList("select school_id from hall_occupancy where school_id = ?", String.class, schoolId)
            .isEmpty()) {
            jdbc.update("insert into hall_occupancy (school_id, students_out, teachers_out, kiosk_out) "
                    + "values (?, 0, 0, 0)", schoolId);
        }
    }

    private static String column(HallTraffic traffic) {
        return switch (traffic) {
            case STUDENT -> "students_out";
            case TEACHER -> "teachers_out";
            case KIOSK -> "kiosk_out";
        };
    }

    /** Students out in a school's hallways, by who made their passes. */
    public record HallCount(int students, int teachers, int kiosk) {

        public int total() {
            return students + teachers + kiosk;
        }

        /** The students out that count towards the school's hallway limit. */
        public int counted(Collection<HallTraffic> counts) {
            return (counts.contains(HallTraffic.STUDENT) ? students : 0)
                    + (counts.contains(HallTraffic.TEACHER) ? teachers : 0)
                    + (counts.contains(HallTraffic.KIOSK) ? kiosk : 0);
        }

    }

    /**
     * How many students are out at the destination now. Whoever acts on the answer (an
     * auto pass about to take a place) holds the destination's lock
     * ({@link LocationRepository#lockById}), so no pass arrives before it commits; at
     * READ COMMITTED the read sees every arrival committed before the lock was granted.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int outNow(String destinationId) {
        return jdbc
            .queryForList("select out_now from destination_occupancy where location_id = ?", Integer.class,
                    destinationId)
            .stream()
            .findFirst()
            .orElse(0);
    }

    /**
     * How many students are out at each location of the school that has had one out (a
     * location missing from the answer has nobody out): what the rules read, so that
     * every screen shows the same count.
     */
    @Transactional(readOnly = true)
    public Map<String, Integer> outNowAt(String schoolId) {
        Map<String, Integer> out = new HashMap<>();
        jdbc.query("select location_id, out_now from destination_occupancy where school_id = ?",
                (RowCallbackHandler) row -> out.put(row.getString(1), row.getInt(2)), schoolId);
        return out;
    }

    /**
     * One student fewer out at the destination and in the school's hallways. After the
     * transaction commits, the school's waiting line hears of the free place
     * ({@link PlaceFreed}).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void left(String destinationId, String schoolId, HallTraffic traffic) {
        locations.shareById(destinationId);
        if (jdbc.update("update destination_occupancy set out_now = out_now - 1 where location_id = ?",
                destinationId) != 1) {
            throw new IllegalStateException("destination " + destinationId + " has no count of students out, "
                    + "yet a student out there is coming back");
        }
        String column = column(traffic);
        if (jdbc.update("update hall_occupancy set " + column + " = " + column + " - 1 where school_id = ?",
                schoolId) != 1) {
            throw new IllegalStateException("school " + schoolId + " has no count of students out in its hallways, "
                    + "yet a student out there is coming back");
        }
        events.publishEvent(new PlaceFreed(schoolId, destinationId));
    }

    /**
     * Locks every location of the school in share mode, then every counter of the school,
     * until the transaction ends: for a transaction about to end passes at many
     * destinations, before it reads or changes any pass. Taken one by one as its passes
     * came, while holding what it wrote for the earlier ones, they could be what an
     * approval holds while it waits for one of those passes.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lockSchool(String schoolId) {
        locations.shareBySchoolId(schoolId);
        jdbc.queryForList("select location_id from destination_occupancy where school_id = ? "
                + "order by location_id for update", String.class, schoolId);
        lockHall(schoolId);
    }

}
