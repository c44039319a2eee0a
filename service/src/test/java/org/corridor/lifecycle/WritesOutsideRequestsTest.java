package org.corridor.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import org.corridor.reads.ReadLog;
import org.corridor.retention.RetentionPurge;
import org.corridor.testing.ApiTest;
import org.corridor.testing.OnMariaDb;

/**
 * The pool hands out connections without auto-commit and rolls back what a connection
 * returns uncommitted: a write the service makes outside a request's transaction (the
 * read log's batch, the purge's run) must commit it itself, or it is silently lost. Each
 * is looked for afterwards on another statement of the pool's, committed or not there.
 */
@OnMariaDb
class WritesOutsideRequestsTest extends ApiTest {

    @Autowired
    ReadLog readLog;

    @Autowired
    RetentionPurge purge;

    @BeforeEach
    void purgeUnlocked() {
        // The last purge holds the lock at least 30 s.
        jdbc.update("update shedlock set lock_until = ?", Timestamp.valueOf("2000-01-01 00:00:00"));
    }

    @Test
    void anAdultsReadOfAStudentsPassIsStoredWhenTheLogIsFlushed() {
        String passId = request("ava", "Restroom").getBody().get("id").asText();
        get("rivera", "/api/passes/" + passId);

        readLog.flush();

        assertThat(jdbc.queryForObject("select count(*) from pass_read where pass_id = ? and reader_id = ?",
                Integer.class, passId, person("rivera").getId()))
            .isEqualTo(1);
    }

    @Test
    void aPurgeLeavesItsRunStored() {
        String district = person("ava").getDistrictId();
        int before = runs(district);

        purge.purge(Instant.now());

        assertThat(runs(district)).isEqualTo(before + 1);
    }

    private int runs(String district) {
        return jdbc.queryForObject("select count(*) from purge_run where district_id = ?", Integer.class, district);
    }

}
