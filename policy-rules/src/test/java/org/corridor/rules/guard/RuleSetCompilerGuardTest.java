package org.corridor.rules.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.corridor.rules.RuleSetCompiler;
import org.corridor.rules.RuleSetProblem;
import org.corridor.rules.RuleSetRejectedException;
import org.junit.jupiter.api.Test;

/** The compiler runs the guard before Drools sees the DRL. */
class RuleSetCompilerGuardTest {

    @Test
    void compilerRejectsDrlThatDroolsWouldCompileButTheGuardForbids() {
        // update($u) is valid Drools: only the guard can be the reason for this
        // rejection.
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

        var rejected = catchThrowableOfType(RuleSetRejectedException.class,
                () -> new RuleSetCompiler().compile("v1", drl));

        assertThat(rejected.problems()).extracting(RuleSetProblem::reason)
            .containsExactly("rules may not change or remove facts; they may only insert a Flag");
    }

}
