package org.corridor.policy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.swagger.v3.oas.annotations.media.Schema;

import org.corridor.person.Person;
import org.corridor.person.PersonRepository;
import org.corridor.person.Role;
import org.corridor.problem.ApiProblem;
import org.corridor.problem.InvalidInput;
import org.corridor.rules.CompiledRuleSet;
import org.corridor.rules.FactModel;
import org.corridor.rules.RuleSetProblem;
import org.corridor.rules.RuleSetRejectedException;
import org.corridor.rules.RuleTemplates;
import org.corridor.school.School;
import org.corridor.school.SchoolRepository;
import org.corridor.security.Caller;

/**
 * A district's policy versions: drafts are checked when they are stored, can be dry-run,
 * and become active in one transaction that retires the old version. A version that fails
 * the guard or the compiler is never stored as a draft and never activated; its text
 * stays with the author, who can check it (with every problem at its line and column)
 * without storing it.
 */
@Service
public class RuleSets {

    private final RuleSetRepository ruleSets;

    private final DistrictRules rules;

    private final PersonRepository people;

    private final SchoolRepository schools;

    private final Clock clock;

    RuleSets(RuleSetRepository ruleSets, DistrictRules rules, PersonRepository people, SchoolRepository schools,
            Clock clock) {
        this.ruleSets = ruleSets;
        this.rules = rules;
        this.people = people;
        this.schools = schools;
        this.clock = clock;
    }

    /**
     * A version as the list shows it: who wrote it by name, and the time zone to read its
     * times in.
     */
    public record Listed(int version, RuleSetStatus status, String authorId, @Schema(nullable = true) String authorName,
            @Schema(nullable = true) String note, Instant createdAt, @Schema(nullable = true) Instant activatedAt,
            String timeZone) {
    }

    /**
     * The district's versions, newest first, with their authors' names and the caller's
     * school's time zone.
     */
    @Transactional(readOnly = true)
    public List<Listed> list(Caller caller) {
        requireReader(caller);
        List<RuleSet> versions = ruleSets.findByDistrictIdOrderByRuleVersionDesc(caller.districtId());
        Map<String, String> names = people
            .findAllById(
                    versions.stream().map(RuleSet::getAuthorId).filter(Objects::nonNull).collect(Collectors.toSet()))
            .stream()
            .filter(p -> p.getDistrictId().equals(caller.districtId()))
            .collect(Collectors.toMap(Person::getId, Person::getName));
        ZoneId zone = caller.schoolId() == null ? clock.getZone()
                : schools.findByIdAndDistrictId(caller.schoolId(), caller.districtId())
                    .map(School::getTimeZone)
                    .orElse(clock.getZone());
        return versions.stream()
            .map(v -> new Listed(v.getRuleVersion(), v.getStatus(), v.getAuthorId(), names.get(v.getAuthorId()),
                    v.getNote(), v.getCreatedAt(), v.getActivatedAt(), zone.getId()))
            .toList();
    }

    @Transactional(readOnly = true)
    public RuleSet get(Caller caller, int version) {
        requireReader(caller);
        return find(caller, version);
    }

    @Transactional
    public RuleSet createDraft(Caller caller, String drl, String note) {
        caller.require(Role.ADMIN, "write rule sets");
        return storeDraft(caller, drl, note);
    }

    /**
     * Every problem of a text not stored yet: what the editor's Validate shows. Stores
     * nothing.
     */
    public List<RuleSetProblem> check(Caller caller, String drl) {
        caller.require(Role.ADMIN, "validate rule sets");
        return problems(drl);
    }

    @Transactional(readOnly = true)
    public List<RuleSetProblem> validate(Caller caller, int version) {
        caller.require(Role.ADMIN, "validate rule sets");
        return problems(find(caller, version).getDrl());
    }

    @Transactional
    public RuleSet activate(Caller caller, int version) {
        caller.require(Role.ADMIN, "activate rule sets");
        RuleSet next = find(caller, version);
        if (next.getStatus() != RuleSetStatus.DRAFT) {
            throw ApiProblem.conflict("rule-set-state", "Not a draft",
                    "Version " + version + " is " + next.getStatus() + "; only a draft can be activated.");
        }
        return activate(caller, next);
    }

