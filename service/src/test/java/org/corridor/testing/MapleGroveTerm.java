package org.corridor.testing;

import java.time.Clock;
import java.time.Instant;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The clock of the example roster ({@code examples/oneroster/maple-grove}), whose school
 * year runs from 2026-08-17 to 2027-06-11: a Monday of its fall term, 10:00 in the
 * school's time zone, then running. A test of the example imported on today's clock would
 * fail once its year is over.
 */
@TestConfiguration
public class MapleGroveTerm {

    @Bean
    @Primary
    Clock mapleGroveTermClock() {
        return SchoolClocks.runningFrom(Instant.parse("2026-11-23T15:00:00Z"));
    }

}
