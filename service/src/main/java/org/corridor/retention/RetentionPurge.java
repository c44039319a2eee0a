package org.corridor.retention;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import org.corridor.report.PassSummaries;

/**
 * Removes what each district keeps no longer, in batches of {@value #BATCH} rows, each in
 * its own short transaction, so that no lock is held long and a purge stopped half-way is
 * finished by the next one (every step removes what is past its time, so running it again
 * removes nothing more). It runs on one instance of a cluster at a time: the lock is a
 * row of table {@code shedlock}; an instance that finds it taken skips the run.
 * <p>
 * Passes go with their flags, audit timeline, notifications and report summaries (their
 * counts taken out of the report tallies in the same transaction); the engine's history
 * of them is given a removal time and removed by the engine's own history cleanup.
 * Removed people keep their row (history refers to their id) but lose their names, email
 * and student number once the pass period has passed since their removal and no pass
 * names them; their no-contact pairs, kiosk PIN, push subscriptions and email preferences
 * go then too. Accommodations and no-contact pairs go that long after their last day,
 * emergencies that long after they were cleared, no-contact change records that long
 * after the change once their pair is gone.
 */
@Component
public class RetentionPurge {

    static final int BATCH = 500;

    static final String LOCK = "retention-purge";

    private static final Logger log = LoggerFactory.getLogger(RetentionPurge.class);

    private static final String ERASED = "@erased.invalid";

    private final NamedParameterJdbcTemplate jdbc;

    private final TransactionTemplate transactions;

    private final Retention retention;

    private final PassProcessHistory engine;

    private final PassSummaries summaries;

