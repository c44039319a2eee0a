package org.corridor.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
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
        Instant oldEnd = endedAt(old);
        // The test's clock: the recent pass ends 11 days after the old one (for the
        // engine
        // too, which times its history's removal when it ends), the purge runs 31 days
        // after the old pass ended, 20 after the recent one.
        ClockUtil.setCurrentTime(Date.from(oldEnd.plus(Duration.ofDays(11))));
        String recent;
        try {
            recent = ended("ben");
        }
        finally {
            ClockUtil.reset();
        }
        jdbc.update("update hall_pass set ended_at = ? where id = ?",
                Timestamp.valueOf(LocalDateTime.ofInstant(oldEnd.plus(Duration.ofDays(11)), ZoneOffset.UTC)), recent);
        Instant now = oldEnd.plus(Duration.ofDays(31));
        assertThat(processes(old)).isPositive();

        purge.purge(now);
        runEngineCleanup(now, old);

        assertThat(jdbc.queryForList("select id from hall_pass", String.class)).containsExactly(recent);
        assertThat(jdbc.queryForList("select pass_id from pass_summary", String.class)).containsExactly(recent);
        assertThat(jdbc.queryForObject("select sum(n) from pass_tally where dim = 'D'", Long.class))
            .as("the report tallies count the recent pass only")
            .isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from pass_event where pass_id = ?", Integer.class, old))
            .isZero();
        assertThat(processes(old)).as("the engine's history of the old pass").isZero();
        assertThat(processes(recent)).as("the engine's history of the recent pass").isPositive();
        JsonNode last = get("admin", "/api/admin/retention").getBody().get("lastPurge");
        assertThat(last.get("removed").get("passes").asInt()).isEqualTo(1);
        assertThat(last.get("removed").get("processHistories").asInt()).isPositive();
    }

    @Test
    void aPassEndingAfterTheDaysChangeIsTimedByTheNewDays() {
        assertThat(put("admin", "/api/admin/retention", settings(30)).getStatusCode()).isEqualTo(HttpStatus.OK);
        ended("ava");
        assertThat(put("admin", "/api/admin/retention", settings(60)).getStatusCode()).isEqualTo(HttpStatus.OK);

        String pass = ended("ben");

        assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(pass).list()).isNotEmpty()
            .allSatisfy(instance -> assertThat(instance.getRemovalTime())
                .isEqualTo(Date.from(instance.getEndTime().toInstant().plus(Duration.ofDays(60)))));
    }

    @Test
    void aPassThatEndsIsTimedForRemovalAfterItsDistrictsPassDays() {
        assertThat(put("admin", "/api/admin/retention", settings(45)).getStatusCode()).isEqualTo(HttpStatus.OK);

        String pass = ended("ava");

        List<HistoricProcessInstance> instances = history.createHistoricProcessInstanceQuery()
            .processInstanceBusinessKey(pass)
            .list();
        assertThat(instances).isNotEmpty().allSatisfy(instance -> {
            assertThat(instance.getEndTime()).as("ended").isNotNull();
            assertThat(instance.getRemovalTime())
                .isEqualTo(Date.from(instance.getEndTime().toInstant().plus(Duration.ofDays(45))));
        });
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
    void aRemovedPersonErasedLosesTheirPushSubscriptionsAndEmailPreferences() {
        String id = UUID.randomUUID().toString();
        jdbc.update("insert into person (id, district_id, school_id, email, email_key, given_name, family_name,"
                + " version, removed_at) values (?, ?, ?, 'left@corridor.test', 'left@corridor.test', 'Lee', 'Left',"
                + " 0, ?)", id, person("ava").getDistrictId(), schoolId(),
                Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC).minusDays(400)));
        jdbc.update("insert into push_subscription (id, district_id, person_id, endpoint, endpoint_hash, p256dh, auth,"
                + " label, created_at, version) values (?, ?, ?, 'https://push.test/left', ?, 'k', 'a', 'Phone', ?, 0)",
                UUID.randomUUID().toString(), person("ava").getDistrictId(), id, UUID.randomUUID().toString(),
                Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC).minusDays(500)));
        jdbc.update("insert into notification_preference (id, person_id, kind, email, version)"
                + " values (?, ?, 'REQUEST', true, 0)", UUID.randomUUID().toString(), id);

        purge.purge(Instant.now());

        assertThat(jdbc.queryForObject("select count(*) from push_subscription where person_id = ?", Integer.class, id))
            .isZero();
        assertThat(jdbc.queryForObject("select count(*) from notification_preference where person_id = ?",
                Integer.class, id))
            .isZero();
        jdbc.update("delete from person where id = ?", id);
    }

    @Test
    void anAccommodationPastItsLastDayByThePassPeriodGoesAndOneInsideStays() {
        put("admin", "/api/admin/retention", settings(30));
        Instant now = Instant.parse("2027-03-01T08:00:00Z");
        String old = accommodation(LocalDate.parse("2027-01-29"));
        String inside = accommodation(LocalDate.parse("2027-01-30"));

        purge.purge(now);

        assertThat(jdbc.queryForList("select id from accommodation", String.class)).containsExactly(inside)
            .doesNotContain(old);
        assertThat(lastRemoved().get("accommodations").asInt()).isEqualTo(1);
        jdbc.update("delete from accommodation");
    }

    @Test
    void aNoContactPairPastItsLastDayByThePassPeriodGoesAndOneInsideStays() {
        put("admin", "/api/admin/retention", settings(30));
        Instant now = Instant.parse("2027-03-01T08:00:00Z");
        String ava = person("ava").getId();
        String old = noContact(person("cara").getId(), ava);
        jdbc.update("update no_contact_pair set until_date = ? where id = ?", LocalDate.parse("2027-01-29"), old);
        String inside = noContact(ava, person("cara").getId());
        jdbc.update("update no_contact_pair set until_date = ? where id = ?", LocalDate.parse("2027-01-30"), inside);

        purge.purge(now);

        assertThat(jdbc.queryForList("select id from no_contact_pair where id in (?, ?)", String.class, old, inside))
            .containsExactly(inside);
        assertThat(lastRemoved().get("noContactRecords").asInt()).isEqualTo(1);
        jdbc.update("delete from no_contact_pair where id = ?", inside);
    }

    @Test
    void anEmergencyClearedLongerAgoThanThePassPeriodGoesAndOneInsideStays() {
        put("admin", "/api/admin/retention", settings(30));
        Instant now = Instant.parse("2027-03-01T08:00:00Z");
        String old = emergency(now.minus(Duration.ofDays(31)));
        String inside = emergency(now.minus(Duration.ofDays(29)));
        String notCleared = emergency(null);

        purge.purge(now);

        assertThat(jdbc.queryForList("select id from school_emergency", String.class))
            .containsExactlyInAnyOrder(inside, notCleared)
            .doesNotContain(old);
        assertThat(lastRemoved().get("emergencies").asInt()).isEqualTo(1);
        jdbc.update("delete from school_emergency");
    }

    @Test
    void aStudentRemovedLongerAgoThanThePassPeriodLosesNoContactPairsAndPin() {
        put("admin", "/api/admin/retention", settings(30));
        Instant now = Instant.parse("2027-03-01T08:00:00Z");
        String gone = removedStudent("gone", now.minus(Duration.ofDays(31)));
        String recent = removedStudent("recent", now.minus(Duration.ofDays(29)));
        String ava = person("ava").getId();
        String goneChange = noContactChange(noContact(gone, ava), gone, now.minus(Duration.ofDays(40)));
        String recentPair = noContact(recent, ava);
        String recentChange = noContactChange(recentPair, recent, now.minus(Duration.ofDays(40)));
        pin(gone);
        pin(recent);

        purge.purge(now);

        assertThat(jdbc.queryForList("select student_id from no_contact_pair where student_id in (?, ?)", String.class,
                gone, recent))
            .containsExactly(recent);
        assertThat(jdbc.queryForList("select id from no_contact_change where id in (?, ?)", String.class, goneChange,
                recentChange))
            .containsExactly(recentChange);
        assertThat(jdbc.queryForList("select student_id from student_pin where student_id in (?, ?)", String.class,
                gone, recent))
            .containsExactly(recent);
        assertThat(lastRemoved().get("noContactRecords").asInt()).isEqualTo(2);
        assertThat(lastRemoved().get("studentPins").asInt()).isEqualTo(1);
        jdbc.update("delete from student_pin where student_id in (?, ?)", gone, recent);
        jdbc.update("delete from no_contact_change where id = ?", recentChange);
        jdbc.update("delete from no_contact_pair where id = ?", recentPair);
        jdbc.update("delete from person where id in (?, ?)", gone, recent);
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

    private JsonNode lastRemoved() {
        return get("admin", "/api/admin/retention").getBody().get("lastPurge").get("removed");
    }

    private String accommodation(LocalDate until) {
        String id = UUID.randomUUID().toString();
        jdbc.update(
                "insert into accommodation (id, district_id, student_id, rule_name, from_date, until_date,"
                        + " version) values (?, ?, ?, 'Daily pass limit', ?, ?, 0)",
                id, person("ava").getDistrictId(), person("ava").getId(), until.minusDays(20), until);
        return id;
    }

    private String emergency(Instant cleared) {
        String id = UUID.randomUUID().toString();
        Timestamp clearedAt = cleared == null ? null : RetentionPurge.timestamp(cleared);
        jdbc.update(
                "insert into school_emergency (id, district_id, school_id, declared_at, declared_by_id,"
                        + " passes_ended, cleared_at, cleared_by_id, version) values (?, ?, ?, ?, ?, 0, ?, ?, 0)",
                id, person("admin").getDistrictId(), schoolId(),
                RetentionPurge.timestamp(Instant.parse("2026-01-05T14:00:00Z")), person("admin").getId(), clearedAt,
                cleared == null ? null : person("admin").getId());
        return id;
    }

    private String removedStudent(String name, Instant removed) {
        String id = UUID.randomUUID().toString();
        jdbc.update(
                "insert into person (id, district_id, school_id, email, email_key, given_name, family_name,"
                        + " student_number, version, removed_at) values (?, ?, ?, ?, ?, 'Robin', 'Removed', ?, 0, ?)",
                id, person("ava").getDistrictId(), schoolId(), name + "@corridor.test", name + "@corridor.test",
                "R-" + name, RetentionPurge.timestamp(removed));
        return id;
    }

    private String noContact(String student, String partner) {
        String id = UUID.randomUUID().toString();
        jdbc.update("insert into no_contact_pair (id, district_id, student_id, partner_id, version) values"
                + " (?, ?, ?, ?, 0)", id, person("ava").getDistrictId(), student, partner);
        return id;
    }

    private String noContactChange(String pair, String student, Instant at) {
        String id = UUID.randomUUID().toString();
        jdbc.update(
                "insert into no_contact_change (id, district_id, pair_id, action, actor_id, student_id,"
                        + " partner_id, changed_at, version) values (?, ?, ?, 'ADDED', ?, ?, ?, ?, 0)",
                id, person("ava").getDistrictId(), pair, person("admin").getId(), student, person("ava").getId(),
                RetentionPurge.timestamp(at));
        return id;
    }

    private void pin(String student) {
        jdbc.update(
                "insert into student_pin (id, district_id, student_id, pin_hash, set_at, set_by_id, version)"
                        + " values (?, ?, ?, 'hash', ?, ?, 0)",
                UUID.randomUUID().toString(), person("ava").getDistrictId(), student,
                RetentionPurge.timestamp(Instant.parse("2026-01-05T14:00:00Z")), person("admin").getId());
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
