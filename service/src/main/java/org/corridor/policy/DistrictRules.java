package org.corridor.policy;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import org.corridor.cluster.Broadcasts;
import org.corridor.cluster.HeldData;
import org.corridor.persistence.EntityWrites;

import org.corridor.rules.CompiledRuleSet;
import org.corridor.rules.DefaultRuleSet;
import org.corridor.rules.RuleSetCompiler;

/**
 * The compiled rule base of each district's active version. Compiling takes tens of
 * milliseconds, so a version is compiled once per instance and reused until another
 * version becomes active. Every instance reads the active version from the database, so
 * instances never disagree for long. In cluster mode an activation is announced to the
 * other instances once it commits, and each compiles the new version at once, so no
 * student's request there waits for the compiler.
 */
@Component
public class DistrictRules {

    private static final Logger log = LoggerFactory.getLogger(DistrictRules.class);

    private final RuleSetRepository ruleSets;

    private final RuleSetCompiler compiler = new RuleSetCompiler();

    private final Map<String, CompiledRuleSet> compiled = new ConcurrentHashMap<>();

    static final String TOPIC = "rule-set-activated";

    private final Broadcasts broadcasts;

    static final String CHANGED = "rule-sets-changed";

    /**
     * Each district's active version's id (empty: none stored), forgotten on every
     * instance when any of its versions is written, read again at least every minute.
     */
    private final HeldData<Optional<String>> activeIds;

    DistrictRules(RuleSetRepository ruleSets, Broadcasts broadcasts) {
        this.ruleSets = ruleSets;
        this.broadcasts = broadcasts;
        this.activeIds = new HeldData<>(CHANGED, broadcasts, Duration.ofMinutes(1), 10_000);
        broadcasts.subscribe(TOPIC, this::activatedElsewhere);
    }

    /** Any version written (activated, retired, added) changes which is active. */
    @Autowired
    void watch(EntityWrites writes) {
        writes.watch(RuleSet.class, ruleSet -> activeIds.changed(ruleSet.getDistrictId()));
    }

    /**
     * Once the caller's transaction commits, tells the other instances that this version
     * is now active (the message is its id; they read it from the database).
     */
    void announceActivation(RuleSet ruleSet) {
        String id = ruleSet.getId();
        if (!broadcasts.clustered()) {
            return;
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    broadcasts.publish(TOPIC, id);
                }
            });
        }
        else {
            broadcasts.publish(TOPIC, id);
        }
    }

    /**
     * Another instance activated a version: compiled here now, off any request's path
     * (and off the broker's dispatch thread, which live popups wait for).
     */
    private void activatedElsewhere(String ruleSetId) {
        CompletableFuture.runAsync(() -> compileActivated(ruleSetId)).exceptionally(e -> {
            // the version is still compiled on the first request that needs it
            log.error("Rule set {}, activated on another instance, could not be read to compile", ruleSetId, e);
            return null;
        });
    }

    private void compileActivated(String ruleSetId) {
        ruleSets.findById(ruleSetId)
            .filter(ruleSet -> ruleSet.getStatus() == RuleSetStatus.ACTIVE)
            .ifPresent(ruleSet -> {
                try {
                    compiled(ruleSet);
                }
                catch (RuntimeException e) {
                    // it compiled on the instance that activated it: worth an alarm
                    log.error("Rule set {} of district {}, activated on another instance, does not compile here",
                            ruleSet.label(), ruleSet.getDistrictId(), e);
                }
            });
    }

    /** Whether this instance holds the version compiled already. */
    public boolean isCompiled(String ruleSetId) {
        return compiled.containsKey(ruleSetId);
    }

    /**
     * Compiles every district's active version once the application is ready, off the
     * main thread: the ready event's later listeners (among them the engine's job
     * executor, which health waits for) do not wait for the compiler, which costs seconds
     * in a new JVM. A request that needs a version still compiling waits for that compile
     * ({@link #active} and this meet in {@code computeIfAbsent}), so it is never refused
     * and never compiled twice.
     */
    @EventListener(ApplicationReadyEvent.class)
    void compileActiveVersionsInBackground() {
        Thread compiling = new Thread(this::compileActiveVersions, "rule-set-compile");
        compiling.setDaemon(true);
        compiling.start();
    }

    private void compileActiveVersions() {
        try {
            ruleSets.findByStatus(RuleSetStatus.ACTIVE).forEach(ruleSet -> {
                try {
                    compiled(ruleSet);
                }
                catch (RuntimeException e) {
                    // The district's requests still reach teachers, flagged "policy could
                    // not be checked".
                    log.error("Active rule set {} of district {} does not compile", ruleSet.label(),
                            ruleSet.getDistrictId(), e);
                }
            });
        }
        catch (RuntimeException e) {
            // each version is still compiled on the first request that needs it
            log.error("The active rule sets could not be read to compile them at start-up", e);
        }
    }

    /**
     * The district's active rules; the default rule set for a district that has not
     * stored one yet. Runs twice for every pass, so nothing is read while the active
     * version's id is held and that version compiled here already.
     */
    public CompiledRuleSet active(String districtId) {
        return activeVersion(activeId(districtId));
    }

    /** The id of the district's active version, null: it stored none. */
    public String activeId(String districtId) {
        return activeIds.get(districtId, id -> ruleSets.idOf(id, RuleSetStatus.ACTIVE)).orElse(null);
    }

    /**
     * As {@link #active(String)}, for a district whose active version's id the caller has
     * just read with its other facts (null: it stored none).
     */
    CompiledRuleSet activeVersion(String ruleSetId) {
        return Optional.ofNullable(ruleSetId)
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
