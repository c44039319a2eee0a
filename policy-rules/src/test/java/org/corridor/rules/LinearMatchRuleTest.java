package org.corridor.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * {@code matches} in an authored rule means what Drools means (the whole value, null
 * matches nothing) but runs on RE2/J: a pattern that backtracks exponentially on
 * java.util.regex answers at once.
 */
class LinearMatchRuleTest {

    private static final String RULES = """
            package org.corridor.rules;

            rule "Repeated letters"
            when
                DestinationStatus( name matches "(a+)+$" )
            then
                insert(new Flag("REPEATED", Severity.INFO, "only the letter a"));
            end

            rule "Not a room"
            when
                $d : DestinationStatus( capacity > 0,
                    $d.name not matches "Room [0-9]+" )
            then
                insert(new Flag("NOT_A_ROOM", Severity.INFO, "somewhere else"));
            end
            """;

    private static final CompiledRuleSet COMPILED = new RuleSetCompiler().compile("linear", RULES);

    @Test
    void catastrophicBacktrackingPatternAnswersAtOnceOnALongValue() {
        // java.util.regex needs about 5 s at 24 characters here, doubling with each one
        // more.
        String hostile = "a".repeat(10_000) + "!";

        List<RaisedFlag> flags = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> COMPILED.evaluate(List.of(destination(hostile))));

        assertThat(flags).extracting(RaisedFlag::code).containsExactly("NOT_A_ROOM");
    }

    @Test
    void patternMustMatchTheWholeValue() {
        assertThat(codes(destination("aaaa"))).containsExactly("NOT_A_ROOM", "REPEATED");
        assertThat(codes(destination("Room 204"))).isEmpty();
        assertThat(codes(destination("Room 204 annex"))).containsExactly("NOT_A_ROOM");
    }

    @Test
    void aNullValueMatchesNothing() {
        assertThat(codes(destination(null))).containsExactly("NOT_A_ROOM");
    }

    private static List<String> codes(DestinationStatus destination) {
        return COMPILED.evaluate(List.of(destination)).stream().map(RaisedFlag::code).sorted().toList();
    }

    private static DestinationStatus destination(String name) {
        return new DestinationStatus("d1", name, 2, 0, true);
    }

}
