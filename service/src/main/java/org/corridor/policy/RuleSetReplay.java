package org.corridor.policy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.corridor.pass.Pass;
import org.corridor.pass.PassRepository;
import org.corridor.person.Person;
import org.corridor.person.PersonRepository;
import org.corridor.person.Role;
import org.corridor.problem.InvalidInput;
import org.corridor.rules.CompiledRuleSet;
import org.corridor.rules.RaisedFlag;
import org.corridor.rules.Severity;
import org.corridor.school.School;
import org.corridor.school.SchoolRepository;
import org.corridor.security.Caller;

/**
 * A dry-run of a version on what really happened: the facts stored with each of the
 * district's passes of the last N days are evaluated under the version and under the
 * active one. Per rule, how many passes each would have flagged, and a few of those
 * passes with the student, the destination, the time in the school's time zone and the
 * flag's message, so that an administrator sees what a change would mean.
 */
@Service
public class RuleSetReplay {

    static final int MAX_DAYS = 90;
    static final int SAMPLES_PER_RULE = 5;

    private static final DateTimeFormatter SCHOOL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final RuleSets ruleSets;

    private final DistrictRules rules;

    private final PassRepository passes;

    private final PolicyEvaluation policy;

    private final PersonRepository people;

    private final SchoolRepository schools;

    private final Clock clock;

    RuleSetReplay(RuleSets ruleSets, DistrictRules rules, PassRepository passes, PolicyEvaluation policy,
            PersonRepository people, SchoolRepository schools, Clock clock) {
        this.ruleSets = ruleSets;
        this.rules = rules;
        this.passes = passes;
        this.policy = policy;
        this.people = people;
        this.schools = schools;
        this.clock = clock;
    }

    public record RecordedRun(String version, int passesFlagged, Map<String, Integer> passesByRule) {
    }

    /**
     * One rule's line of the comparison; a rule only one of the versions has counts 0 in
     * the other.
     */
    public record RuleCount(String rule, int candidate, int active) {
    }

    /** A pass a rule would have flagged; {@code run} is "candidate" or "active". */
    public record Sample(String rule, String run, String version, String passId, String student, String destination,
            Instant requestedAt, String schoolTime, String timeZone, String code, Severity severity, String message) {
    }

    public record Replay(int days, int passesConsidered, RecordedRun candidate, RecordedRun active, int difference,
            List<RuleCount> rules, List<Sample> samples) {
    }

    @Transactional(readOnly = true)
    public Replay replay(Caller caller, int version, int days) {
        caller.require(Role.ADMIN, "dry-run rule sets");
        if (days < 1 || days > MAX_DAYS) {
            throw InvalidInput.field("days", "days must be between 1 and " + MAX_DAYS + ".");
        }
        CompiledRuleSet candidate = ruleSets.compile(ruleSets.find(caller, version));
        CompiledRuleSet active = rules.active(caller.districtId());
        List<Pass> recorded = new ArrayList<>(
                passes.requestedSince(caller.districtId(), clock.instant().minus(Duration.ofDays(days))));
        recorded.sort(Comparator.comparing(Pass::getRequestedAt).reversed());
        Run candidateRun = new Run("candidate");
        Run activeRun = new Run("active");
        for (Pass pass : recorded) {
            FactSnapshot snapshot = policy.read(pass.getFactsSnapshot());
            List<Object> facts = snapshot.facts();
            candidateRun.add(pass, snapshot, candidate.evaluate(facts));
            activeRun.add(pass, snapshot, active.evaluate(facts));
        }
        RecordedRun c = candidateRun.result(candidate.version());
        RecordedRun a = activeRun.result(active.version());
        Set<String> ruleNames = new TreeSet<>(c.passesByRule().keySet());
        ruleNames.addAll(a.passesByRule().keySet());
        List<RuleCount> counts = ruleNames.stream()
            .map(rule -> new RuleCount(rule, c.passesByRule().getOrDefault(rule, 0),
                    a.passesByRule().getOrDefault(rule, 0)))
            .toList();
        List<Flagged> flagged = new ArrayList<>(candidateRun.samples);
        flagged.addAll(activeRun.samples);
        return new Replay(days, recorded.size(), c, a, c.passesFlagged() - a.passesFlagged(), counts,
                described(flagged, Map.of("candidate", candidate.version(), "active", active.version())));
    }

    /**
     * A pass one run would have flagged, by ids: named and placed in time by
     * {@link #described}.
     */
    private record Flagged(String rule, String run, Pass pass, String destination, RaisedFlag flag) {
    }

    /**
     * Names the students and places the times in each school's zone, with one read of
     * each.
     */
    private List<Sample> described(List<Flagged> flagged, Map<String, String> versionOfRun) {
        Set<String> studentIds = flagged.stream().map(f -> f.pass().getStudentId()).collect(Collectors.toSet());
        Map<String, String> names = people.findAllById(studentIds)
            .stream()
            .collect(Collectors.toMap(Person::getId, Person::getName));
        Set<String> schoolIds = flagged.stream().map(f -> f.pass().getSchoolId()).collect(Collectors.toSet());
        Map<String, ZoneId> zones = schools.findAllById(schoolIds)
            .stream()
            .collect(Collectors.toMap(School::getId, School::getTimeZone));
        return flagged.stream().map(f -> {
            Pass pass = f.pass();
            ZoneId zone = zones.getOrDefault(pass.getSchoolId(), ZoneId.of("UTC"));
            return new Sample(f.rule(), f.run(), versionOfRun.get(f.run()), pass.getId(),
                    names.getOrDefault(pass.getStudentId(), "(removed)"), f.destination(), pass.getRequestedAt(),
                    SCHOOL_TIME.format(pass.getRequestedAt().atZone(zone)), zone.getId(), f.flag().code(),
                    f.flag().severity(), f.flag().message());
        }).toList();
    }

    /**
     * Counts of one version over the replayed passes, and the first few passes of each
     * rule.
     */
    private static final class Run {

        private final String name;

        private int flagged;

        private final Map<String, Integer> byRule = new TreeMap<>();

        private final List<Flagged> samples = new ArrayList<>();

        Run(String name) {
            this.name = name;
        }

        void add(Pass pass, FactSnapshot snapshot, List<RaisedFlag> flags) {
            if (!flags.isEmpty()) {
                flagged++;
            }
            Map<String, RaisedFlag> firstByRule = flags.stream()
                .collect(
                        Collectors.toMap(RaisedFlag::rule, Function.identity(), (first, later) -> first, TreeMap::new));
            firstByRule.forEach((rule, flag) -> {
                int seen = byRule.merge(rule, 1, Integer::sum);
                if (seen <= SAMPLES_PER_RULE) {
                    String destination = snapshot.destination() == null ? "" : snapshot.destination().name();
                    samples.add(new Flagged(rule, name, pass, destination, flag));
                }
            });
        }

        RecordedRun result(String version) {
            return new RecordedRun(version, flagged, new HashMap<>(byRule));
        }

    }

}
