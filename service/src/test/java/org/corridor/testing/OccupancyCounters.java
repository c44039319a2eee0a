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

    /**
     * The passes out in a school's hallways, by who made them (V16's columns), as SQL
     * over school {@code s}.
     */
    private static final String HALL_OUT = "(select count(*) from hall_pass p where p.school_id = s.id "
            + "and p.state in ('ACTIVE', 'LONG_RUNNING') and p.channel <> 'KIOSK' and p.pass_type in ('REGULAR', 'AUTO')), "
            + "(select count(*) from hall_pass p where p.school_id = s.id and p.state in ('ACTIVE', 'LONG_RUNNING') "
            + "and p.channel <> 'KIOSK' and p.pass_type in ('PROXY', 'APPOINTMENT')), "
            + "(select count(*) from hall_pass p where p.school_id = s.id and p.state in ('ACTIVE', 'LONG_RUNNING') "
            + "and p.channel = 'KIOSK')";

    /** Every location's and school's counter set from the passes out there now. */
    public static void recount(JdbcTemplate jdbc) {
        jdbc.update("delete from destination_occupancy");
        jdbc.update("insert into destination_occupancy (location_id, school_id, out_now) select l.id, l.school_id, "
                + PASSES_OUT_THERE + " from location l");
        jdbc.update("delete from hall_occupancy");
        jdbc.update("insert into hall_occupancy (school_id, students_out, teachers_out, kiosk_out) select s.id, "
                + HALL_OUT + " from school s");
    }

    /**
     * The schools whose hallway counters are not the passes out there, as "North High:
     * counters 3/0/1, passes out 2/0/1".
     */
    public static List<String> hallMismatches(JdbcTemplate jdbc) {
        return jdbc.query("select s.name, h.students_out, h.teachers_out, h.kiosk_out, " + HALL_OUT
                + " from school s left join hall_occupancy h on h.school_id = s.id", (row, i) -> {
                    int[] counters = { row.getInt(2), row.getInt(3), row.getInt(4) };
                    int[] out = { row.getInt(5), row.getInt(6), row.getInt(7) };
                    return java.util.Arrays.equals(counters, out) ? null
                            : row.getString(1) + ": counters " + counters[0] + "/" + counters[1] + "/" + counters[2]
                                    + ", passes out " + out[0] + "/" + out[1] + "/" + out[2];
                })
            .stream()
            .filter(java.util.Objects::nonNull)
            .toList();
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
