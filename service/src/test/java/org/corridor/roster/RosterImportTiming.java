package org.corridor.roster;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Import time per 10,000 users (BENCHMARKS.md, "Roster import"): not part of the build
 * (the class names do not end in Test). Run:
 * {@code ./mvnw -q -pl service -am test -Dtest='RosterImportTimingOnH2,RosterImportTimingOnMariaDb'
 * -Dsurefire.failIfNoSpecifiedTests=false} and read the lines starting "ROSTER TIMING".
 */
abstract class RosterImportTiming extends RosterImportScenarios {

    /**
     * 46 schools of the generated district: 10,121 users (9,430 students), 3,312 classes.
     */
    static final int SCHOOLS = 46;

    @Test
    void tenThousandUsersImportInSeconds() {
        Map<String, byte[]> set = new GeneratedDistrict(SCHOOLS).bulkV11();
        byte[] zip = RosterSets.zip(set);

        long start = System.nanoTime();
        var first = importZip("admin", zip);
        long firstMs = (System.nanoTime() - start) / 1_000_000;
        assertThat(first.getStatusCode()).as("%s", first.getBody().get("errors")).isEqualTo(HttpStatus.OK);
        start = System.nanoTime();
        var second = importZip("admin", zip);
        long secondMs = (System.nanoTime() - start) / 1_000_000;

        int users = count(first.getBody(), "users", "created");
        assertThat(count(second.getBody(), "users", "unchanged")).isEqualTo(users);
        System.out.printf(
                "ROSTER TIMING %s: %d users, %d sections, %d enrollments, zip %d bytes: first import %d ms, "
                        + "second (nothing changes) %d ms; per 10,000 users %.1f s / %.1f s%n",
                getClass().getSimpleName(), users, count(first.getBody(), "sections", "created"),
                count(first.getBody(), "enrollments", "created"), zip.length, firstMs, secondMs,
                firstMs * 10_000.0 / users / 1000, secondMs * 10_000.0 / users / 1000);
    }

}
