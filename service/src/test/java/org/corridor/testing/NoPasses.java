package org.corridor.testing;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Leaves a test database with no pass, no pass process, nobody counted out and no
 * emergency.
 */
public final class NoPasses {

    private NoPasses() {
    }

    public static void clear(RuntimeService runtime, JdbcTemplate jdbc) {
        // Appointments first: deleting one also deletes the pass lifecycle it called.
        runtime.createProcessInstanceQuery()
            .processDefinitionKey("appointment-pass")
            .list()
            .forEach(p -> runtime.deleteProcessInstance(p.getId(), "test reset", true, true));
        runtime.createProcessInstanceQuery()
            .processDefinitionKey("pass-lifecycle")
            .list()
            .forEach(p -> runtime.deleteProcessInstance(p.getId(), "test reset", true, true));
        jdbc.update("delete from pass_event");
        jdbc.update("delete from pass_tally");
        jdbc.update("delete from pass_summary");
        jdbc.update("delete from pass_flag");
        jdbc.update("delete from hall_pass");
        jdbc.update("update destination_occupancy set out_now = 0");
        jdbc.update("update hall_occupancy set students_out = 0, teachers_out = 0, kiosk_out = 0");
        jdbc.update("update school set emergency_id = null");
        jdbc.update("delete from school_emergency");
    }

}
