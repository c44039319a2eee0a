package org.corridor.pass;

import java.time.Duration;

import org.springframework.stereotype.Component;

import org.corridor.school.School;
import org.corridor.school.SchoolRepository;
import org.corridor.workflow.pass.PassTimers;
import org.corridor.workflow.pass.TimerSettings;

/**
 * The timer settings of a pass's school, asked by the engine each time it sets one of the
 * pass's timers: the request's three when the request is routed, the two out-timers when
 * the student leaves. So the settings in force at that moment apply; a timer already set
 * keeps its due date. Runs in the engine's transaction, where the step has usually loaded
 * the pass and its school already.
 */
@Component
class SchoolTimerSettings implements TimerSettings {

    private final PassRepository passes;

    private final SchoolRepository schools;

    SchoolTimerSettings(PassRepository passes, SchoolRepository schools) {
        this.passes = passes;
        this.schools = schools;
    }

    @Override
    public PassTimers timersOf(String passId) {
        Pass pass = passes.findById(passId)
            .orElseThrow(() -> new IllegalStateException("the process of pass " + passId + " has no pass"));
        return of(schools.getReferenceById(pass.getSchoolId()));
    }

    static PassTimers of(School school) {
        return new PassTimers(Duration.ofMinutes(school.getLongRunningMinutes()),
                Duration.ofMinutes(school.getAutoEndMinutes()), Duration.ofMinutes(school.getRequestExpiryMinutes()),
                Duration.ofSeconds(school.getResendAfterSeconds()),
                Duration.ofSeconds(school.getEscalateAfterSeconds()),
                Duration.ofMinutes(school.getWaitingExpiryMinutes()));
    }

}
