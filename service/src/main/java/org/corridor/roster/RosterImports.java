package org.corridor.roster;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Runs one import, all or nothing: reads the set, lays it over the district in memory,
 * and writes the result in one transaction only if no error was found. Every import,
 * applied or rejected, is recorded (who, when, the outcome and counts; never the files).
 * Only ids and counts go to the log: rosters are personal data.
 */
@Service
public class RosterImports {

    private static final Logger log = LoggerFactory.getLogger(RosterImports.class);

    private final JdbcTemplate jdbc;

    private final TransactionTemplate transaction;

    private final Clock clock;

    private final String defaultTimeZone;

    RosterImports(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock,
            @Value("${corridor.roster.default-time-zone:${corridor.demo.time-zone:America/New_York}}") String defaultTimeZone) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.defaultTimeZone = defaultTimeZone;
    }

    /**
     * @param files the set, or empty when it could not be unpacked (the reasons are
     * already in {@code report})
     */
    public RosterReport run(String districtId, String importedBy, Optional<RosterFiles> files,
            RosterReport.Builder report) {
        Instant started = clock.instant();
        String importId = UUID.randomUUID().toString();
        Optional<RosterSet> set = files.flatMap(f -> RosterSet.read(f, report));
        RosterReport result;
        try {
            result = transaction.execute(tx -> {
                if (set.isPresent()) {
                    DistrictRoster roster = DistrictRoster.load(jdbc, districtId);
                    RosterImport plan = new RosterImport(set.get(), roster, report, timeZone(roster));
                    plan.run();
                    if (report.errors.isEmpty()) {
                        new RosterWriter(jdbc, clock.instant()).write(roster, plan, plan.districtOrg());
                        plan.noteStarterDestinations();
                    }
                }
                RosterReport built = report.build(importId);
                record(built, districtId, importedBy, started);
                return built;
            });
        }
        catch (DataIntegrityViolationException refused) {
            // A check above should have caught it; say so without the database's message
            // (it may quote personal data).
            // Only the kind of failure: the database's message may quote an email or a
            // name.
            log.error("Roster import {} for district {} refused by the database: {}", importId, districtId,
                    refused.getMostSpecificCause().getClass().getName());
            report.errors.add(RosterProblem.of(null, "The database refused the roster (a duplicate or a missing "
                    + "reference the checks did not catch). Nothing was changed."));
            RosterReport built = report.build(importId);
            transaction.executeWithoutResult(tx -> record(built, districtId, importedBy, started));
            result = built;
        }
        log.info("Roster import {} for district {} by {}: {} in {} ms, {} error(s), {} warning(s), counts {}", importId,
                districtId, importedBy, result.outcome(),
                java.time.Duration.between(started, clock.instant()).toMillis(), result.errors().size(),
                result.warnings().size(), result.counts());
        return result;
    }

    /**
     * The district's time zone for new schools: an existing school's, else the configured
     * default.
     */
    private String timeZone(DistrictRoster roster) {
        return roster.schoolsById.values()
            .stream()
            .map(s -> s.timeZone)
            .filter(z -> z != null)
            .sorted()
            .findFirst()
            .orElse(defaultTimeZone);
    }

    private void record(RosterReport report, String districtId, String importedBy, Instant started) {
        String counts = report.counts()
            .entrySet()
            .stream()
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining(";"));
        jdbc.update(
                "insert into roster_import (id, district_id, imported_by, started_at, finished_at, outcome, "
                        + "version_label, mode, counts, error_count, warning_count, version) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
                report.importId(), districtId, importedBy, Timestamp.from(started), Timestamp.from(clock.instant()),
                report.outcome(), report.onerosterVersion(), mode(report.files()), counts, report.errors().size(),
                report.warnings().size());
    }

    private static String mode(Map<String, String> files) {
        List<String> modes = files.values().stream().distinct().toList();
        return modes.isEmpty() ? null : modes.size() == 1 ? modes.get(0) : "mixed";
    }

    /** One recorded import, as the list shows it. */
    public record Recorded(String id, String importedBy, Instant startedAt, Instant finishedAt, String outcome,
            @Schema(nullable = true) String onerosterVersion, @Schema(nullable = true) String mode,
            Map<String, RosterReport.Count> counts, int errorCount, int warningCount) {
    }

    public List<Recorded> recorded(String districtId, int limit) {
        return jdbc.query(
                "select id, imported_by, started_at, finished_at, outcome, version_label, mode, counts, "
                        + "error_count, warning_count from roster_import where district_id = ? "
                        + "order by started_at desc, id limit ?",
                (rs, n) -> new Recorded(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4).toInstant(), rs.getString(5), rs.getString(6), rs.getString(7),
                        counts(rs.getString(8)), rs.getInt(9), rs.getInt(10)),
                districtId, limit);
    }

    private static Map<String, RosterReport.Count> counts(String stored) {
        Map<String, RosterReport.Count> counts = new java.util.LinkedHashMap<>();
        for (String part : stored.split(";")) {
            String[] kindAndValues = part.split("=");
            if (kindAndValues.length != 2) {
                continue;
            }
            String[] v = kindAndValues[1].split("/");
            RosterReport.Count count = new RosterReport.Count();
            count.created = Integer.parseInt(v[0]);
            count.updated = Integer.parseInt(v[1]);
            count.unchanged = Integer.parseInt(v[2]);
            count.removed = Integer.parseInt(v[3]);
            counts.put(kindAndValues[0], count);
        }
        return counts;
    }

}
