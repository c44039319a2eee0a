package org.corridor.policy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.swagger.v3.oas.annotations.media.Schema;

import org.corridor.rules.FactModel;
import org.corridor.rules.RuleSetProblem;
import org.corridor.rules.RuleTemplates;
import org.corridor.rules.Severity;
import org.corridor.security.Caller;
import org.corridor.problem.PlainText;

@RestController
@RequestMapping("/api/admin/rule-sets")
class RuleSetController {

    private final RuleSets ruleSets;

    private final RuleSetReplay replay;

    private final ObjectMapper json;

    RuleSetController(RuleSets ruleSets, RuleSetReplay replay, ObjectMapper json) {
        this.ruleSets = ruleSets;
        this.replay = replay;
        this.json = json;
    }

    private Map<String, Object> described(Object fact) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("type", fact.getClass().getSimpleName());
        values.putAll(json.convertValue(fact, new TypeReference<Map<String, Object>>() {
        }));
        return values;
    }

    record Summary(int version, RuleSetStatus status, String authorId, @Schema(nullable = true) String note,
            Instant createdAt, @Schema(nullable = true) Instant activatedAt) {
        static Summary of(RuleSet r) {
            return new Summary(r.getRuleVersion(), r.getStatus(), r.getAuthorId(), r.getNote(), r.getCreatedAt(),
                    r.getActivatedAt());
        }
    }

    record Detail(int version, RuleSetStatus status, String authorId, @Schema(nullable = true) String note,
            Instant createdAt, @Schema(nullable = true) Instant activatedAt, String drl) {
        static Detail of(RuleSet r) {
            return new Detail(r.getRuleVersion(), r.getStatus(), r.getAuthorId(), r.getNote(), r.getCreatedAt(),
                    r.getActivatedAt(), r.getDrl());
        }
    }

    /** The guard limits a rule set to 64 KiB; the body limit of the API is the same. */
    record NewDraft(@NotBlank @Size(max = 60_000) String drl,
            @Size(max = 500) @PlainText(multiLine = true) String note) {
    }

    record Text(@NotNull @Size(max = 60_000) String drl) {
    }

    record Validation(@Schema(nullable = true) Integer version, boolean valid, List<RuleSetProblem> problems) {
    }

    /** What rules may name, from the same fact model the guard checks against. */
    record Vocabulary(List<FactModel.FactType> factTypes, String output, List<String> severities) {
    }

    record DryRun(@Min(1) @Max(RuleSetReplay.MAX_DAYS) Integer days, @Valid Scenario scenario) {
    }

    /**
     * A flag of a scenario dry-run, with the facts (type and values) the rule matched.
     */
    record FiredRule(String rule, String code, Severity severity, String message, String studentMessage,
            List<Map<String, Object>> facts) {
    }

    record ScenarioRun(int version, List<FiredRule> flags) {
    }

    @GetMapping
    List<RuleSets.Listed> list(Caller caller) {
        return ruleSets.list(caller);
    }

    @GetMapping("/fact-model")
    Vocabulary factModel(Caller caller) {
        return new Vocabulary(ruleSets.factTypes(caller), FactModel.OUTPUT_TYPE.getSimpleName(),
                FactModel.severities());
    }

    @GetMapping("/templates")
    List<RuleTemplates.RuleTemplate> templates(Caller caller) {
        return ruleSets.templates(caller);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Detail create(Caller caller, @Valid @RequestBody NewDraft body) {
        return Detail.of(ruleSets.createDraft(caller, body.drl(), body.note()));
    }

    /**
     * Checks a text without storing it: every problem with its line, column and reason.
     */
    @PostMapping("/check")
    Validation check(Caller caller, @Valid @RequestBody Text body) {
        List<RuleSetProblem> problems = ruleSets.check(caller, body.drl());
        return new Validation(null, problems.isEmpty(), problems);
    }

    @GetMapping("/{version}")
    Detail get(Caller caller, @PathVariable int version) {
        return Detail.of(ruleSets.get(caller, version));
    }

    @PostMapping("/{version}/validate")
    Validation validate(Caller caller, @PathVariable int version) {
        List<RuleSetProblem> problems = ruleSets.validate(caller, version);
        return new Validation(version, problems.isEmpty(), problems);
    }

    @PostMapping("/{version}/activate")
    Summary activate(Caller caller, @PathVariable int version) {
        return Summary.of(ruleSets.activate(caller, version));
    }

    /**
     * A retired version's text stored as the next version and activated: the new version.
     */
    @PostMapping("/{version}/roll-back")
    @ResponseStatus(HttpStatus.CREATED)
    Summary rollBack(Caller caller, @PathVariable int version) {
        return Summary.of(ruleSets.rollBack(caller, version));
    }

    @GetMapping("/{from}/diff/{to}")
    LineDiff.Diff diff(Caller caller, @PathVariable int from, @PathVariable int to) {
        return ruleSets.diff(caller, from, to);
    }

    /**
     * Either {@code scenario} (typed facts) or {@code days} (replay the last N days of
     * passes, 7 by default).
     */
    @PostMapping("/{version}/dry-run")
    Object dryRun(Caller caller, @PathVariable int version, @Valid @RequestBody DryRun body) {
        if (body.scenario() != null) {
            return new ScenarioRun(version, ruleSets.dryRun(caller, version, body.scenario())
                .stream()
                .map(e -> new FiredRule(e.flag().rule(), e.flag().code(), e.flag().severity(), e.flag().message(),
                        e.flag().studentMessage(), e.facts().stream().map(this::described).toList()))
                .toList());
        }
        return replay.replay(caller, version, body.days() == null ? 7 : body.days());
    }

}
