package org.corridor.rules;

/**
 * Where in the period the request falls, for the section the student is leaving. Not
 * inserted for a period without a bell schedule (one that runs all day).
 */
public final class PeriodTiming {

    private final String periodName;

    private final int minutesSinceStart;

    private final int minutesToEnd;

    public PeriodTiming(String periodName, int minutesSinceStart, int minutesToEnd) {
        this.periodName = periodName;
        this.minutesSinceStart = minutesSinceStart;
        this.minutesToEnd = minutesToEnd;
    }

    public String getPeriodName() {
        return periodName;
    }

    public int getMinutesSinceStart() {
        return minutesSinceStart;
    }

    public int getMinutesToEnd() {
        return minutesToEnd;
    }

}
