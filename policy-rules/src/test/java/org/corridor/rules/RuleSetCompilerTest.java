package org.corridor.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;

import org.junit.jupiter.api.Test;

class RuleSetCompilerTest {

    private final RuleSetCompiler compiler = new RuleSetCompiler();

    @Test
    void brokenDrlIsRejectedWithTheLineOfTheMistake() {
        String drl = """
                package org.corridor.rules;
                rule "Broken"
                when
                    StudentUsage( passesToday >= )
                then
                end
                """;

        var rejected = catchThrowableOfType(RuleSetRejectedException.class, () -> compiler.compile("v2", drl));

        assertThat(rejected.problems()).isNotEmpty();
        assertThat(rejected.problems().get(0).line()).isEqualTo(4);
    }

    @Test
    void twoDistrictsCompiledSideBySideKeepTheirOwnRules() {
        CompiledRuleSet strict = compiler.compile("strict-1", limitRule(1));
        CompiledRuleSet lenient = compiler.compile("lenient-1", limitRule(9));

        var usage = List.of(new StudentUsage("ava", 2, 2, StudentUsage.NO_PASS_YET));

        assertThat(strict.evaluate(usage)).extracting(RaisedFlag::ruleSetVersion).containsExactly("strict-1");
        assertThat(lenient.evaluate(usage)).isEmpty();
    }

    @Test
    void ruleThatKeepsReFiringStopsAtTheFiringLimit() {
        String drl = """
                package org.corridor.rules;
                rule "Loops"
                when
                    $u : StudentUsage()
                then
                    insert(new Flag("LOOP", Severity.INFO, "again"));
                    update($u);
                end
                """;

        var flags = compiler.compileUnguarded("loop", drl)
            .evaluate(List.of(new StudentUsage("ava", 0, 0, StudentUsage.NO_PASS_YET)));

        assertThat(flags).hasSize(CompiledRuleSet.MAX_FIRINGS);
    }

    private static String limitRule(int limit) {
        return """
                package org.corridor.rules;
                rule "Limit"
                when
                    StudentUsage( passesToday >= %d )
                then
                    insert(new Flag("LIMIT", Severity.WARN, "over"));
                end
                """.formatted(limit);
    }

}
