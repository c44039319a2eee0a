package org.corridor.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

import com.fasterxml.jackson.databind.JsonNode;

import org.corridor.testing.ApiTest;
import org.corridor.testing.OnH2;

/**
 * The district's retention: set within bounds, shown with the next and the last purge;
 * the purge, run as of a given instant (the test's clock), removes a pass past its time
 * with its engine history and keeps one inside it, and runs once when asked twice at
 * once.
 */
@OnH2
class RetentionApiTest extends ApiTest {

    @Autowired
    RetentionPurge purge;

    @BeforeEach
    void unlocked() {
        unlock();
        jdbc.update("delete from purge_run");
        jdbc.update("delete from district_retention");
    }

    @AfterEach
    void defaults() {
        jdbc.update("delete from district_retention");
    }

    @Test
    void aDistrictSeesItsDefaultsAndTheirBounds() {
        JsonNode view = get("admin", "/api/admin/retention").getBody();

        assertThat(view.get("passDays").asInt()).isEqualTo(365);
        assertThat(view.get("notificationDays").asInt()).isEqualTo(30);
        assertThat(view.get("bounds").get("passDays").get("min").asInt()).isEqualTo(30);
        assertThat(view.get("nextPurgeAt").asText()).isNotBlank();
        assertThat(view.get("lastPurge").isNull()).isTrue();
    }

    @Test
    void aSettingOutOfBoundsIsRefusedNamingTheField() {
        var answer = put("admin", "/api/admin/retention",
                Map.of("passDays", 5, "notificationDays", 30, "readDays", 365, "rosterImportDays", 100_000));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("passDays",
                "rosterImportDays");
        assertThat(get("admin", "/api/admin/retention").getBody().get("passDays").asInt()).isEqualTo(365);
    }

    @Test
    void onlyAdministratorsSetRetention() {
        assertThat(get("auditor", "/api/admin/retention").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(put("rivera", "/api/admin/retention", settings(30)).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void aPassPastItsTimeIsGoneWithItsEngineHistoryAndOneInsideStays() {
        assertThat(put("admin", "/api/admin/retention", settings(30)).getStatusCode()).isEqualTo(HttpStatus.OK);
        String old = ended("ava");
        String recent = ended("ben");
        // The test's clock: the purge runs 31 days after the old pass ended, 20 after the
        // recent one.
        Instant oldEnd = endedAt(old);
        jdbc.update("update hall_pass set ended_at = ? where id = ?",
                Timestamp.valueOf(LocalDateTime.ofInstant(oldEnd.plus(Duration.ofDays(11)), ZoneOffset.UTC)), recent);
        Instant now = oldEnd.plus(Duration.ofDays(31));
        assertThat(processes(old)).isPositive();

        purge.purge(now);
        runEngineCleanup(now, old);

        assertThat(jdbc.queryForList("select id from hall_pass", String.class)).containsExactly(recent);
        assertThat(jdbc.queryForObject("select count(*) from pass_event where pass_id = ?", Integer.class, old))
            .isZero();
        assertThat(processes(old)).as("the engine's history of the old pass").isZero();
        assertThat(processes(recent)).as("the engine's history of the recent pass").isPositive();
        JsonNode last = get("admin", "/api/admin/retention").getBody().get("lastPurge");
        assertThat(last.get("removed").get("passes").asInt()).isEqualTo(1);
        assertThat(last.get("removed").get("processHistories").asInt()).isPositive();
    }

    @Test
    void aRemovedPersonIsErasedOnceNoPassNamesThem() {
        String id = UUID.randomUUID().toString();
        jdbc.update("insert into person (id, district_id, school_id, email, email_key, given_name, family_name,"
                + " student_number, version, removed_at) values (?, ?, ?, 'gone@corridor.test', 'gone@corridor.test',"
                + " 'Gwen', 'Gone', 'X-9', 0, ?)", id, person("ava").getDistrictId(), schoolId(),
                Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC).minusDays(400)));

        purge.purge(Instant.now());
        unlock();
        purge.purge(Instant.now().plusSeconds(3600));

        Map<String, Object> row = jdbc.queryForMap("select given_name, email, student_number from person where id = ?",
                id);
        assertThat(row.get("given_name")).isEqualTo("Removed");
        assertThat((String) row.get("email")).doesNotContain("gone");
        assertThat(row.get("student_number")).isNull();
        jdbc.update("delete from person where id = ?", id);
    }

    @Test
    void twoPurgesAtOnceDoTheWorkOnce() {
        String old = ended("ava");
        Instant now = endedAt(old).plus(Duration.ofDays(400));
        Callable<Boolean> run = () -> {
            purge.purge(now);
            return true;
        };

        atOnce(List.of(run, run));

        assertThat(jdbc.queryForObject("select count(*) from purge_run where district_id = ?", Integer.class,
                person("ava").getDistrictId()))
            .isEqualTo(1);
        assertThat(passCount()).isZero();
    }

    /**
     * Ends the last purge's hold on the lock (held at least 30 s): the row stays, as
     * ShedLock remembers it exists.
     */
    private void unlock() {
        jdbc.update("update shedlock set lock_until = ?", Timestamp.valueOf("2000-01-01 00:00:00"));
    }

    private static void pause() {
        try {
            Thread.sleep(250);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Map<String, Object> settings(int passDays) {
        return Map.of("passDays", passDays, "notificationDays", 30, "readDays", 365, "rosterImportDays", 365);
    }

    private String ended(String student) {
        String id = out(student, "Restroom");
        assertThat(post(student, "/api/passes/" + id + "/end", Map.of()).getStatusCode()).isEqualTo(HttpStatus.OK);
        return id;
    }

    private Instant endedAt(String passId) {
        return jdbc.queryForObject("select ended_at from hall_pass where id = ?", Timestamp.class, passId)
            .toLocalDateTime()
            .toInstant(ZoneOffset.UTC);
    }

    private long processes(String passId) {
        return history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(passId).count();
    }

    /**
     * What the engine does on its own in its cleanup window: the batch that sets removal
     * times, then the history cleanup.
     */
    private void runEngineCleanup(Instant now, String gone) {
        for (int round = 0; round < 120 && management.createBatchQuery().count() > 0; round++) {
            for (Batch batch : management.createBatchQuery().list()) {
                for (String definition : List.of(batch.getSeedJobDefinitionId(), batch.getBatchJobDefinitionId(),
                        batch.getMonitorJobDefinitionId())) {
                    management.createJobQuery().jobDefinitionId(definition).list().forEach(job -> {
                        try {
                            management.executeJob(job.getId());
                        }
                        catch (RuntimeException e) {
                            // the job executor took it first (locked, done, or half-done)
                        }
                    });
                }
            }
            pause();
        }
        assertThat(management.createBatchQuery().count()).as("batches left").isZero();
        ClockUtil.setCurrentTime(Date.from(now.plusSeconds(60)));
        try {
            String cleanup = history.cleanUpHistoryAsync(true).getId();
            try {
                management.executeJob(cleanup);
            }
            catch (ProcessEngineException e) {
                // the job executor took it first (locked or already done): wait for it
                // below
            }
            long until = System.currentTimeMillis() + 60_000;
            while (processes(gone) > 0 && System.currentTimeMillis() < until) {
                Thread.sleep(500);
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        finally {
            ClockUtil.reset();
        }
    }

}