    RetentionPurge(NamedParameterJdbcTemplate jdbc, TransactionTemplate transactions, Retention retention,
            PassProcessHistory engine, PassSummaries summaries) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.retention = retention;
        this.engine = engine;
        this.summaries = summaries;
    }

    /**
     * Purges every district as of {@code now}. Skipped (and answers nothing) while
     * another instance, or another thread, holds the lock.
     */
    @SchedulerLock(name = LOCK, lockAtMostFor = "PT2H",
            lockAtLeastFor = "${corridor.retention.lock-at-least-for:PT30S}")
    public void purge(Instant now) {
        List<String> districts = jdbc.queryForList("select id from district order by id", Map.of(), String.class);
        for (String district : districts) {
            purge(district, now);
        }
    }

    private void purge(String district, Instant now) {
        RetentionSettings keep = retention.of(district);
        Instant started = Instant.now();
        int histories = 0;
        int passes = 0;
        LocalDateTime passCutoff = utc(now.minus(Duration.ofDays(keep.passDays())));
        Map<String, Object> params = Map.of("district", district, "before", passCutoff);
        while (true) {
            List<String> ids = jdbc.queryForList("select id from hall_pass where district_id = :district"
                    + " and ended_at < :before order by ended_at, id limit " + BATCH, params, String.class);
            if (ids.isEmpty()) {
                break;
            }
            histories += engine.removeAt(district, ids, now);
            passes += transactions.execute(status -> {
                Map<String, Object> batch = Map.of("ids", ids);
                summaries.forget(ids);
                jdbc.update("delete from notification where pass_id in (:ids)", batch);
                jdbc.update("delete from pass_event where pass_id in (:ids)", batch);
                jdbc.update("delete from pass_flag where pass_id in (:ids)", batch);
                return jdbc.update("delete from hall_pass where id in (:ids)", batch);
            });
        }
        int notifications = batches(
                "select n.id from notification n where n.district_id = :district" + " and n.created_at < :before",
                "delete from notification where id in (:ids)", district,
                now.minus(Duration.ofDays(keep.notificationDays())));
        int reads = batches("select r.id from pass_read r where r.district_id = :district and r.read_at < :before",
                "delete from pass_read where id in (:ids)", district, now.minus(Duration.ofDays(keep.readDays())));
        int imports = batches(
                "select i.id from roster_import i where i.district_id = :district" + " and i.finished_at < :before",
                "delete from roster_import where id in (:ids)", district,
                now.minus(Duration.ofDays(keep.rosterImportDays())));
        Instant passesBefore = now.minus(Duration.ofDays(keep.passDays()));
        // An accommodation holds its last day whole: one until day D is past its time
        // once
        // the cutoff's day is after D.
        int accommodations = batches(
                "select a.id from accommodation a where a.district_id = :district and a.until_date < :before",
                "delete from accommodation where id in (:ids)",
                Map.of("district", district, "before", utc(passesBefore).toLocalDate()));
        int emergencies = batches(
                "select e.id from school_emergency e where e.district_id = :district and e.cleared_at < :before",
                "delete from school_emergency where id in (:ids)", district, passesBefore);
        // A pair's last day is whole, as an accommodation's.
        int noContact = batches(
                "select t.id from no_contact_pair t where t.district_id = :district and t.until_date < :before",
                "delete from no_contact_pair where id in (:ids)",
                Map.of("district", district, "before", utc(passesBefore).toLocalDate()));
        noContact += removedStudents("no_contact_pair", List.of("student_id", "partner_id"), district, passesBefore);
        noContact += batches("select c.id from no_contact_change c where c.district_id = :district"
                + " and c.changed_at < :before and not exists (select 1 from no_contact_pair p where p.id = c.pair_id)",
                "delete from no_contact_change where id in (:ids)", district, passesBefore);
        int pins = removedStudents("student_pin", List.of("student_id"), district, passesBefore);
        int erased = batches(
                "select p.id from person p where p.district_id = :district and p.removed_at < :before"
                        + " and p.email_key not like '%" + ERASED + "'" + noPassNames("student_id")
                        + noPassNames("routed_to_id") + noPassNames("created_by_id") + noPassNames("decided_by_id"),
                List.of("delete from push_subscription where person_id in (:ids)",
                        "delete from notification_preference where person_id in (:ids)",
                        "update person set given_name = 'Removed', family_name = 'person', display_name = null,"
                                + " student_number = null, grade = null, email = " + concatErased() + ", email_key = "
                                + concatErased() + " where id in (:ids)"),
                Map.of("district", district, "before", utc(passesBefore)));
        Map<String, Object> run = new HashMap<>();
        run.putAll(Map.of("id", UUID.randomUUID().toString(), "district", district, "started", utc(started), "finished",
                utc(Instant.now()), "passes", passes, "notifications", notifications, "reads", reads, "imports",
                imports, "erased", erased, "histories", histories));
        run.putAll(Map.of("accommodations", accommodations, "emergencies", emergencies, "noContact", noContact, "pins",
                pins));
        transactions.executeWithoutResult(status -> jdbc
            .update("insert into purge_run (id, district_id, started_at, finished_at, passes, notifications,"
                    + " read_records, roster_imports, people_erased, process_histories, accommodations,"
                    + " emergencies, no_contact_records, student_pins) values (:id, :district, :started,"
                    + " :finished, :passes, :notifications, :reads, :imports, :erased, :histories,"
                    + " :accommodations, :emergencies, :noContact, :pins)", run));
        log.info(
                "Retention purge of district {}: {} passes ({} process instances), {} notifications, {} read records,"
                        + " {} roster imports, {} accommodations, {} emergencies, {} no-contact records,"
                        + " {} student PINs, {} removed people erased",
                district, passes, histories, notifications, reads, imports, accommodations, emergencies, noContact,
                pins, erased);
    }

    /**
     * Rows of a table that name a student removed before the cutoff (in any of the
     * columns): a removed student's no-contact pairs and kiosk PIN protect no one. One
     * primary-key probe per column, so each row costs a lookup, not a scan of people.
     */
    private int removedStudents(String table, List<String> columns, String district, Instant before) {
        String named = String.join(" or ",
                columns.stream()
                    .map(c -> "exists (select 1 from person p where p.id = t." + c + " and p.removed_at < :before)")
                    .toList());
        return batches("select t.id from " + table + " t where t.district_id = :district and (" + named + ")",
                "delete from " + table + " where id in (:ids)", district, before);
    }

    /**
     * One probe of an index per column: one condition ORing the four columns made the
     * database read every pass of the district for each removed person, every night.
     */
    private static String noPassNames(String column) {
        return " and not exists (select 1 from hall_pass h where h." + column + " = p.id)";
    }

    private static String concatErased() {
        return "CONCAT(id, '" + ERASED + "')";
    }

    private int batches(String select, String change, String district, Instant before) {
        return batches(select, change, Map.of("district", district, "before", utc(before)));
    }

    /** Selects a batch of ids past their time and changes them, until none is left. */
    private int batches(String select, String change, Map<String, Object> params) {
        return batches(select, List.of(change), params);
    }

    /**
     * As above, with several changes per batch in one transaction; the count is the last
     * change's.
     */
    private int batches(String select, List<String> changes, Map<String, Object> params) {
        Function<List<String>, Integer> apply = ids -> transactions.execute(status -> {
            int changed = 0;
            for (String change : changes) {
                changed = jdbc.update(change, Map.of("ids", ids));
            }
            return changed;
        });
        int total = 0;
        while (true) {
            List<String> ids = jdbc.queryForList(select + " limit " + BATCH, params, String.class);
            if (ids.isEmpty()) {
                return total;
            }
            total += apply.apply(ids);
        }
    }

    private static LocalDateTime utc(Instant at) {
        return LocalDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    static Timestamp timestamp(Instant at) {
        return Timestamp.valueOf(utc(at));
    }

}
