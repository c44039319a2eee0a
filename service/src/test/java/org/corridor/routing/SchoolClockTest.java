package org.corridor.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import org.corridor.problem.ApiProblem;

/**
 * How the moment asked about is read: an instant as it is, a local time on the school's
 * clock.
 */
class SchoolClockTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void anInstantIsTakenAsItIs() {
        assertThat(SchoolClock.read("2026-11-23T14:05:00Z", NEW_YORK)).isEqualTo(Instant.parse("2026-11-23T14:05:00Z"));
    }

    @Test
    void aLocalDateTimeIsReadInTheSchoolsTimeZone() {
        assertThat(SchoolClock.read("2026-11-23T09:05", NEW_YORK)).isEqualTo(Instant.parse("2026-11-23T14:05:00Z"));
    }

    @Test
    void anOffsetWhosePlusArrivedAsASpaceIsStillRead() {
        assertThat(SchoolClock.read("2026-11-23T15:05 01:00", NEW_YORK))
            .isEqualTo(Instant.parse("2026-11-23T14:05:00Z"));
    }

    @Test
    void theSchoolTimeNamesTheDayAndTheClock() {
        assertThat(SchoolClock.schoolTime(Instant.parse("2026-11-23T14:05:00Z"), NEW_YORK)).isEqualTo("Mon 09:05");
    }

    @Test
    void somethingThatIsNotATimeIsRefusedNamingAt() {
        assertThatThrownBy(() -> SchoolClock.read("next tuesday", NEW_YORK)).isInstanceOf(ApiProblem.class)
            .hasMessageContaining("'next tuesday' is not a time");
    }

    @Test
    void aYearNoSchoolClockCanShowIsRefused() {
        assertThatThrownBy(() -> SchoolClock.read("+1000000000-12-31T23:59:59Z", NEW_YORK))
            .isInstanceOf(ApiProblem.class);
        assertThatThrownBy(() -> SchoolClock.read("+999999999-12-31T23:59:59Z", NEW_YORK))
            .isInstanceOf(ApiProblem.class);
    }

}
