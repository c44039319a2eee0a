package org.corridor.testing;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The destinations' counts of students out ({@code destination_occupancy}, V9) against
 * the passes that are out: compared after every API test, and set again by tests and
 * seeders that write passes with SQL, which the service's counting never sees.
 */
public final class OccupancyCounters {

    private static final String PASSES_OUT_THERE = "(select count(*) from hall_pass p where p.destination_id = l.id "
            + "and p.state in ('ACTIVE', 'LONG_RUNNING'))";

    private OccupancyCounters() {
    }

    /** Every location's counter set from the passes out there now. */
    public static void recount(JdbcTemplate jdbc) {
        jdbc.update("delete from destination_occupancy");
        jdbc.update("insert into destination_occupancy (location_id, school_id, out_now) select l.id, l.school_id, "
                + PASSES_OUT_THERE + " from location l");
    }

    /**
     * The locations whose counter is not the number of passes out there, or names another
     * school, as "Restroom: counter 2 (school ...), passes out 1". One statement, so it
     * reads one moment even while the job executor changes passes.
     */
    public static List<String> mismatches(JdbcTemplate jdbc) {
        return jdbc.query(
                "select l.name, o.out_now, o.school_id, l.school_id, " + PASSES_OUT_THERE + " from location l "
                        + "left join destination_occupancy o on o.location_id = l.id "
                        + "where coalesce(o.out_now, 0) <> " + PASSES_OUT_THERE + " or o.school_id <> l.school_id",
                (row, i) -> row.getString(1) + ": counter " + row.getObject(2) + " (school " + row.getString(3) + " of "
                        + row.getString(4) + "), passes out " + row.getInt(5));
    }

}
