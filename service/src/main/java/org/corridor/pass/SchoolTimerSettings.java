package org.corridor.pass;

import java.time.Duration;

import org.springframework.stereotype.Component;

import org.corridor.school.SchoolSettings;
import org.corridor.school.SchoolsHeld;
import org.corridor.workflow.pass.PassTimers;
import org.corridor.workflow.pass.TimerSettings;

/**
 * The timer settings of a pass's school, asked by the engine each time it sets one of the
 * pass's timers: the request's three when the request is routed, the two out-timers when
 * the student leaves. So the settings in force at that moment apply; a timer already set
 * keeps its due date. Runs in the engine's transaction, where the step has usually loaded
 * the pass already; the school's settings are held in memory ({@link SchoolsHeld}).
 */
@Component
class SchoolTimerSettings implements TimerSettings {

    private final PassRepository passes;

    private final SchoolsHeld schools;

    SchoolTimerSettings(PassRepository passes, SchoolsHeld schools) {
        this.passes = passes;
        this.schools = schools;
    }

    @Override
    public PassTimers timersOf(String passId) {
        Pass pass = passes.findById(passId)
            .orElseThrow(() -> new IllegalStateException("the process of pass " + passId + " has no pass"));
        return of(schools.of(pass.getSchoolId()).settings());
    }

    static PassTimers of(SchoolSettings school) {
        return new PassTimers(Duration.ofMinutes(school.longRunningMinutes()),
                Duration.ofMinutes(school.autoEndMinutes()), Duration.ofMinutes(school.requestExpiryMinutes()),
                Duration.ofSeconds(school.resendAfterSeconds()), Duration.ofSeconds(school.escalateAfterSeconds()),
                Duration.ofMinutes(school.waitingExpiryMinutes()));
    }

}
