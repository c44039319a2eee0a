package org.corridor.rules;

import java.util.List;
import java.util.UUID;

import org.corridor.rules.guard.DrlGuard;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieContainer;

/**
 * Compiles one district's DRL into a rule base. Thread-safe: every build gets its own
 * ReleaseId, because a shared one lets two districts compiling at once overwrite each
 * other's module.
 */
public final class RuleSetCompiler {

    private static final String GROUP = "org.corridor.rulesets";

    private final DrlGuard guard = new DrlGuard();

    /**
     * Compiles authored DRL. It must first pass the {@link DrlGuard}: a consequence is
     * Java run without a sandbox, so DRL the guard rejects never reaches the Drools
     * compiler.
     * @throws RuleSetRejectedException with the guard's problems, or else the compiler's
     */
    public CompiledRuleSet compile(String version, String drl) {
        return compileUnguarded(version, guard.require(drl));
    }

    /**
     * Compiles without the guard. Only for tests of the engine itself; never for authored
     * DRL.
     */
    CompiledRuleSet compileUnguarded(String version, String drl) {
        KieServices kie = KieServices.Factory.get();
        ReleaseId releaseId = kie.newReleaseId(GROUP, "ruleset-" + UUID.randomUUID(), "1.0.0");
        KieFileSystem files = kie.newKieFileSystem();
        files.generateAndWritePomXML(releaseId);
        files.write("src/main/resources/org/corridor/rules/district.drl", drl);
        KieBuilder builder = kie.newKieBuilder(files).buildAll();
        List<RuleSetProblem> problems = builder.getResults()
            .getMessages(Message.Level.ERROR)
            .stream()
            .map(m -> new RuleSetProblem(m.getLine(), m.getColumn(), m.getText()))
            .toList();
        if (!problems.isEmpty()) {
            kie.getRepository().removeKieModule(releaseId);
            throw new RuleSetRejectedException(problems);
        }
        KieContainer container = kie.newKieContainer(releaseId);
        try {
            return new CompiledRuleSet(version, container.getKieBase());
        }
        finally {
            // The rule base outlives the repository entry; keeping the entry would leak
            // one module per build.
            kie.getRepository().removeKieModule(releaseId);
        }
    }

}
