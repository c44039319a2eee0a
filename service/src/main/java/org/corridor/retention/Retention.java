package org.corridor.retention;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.swagger.v3.oas.annotations.media.Schema;

import org.corridor.cluster.Broadcasts;
import org.corridor.person.Role;
import org.corridor.problem.ApiProblem;
import org.corridor.problem.FieldError;
import org.corridor.problem.InvalidInput;
import org.corridor.security.Caller;

/**
 * A district's retention settings, what the console shows of the purge, and the settings
 * the purge applies. A district that never set them keeps the server's defaults
 * ({@code corridor.retention.*}).
 */
@Service
public class Retention {

    private final JdbcTemplate jdbc;

    private final Clock clock;

    private final RetentionSettings defaults;

    private final CronExpression cron;

    private final Broadcasts broadcasts;

    /**
     * Each district's pass days as read, and when: every pass that ends asks for them
     * (its engine history's removal time), and they change a few times a year.
     */
    private final Map<String, Kept> keptPassDays = new ConcurrentHashMap<>();

    private record Kept(int days, Instant readAt) {
    }

    /**
     * How long a district's pass days are used without reading them again: the bound for
     * an instance that missed another's message that they changed (messages are at most
     * once).
     */
    static final Duration KEPT_FOR = Duration.ofMinutes(5);

    static final String CHANGED = "retention-changed";

    Retention(JdbcTemplate jdbc, Clock clock, Broadcasts broadcasts,
            @Value("${corridor.retention.pass-days:365}") int passDays,
            @Value("${corridor.retention.notification-days:30}") int notificationDays,
            @Value("${corridor.retention.read-days:${corridor.retention.pass-days:365}}") int readDays,
            @Value("${corridor.retention.roster-import-days:365}") int rosterImportDays,
            @Value("${corridor.retention.cron:" + NightlyPurge.CRON + "}") String cron) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.defaults = new RetentionSettings(passDays, notificationDays, readDays, rosterImportDays);
        List<FieldError> wrong = defaults.problems();
        if (!wrong.isEmpty()) {
            throw new IllegalStateException("corridor.retention defaults out of bounds: " + wrong);
        }
        this.cron = CronExpression.parse(cron);
        this.broadcasts = broadcasts;
        broadcasts.subscribe(CHANGED, keptPassDays::remove);
    }

    /**
     * What the console shows: the settings, their bounds, the next purge, the last one.
     */
    public record View(int passDays, int notificationDays, int readDays, int rosterImportDays,
            Map<String, RetentionSettings.Bound> bounds, Instant nextPurgeAt,
            @Schema(nullable = true) LastPurge lastPurge) {
    }

    public record LastPurge(Instant startedAt, @Schema(nullable = true) Instant finishedAt,
            Map<String, Integer> removed) {
    }

    @Transactional(readOnly = true)
    public View view(Caller caller) {
        return view(admin(caller));
    }

    @Transactional
    public View change(Caller caller, RetentionSettings wanted) {
        String district = admin(caller);
        if (wanted == null) {
            throw InvalidInput.field("Invalid retention", "passDays", "is required");
        }
        List<FieldError> errors = wanted.problems();
        if (!errors.isEmpty()) {
            throw InvalidInput.fields("Invalid retention", "retention", errors);
        }
        int updated = jdbc.update(
                "update district_retention set pass_days = ?, notification_days = ?, read_days = ?,"
                        + " roster_import_days = ?, version = version + 1 where district_id = ?",
                wanted.passDays(), wanted.notificationDays(), wanted.readDays(), wanted.rosterImportDays(), district);
        if (updated == 0) {
            jdbc.update(
                    "insert into district_retention (district_id, pass_days, notification_days, read_days,"
                            + " roster_import_days, version) values (?, ?, ?, ?, ?, 0)",
                    district, wanted.passDays(), wanted.notificationDays(), wanted.readDays(),
                    wanted.rosterImportDays());
        }
        // Forgotten once the change is committed: earlier, a pass ending meanwhile could
        // read and keep the old days again.
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                keptPassDays.remove(district);
                broadcasts.publish(CHANGED, district);
            }
        });
        return view(district);
    }

    /**
     * Days the district keeps a pass after it ended: the engine times the removal of a
     * pass's process history with it when the pass ends.
     */
    public int passDays(String districtId) {
        Instant now = Instant.now();
        Kept kept = keptPassDays.get(districtId);
        if (kept == null || kept.readAt().isBefore(now.minus(KEPT_FOR))) {
            kept = new Kept(of(districtId).passDays(), now);
            keptPassDays.put(districtId, kept);
        }
        return kept.days();
    }

    /** The settings the purge applies to a district. */
    RetentionSettings of(String districtId) {
        List<RetentionSettings> set = jdbc.query(
                "select pass_days, notification_days, read_days, roster_import_days from district_retention"
                        + " where district_id = ?",
                (rs, i) -> new RetentionSettings(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)), districtId);
        return set.isEmpty() ? defaults : set.get(0);
    }

    private View view(String district) {
        RetentionSettings s = of(district);
        LocalDateTime next = cron.next(LocalDateTime.ofInstant(clock.instant(), ZoneId.systemDefault()));
        List<LastPurge> last = jdbc.query("select started_at, finished_at, passes, process_histories, notifications,"
                + " read_records, roster_imports, people_erased, accommodations, emergencies, no_contact_records,"
                + " student_pins from purge_run where district_id = ?" + " order by started_at desc limit 1",
                (rs, i) -> {
                    Map<String, Integer> removed = new LinkedHashMap<>();
                    for (String kind : List.of("passes", "processHistories", "notifications", "readRecords",
                            "rosterImports", "accommodations", "emergencies", "noContactRecords", "studentPins",
                            "peopleErased")) {
                        removed.put(kind, rs.getInt(kind.replaceAll("([A-Z])", "_$1").toLowerCase()));
                    }
                    return new LastPurge(instant(rs.getObject("started_at", LocalDateTime.class)),
                            instant(rs.getObject("finished_at", LocalDateTime.class)), removed);
                }, district);
        return new View(s.passDays(), s.notificationDays(), s.readDays(), s.rosterImportDays(),
                RetentionSettings.BOUNDS, next == null ? null : next.atZone(ZoneId.systemDefault()).toInstant(),
                last.isEmpty() ? null : last.get(0));
    }

    private static Instant instant(LocalDateTime utc) {
        return utc.toInstant(ZoneOffset.UTC);
    }

    private static String admin(Caller caller) {
        if (!caller.is(Role.ADMIN)) {
            throw ApiProblem.forbidden("Only administrators can see and set the district's retention.");
        }
        return caller.districtId();
    }

}
