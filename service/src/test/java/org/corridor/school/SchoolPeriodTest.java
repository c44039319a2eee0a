package org.corridor.school;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;

import org.junit.jupiter.api.Test;

class SchoolPeriodTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private final SchoolPeriod second = new SchoolPeriod("s", "Period 2", LocalTime.of(9, 0), LocalTime.of(9, 50),
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));

    @Test
    void periodIsInSessionFromItsFirstMinute() {
        assertThat(second.isInSession(monday(9, 0))).isTrue();
    }

    @Test
    void periodIsOverAtItsEndTime() {
        assertThat(second.isInSession(monday(9, 50))).isFalse();
    }

    @Test
    void periodIsNotInSessionOnADayWithoutSchool() {
        assertThat(second.isInSession(monday(9, 10).plusDays(5))).isFalse();
    }

    @Test
    void periodEndingAtMidnightRunsToTheEndOfTheDay() {
        SchoolPeriod allDay = new SchoolPeriod("s", "All day", LocalTime.MIDNIGHT, LocalTime.MIDNIGHT,
                EnumSet.allOf(DayOfWeek.class));

        assertThat(allDay.isInSession(monday(23, 59))).isTrue();
        assertThat(allDay.isInSession(monday(0, 0))).isTrue();
    }

    private static ZonedDateTime monday(int hour, int minute) {
        return ZonedDateTime.of(2026, 11, 23, hour, minute, 0, 0, NEW_YORK);
    }

}