    /**
     * Rolls back to a retired version in one step: its text is stored as the next version
     * and activated, so the history keeps every version that ever ran, in order.
     */
    @Transactional
    public RuleSet rollBack(Caller caller, int version) {
        caller.require(Role.ADMIN, "roll back rule sets");
        RuleSet earlier = find(caller, version);
        if (earlier.getStatus() != RuleSetStatus.RETIRED) {
            throw ApiProblem.conflict("rule-set-state", "Not a retired version", "Version " + version + " is "
                    + earlier.getStatus() + "; only a retired version can be rolled back to.");
        }
        RuleSet copy = storeDraft(caller, earlier.getDrl(), "Rolled back to " + earlier.label());
        ruleSets.flush();
        return activate(caller, copy);
    }

    @Transactional(readOnly = true)
    public LineDiff.Diff diff(Caller caller, int from, int to) {
        requireReader(caller);
        return LineDiff.Diff.of(from, to, LineDiff.between(find(caller, from).getDrl(), find(caller, to).getDrl()));
    }

    /** The fact types rules may match, as the guard knows them. */
    public List<FactModel.FactType> factTypes(Caller caller) {
        requireReader(caller);
        return FactModel.factTypes();
    }

    public List<RuleTemplates.RuleTemplate> templates(Caller caller) {
        requireReader(caller);
        return RuleTemplates.all();
    }

    /**
     * What each rule of the version raises on a typed scenario, with the facts it saw.
     */
    @Transactional(readOnly = true)
    public List<CompiledRuleSet.Explained> dryRun(Caller caller, int version, Scenario scenario) {
        caller.require(Role.ADMIN, "dry-run rule sets");
        if (scenario.usage() != null && scenario.usage().passesThisWeek() < scenario.usage().passesToday()) {
            throw InvalidInput.field("scenario.usage.passesThisWeek",
                    "The passes this week (" + scenario.usage().passesThisWeek()
                            + ") cannot be fewer than the passes today (" + scenario.usage().passesToday() + ").");
        }
        return compile(find(caller, version)).explain(scenario.facts(LocalDate.now(clock)));
    }

    /**
     * Compiles a stored version for a dry-run; a version that no longer compiles is
     * answered with its problems.
     */
    CompiledRuleSet compile(RuleSet ruleSet) {
        try {
            return rules.compileDraft(ruleSet);
        }
        catch (RuleSetRejectedException e) {
            throw rejected("Version " + ruleSet.getRuleVersion() + " does not compile", e.problems());
        }
    }

    RuleSet find(Caller caller, int version) {
        return ruleSets.findByDistrictIdAndRuleVersion(caller.districtId(), version)
            .orElseThrow(() -> ApiProblem.notFound("Rule set version", String.valueOf(version)));
    }

    private RuleSet storeDraft(Caller caller, String drl, String note) {
        List<RuleSetProblem> problems = problems(drl);
        if (!problems.isEmpty()) {
            throw rejected("This draft cannot be stored", problems);
        }
        int next = ruleSets.latestVersion(caller.districtId()) + 1;
        return ruleSets.save(RuleSet.draft(caller.districtId(), next, drl, caller.id(), note, clock.instant()));
    }

    private RuleSet activate(Caller caller, RuleSet next) {
        try {
            rules.prepare(next);
        }
        catch (RuleSetRejectedException e) {
            throw rejected(
                    "Version " + next.getRuleVersion() + " cannot be activated; the active version keeps running",
                    e.problems());
        }
        ruleSets.findByDistrictIdAndStatus(caller.districtId(), RuleSetStatus.ACTIVE).ifPresent(RuleSet::retire);
        ruleSets.flush();
        next.activate(clock.instant());
        rules.announceActivation(next);
        return next;
    }

    private List<RuleSetProblem> problems(String drl) {
        try {
            rules.compileText(drl);
            return List.of();
        }
        catch (RuleSetRejectedException e) {
            return e.problems();
        }
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
