package org.corridor.reads;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import org.corridor.testing.ApiTest;
import org.corridor.testing.OnMariaDb;

@OnMariaDb
class ReadRetentionTest extends ApiTest {

    @Autowired
    ReadRetention retention;

    @AfterEach
    void forgetReads() {
        jdbc.update("delete from pass_read");
    }

    @Test
    void aReadOlderThanTheRetentionPeriodIsDeletedAndARecentOneKept() {
        String old = read(Instant.now().minus(Duration.ofDays(400)));
        String recent = read(Instant.now().minus(Duration.ofDays(2)));

        int deleted = retention.deleteExpired();

        assertThat(deleted).isEqualTo(1);
        assertThat(jdbc.queryForList("select id from pass_read where id in (?, ?)", String.class, old, recent))
            .containsExactly(recent);
    }

    private String read(Instant at) {
        String id = UUID.randomUUID().toString();
        jdbc.update(
                "insert into pass_read (id, district_id, reader_id, student_id, pass_id, what, endpoint, read_at)"
                        + " values (?, ?, ?, ?, null, 'PASS', 'GET /api/passes/{id}', ?)",
                id, person("auditor").getDistrictId(), person("auditor").getId(), person("ava").getId(),
                Timestamp.from(at));
        return id;
    }

}
