package org.corridor.rules;

import java.time.LocalDate;
import java.util.List;

/**
 * The default rule set, compiled once for all rule tests of this JVM, and facts that keep
 * each test short.
 */
final class DefaultRules {

    private static final CompiledRuleSet COMPILED = new RuleSetCompiler().compile("default", DefaultRuleSet.drl());

    private DefaultRules() {
    }

    static List<RaisedFlag> evaluate(Object... facts) {
        return COMPILED.evaluate(List.of(facts));
    }

    static DestinationStatus restroom(int capacity, int occupancy) {
        return new DestinationStatus("restroom", "Restroom", capacity, occupancy, true);
    }

    /**
     * Ava's usage with only this week's count set: no pass today, so no daily or cooldown
     * flag.
     */
    static StudentUsage passesThisWeek(int count) {
        return new StudentUsage("ava", 0, count, StudentUsage.NO_PASS_YET);
    }

    /**
     * Ava's usage with her single pass of the day ended the given number of minutes ago.
     */
    static StudentUsage lastPassEndedMinutesAgo(int minutes) {
        return new StudentUsage("ava", 1, 1, minutes);
    }

    static HallStatus studentsOut(int count) {
        return new HallStatus("north-high", count);
    }

    /** Period 2 of a 50-minute bell schedule, the given number of minutes in. */
    static PeriodTiming period2MinutesIn(int minutesSinceStart) {
        return new PeriodTiming("Period 2", minutesSinceStart, 50 - minutesSinceStart);
    }

    static PassRequest requestBy(String studentId, LocalDate date) {
        return new PassRequest("pass-1", studentId, "RESTROOM", "KIOSK", "restroom", "section-1", date);
    }

}
