package org.corridor.policy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.corridor.pass.Pass;
import org.corridor.pass.PassRepository;
import org.corridor.person.Role;
import org.corridor.problem.ApiProblem;
import org.corridor.rules.CompiledRuleSet;
import org.corridor.rules.RaisedFlag;
import org.corridor.rules.RuleSetProblem;
import org.corridor.rules.RuleSetRejectedException;
import org.corridor.security.Caller;

/**
 * A district's policy versions: drafts are checked when they are stored, can be dry-run, and become
 * active in one transaction that retires the old version. A version that fails the guard or the
 * compiler is never stored as a draft and never activated.
 */
@Service
public class RuleSets {
    static final int MAX_DRY_RUN_DAYS = 90;

    private final RuleSetRepository ruleSets;
    private final DistrictRules rules;
    private final PassRepository passes;
    private final PolicyEvaluation policy;
    private final Clock clock;

    RuleSets(RuleSetRepository ruleSets, DistrictRules rules, PassRepository passes, PolicyEvaluation policy,
             Clock clock) {
        this.ruleSets = ruleSets;
        this.rules = rules;
        this.passes = passes;
        this.policy = policy;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<RuleSet> list(Caller caller) {
        requireReader(caller);
        return ruleSets.findByDistrictIdOrderByRuleVersionDesc(caller.districtId());
    }

    @Transactional(readOnly = true)
    public RuleSet get(Caller caller, int version) {
        requireReader(caller);
        return find(caller, version);
    }

    @Transactional
    public RuleSet createDraft(Caller caller, String drl, String note) {
        caller.require(Role.ADMIN, "write rule sets");
        int next = ruleSets.latestVersion(caller.districtId()) + 1;
        RuleSet draft = RuleSet.draft(caller.districtId(), next, drl, caller.id(), note, clock.instant());
        List<RuleSetProblem> problems = problems(draft);
        if (!problems.isEmpty()) {
            throw rejected("This draft cannot be stored", problems);
        }
        return ruleSets.save(draft);
    }

    @Transactional(readOnly = true)
    public List<RuleSetProblem> validate(Caller caller, int version) {
        caller.require(Role.ADMIN, "validate rule sets");
        return problems(find(caller, version));
    }

    @Transactional
    public RuleSet activate(Caller caller, int version) {
        caller.require(Role.ADMIN, "activate rule sets");
        RuleSet next = find(caller, version);
        if (next.getStatus() != RuleSetStatus.DRAFT) {
            throw ApiProblem.conflict("rule-set-state", "Not a draft",
                    "Version " + version + " is " + next.getStatus() + "; only a draft can be activated.");
        }
        try {
            rules.prepare(next);
        } catch (RuleSetRejectedException e) {
            throw rejected("Version " + version + " cannot be activated; the active version keeps running",
                    e.problems());
        }
        ruleSets.findByDistrictIdAndStatus(caller.districtId(), RuleSetStatus.ACTIVE).ifPresent(RuleSet::retire);
        ruleSets.flush();
        next.activate(clock.instant());
        return next;
    }

    @Transactional(readOnly = true)
    public List<String> diff(Caller caller, int from, int to) {
        requireReader(caller);
        return LineDiff.between(find(caller, from).getDrl(), find(caller, to).getDrl());
    }

    /** What each rule of the version raises on a typed scenario, with the facts it saw. */
    @Transactional(readOnly = true)
    public List<CompiledRuleSet.Explained> dryRun(Caller caller, int version, FactSnapshot scenario) {
        caller.require(Role.ADMIN, "dry-run rule sets");
        return compile(find(caller, version)).explain(scenario.facts());
    }

    public record RecordedRun(String version, int passesFlagged, Map<String, Integer> passesByRule) {
    }

    public record Replay(int days, int passesConsidered, RecordedRun candidate, RecordedRun active,
                         int difference) {
    }

    /**
     * Replays the facts stored with the district's passes of the last {@code days} days under the
     * version and under the active one: how many passes each would have flagged, and by which rule.
     */
    @Transactional(readOnly = true)
    public Replay replay(Caller caller, int version, int days) {
        caller.require(Role.ADMIN, "dry-run rule sets");
        if (days < 1 || days > MAX_DRY_RUN_DAYS) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input",
                    "days must be between 1 and " + MAX_DRY_RUN_DAYS + ".");
        }
        CompiledRuleSet candidate = compile(find(caller, version));
        CompiledRuleSet active = rules.active(caller.districtId());
        Instant since = clock.instant().minus(Duration.ofDays(days));
        List<Pass> recorded = passes.requestedSince(caller.districtId(), since);
        RunCount candidateCount = new RunCount();
        RunCount activeCount = new RunCount();
        for (Pass pass : recorded) {
            List<Object> facts = policy.read(pass.getFactsSnapshot()).facts();
            candidateCount.add(candidate.evaluate(facts));
            activeCount.add(active.evaluate(facts));
        }
        RecordedRun c = candidateCount.result(candidate.version());
        RecordedRun a = activeCount.result(active.version());
        return new Replay(days, recorded.size(), c, a, c.passesFlagged() - a.passesFlagged());
    }

    private static final class RunCount {
        private int flagged;
        private final Map<String, Integer> byRule = new TreeMap<>();

        void add(List<RaisedFlag> flags) {
            if (!flags.isEmpty()) {
                flagged++;
            }
            Set<String> rulesThatFired = flags.stream().map(RaisedFlag::rule).collect(Collectors.toSet());
            rulesThatFired.forEach(rule -> byRule.merge(rule, 1, Integer::sum));
        }

        RecordedRun result(String version) {
            return new RecordedRun(version, flagged, new HashMap<>(byRule));
        }
    }

    private CompiledRuleSet compile(RuleSet ruleSet) {
        try {
            return rules.compileDraft(ruleSet);
        } catch (RuleSetRejectedException e) {
            throw rejected("Version " + ruleSet.getRuleVersion() + " does not compile", e.problems());
        }
    }

    private List<RuleSetProblem> problems(RuleSet ruleSet) {
        try {
            rules.compileDraft(ruleSet);
            return List.of();
        } catch (RuleSetRejectedException e) {
            return e.problems();
        }
    }

    private RuleSet find(Caller caller, int version) {
        return ruleSets.findByDistrictIdAndRuleVersion(caller.districtId(), version)
                .orElseThrow(() -> ApiProblem.notFound("Rule set version", String.valueOf(version)));
    }

    private static void requireReader(Caller caller) {
        if (!(caller.is(Role.ADMIN) || caller.is(Role.AUDITOR))) {
            throw ApiProblem.forbidden("Only administrators and auditors can read rule sets.");
        }
    }

    private static ApiProblem rejected(String title, List<RuleSetProblem> problems) {
        List<RuleSetProblem> shown = new ArrayList<>(problems.subList(0, Math.min(problems.size(), 100)));
        return new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "rule-set-rejected", title,
                shown.size() + " problem(s): " + shown.get(0))
                .with("problems", shown);
    }
}
