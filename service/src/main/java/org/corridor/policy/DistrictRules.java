package org.corridor.policy;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import org.corridor.rules.CompiledRuleSet;
import org.corridor.rules.DefaultRuleSet;
import org.corridor.rules.RuleSetCompiler;

/**
 * The compiled rule base of each district's active version. Compiling takes tens of
 * milliseconds, so a version is compiled once per instance and reused until another
 * version becomes active. Every instance reads the active version from the database, so
 * instances never disagree for long.
 */
@Component
public class DistrictRules {

    private static final Logger log = LoggerFactory.getLogger(DistrictRules.class);

    private final RuleSetRepository ruleSets;

    private final RuleSetCompiler compiler = new RuleSetCompiler();

    private final Map<String, CompiledRuleSet> compiled = new ConcurrentHashMap<>();

    DistrictRules(RuleSetRepository ruleSets) {
        this.ruleSets = ruleSets;
    }

    /**
     * Compiles every district's active version at start-up, so no student's request waits
     * for it.
     */
    @EventListener(ApplicationReadyEvent.class)
    void compileActiveVersions() {
        ruleSets.findByStatus(RuleSetStatus.ACTIVE).forEach(ruleSet -> {
            try {
                compiled(ruleSet);
            }
            catch (RuntimeException e) {
                // The district's requests still reach teachers, flagged "policy could not
                // be checked".
                log.error("Active rule set {} of district {} does not compile", ruleSet.label(),
                        ruleSet.getDistrictId(), e);
            }
        });
    }

    /**
     * The district's active rules; the default rule set for a district that has not
     * stored one yet. Runs twice for every pass, so only the active version's id is read
     * while that version is compiled here already.
     */
    public CompiledRuleSet active(String districtId) {
        return ruleSets.idOf(districtId, RuleSetStatus.ACTIVE)
            .flatMap(id -> Optional.ofNullable(compiled.get(id)).or(() -> ruleSets.findById(id).map(this::compiled)))
            .orElseGet(() -> compiled.computeIfAbsent("default", key -> compile("default", DefaultRuleSet.drl())));
    }

    /**
     * Compiles (guard first) without keeping the result: for drafts, validation and
     * dry-runs.
     */
    CompiledRuleSet compileDraft(RuleSet ruleSet) {
        return compiler.compile(ruleSet.label(), ruleSet.getDrl());
    }

    /**
     * Compiles (guard first) a text not stored as a version, only to find its problems.
     */
    CompiledRuleSet compileText(String drl) {
        return compiler.compile("unsaved", drl);
    }

    /** Compiles a version about to become active, so the swap itself takes no time. */
    CompiledRuleSet prepare(RuleSet ruleSet) {
        return compiled(ruleSet);
    }

    private CompiledRuleSet compiled(RuleSet ruleSet) {
        return compiled.computeIfAbsent(ruleSet.getId(), key -> compile(ruleSet.label(), ruleSet.getDrl()));
    }

    private CompiledRuleSet compile(String label, String drl) {
        long started = System.nanoTime();
        CompiledRuleSet rules = compiler.compile(label, drl);
        log.info("Compiled rule set {} in {} ms", label, (System.nanoTime() - started) / 1_000_000);
        return rules;
    }

}
