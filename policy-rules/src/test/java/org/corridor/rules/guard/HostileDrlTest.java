package org.corridor.rules.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.corridor.rules.RuleSetProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The adversarial corpus in {@code hostile/}: one DRL file per attack, otherwise a legal
 * rule set. Its first line says the attack, its second why the guard must reject it (a
 * part of the reason), so that a file rejected for some accidental mistake does not count
 * as a defence.
 */
class HostileDrlTest {

    private static final String BECAUSE = "// rejected because: ";

    private final DrlGuard guard = new DrlGuard();

    static Stream<String> hostileDrl() throws IOException, URISyntaxException {
        try (Stream<Path> files = Files.list(corpus())) {
            return files.map(file -> file.getFileName().toString())
                .filter(name -> name.endsWith(".drl"))
                .sorted()
                .toList()
                .stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileDrl")
    void hostileDrlIsRejectedForItsAttack(String file) throws Exception {
        List<String> lines = Files.readAllLines(corpus().resolve(file), StandardCharsets.UTF_8);
        String because = lines.get(1).substring(BECAUSE.length());

        var problems = guard.check(String.join("\n", lines));

        assertThat(problems).extracting(RuleSetProblem::reason)
            .anySatisfy(reason -> assertThat(reason).contains(because));
    }

    @Test
    void everyHostileFileSaysItsAttackAndWhyItIsRejected() throws Exception {
        List<String> files = hostileDrl().toList();

        assertThat(files).hasSizeGreaterThanOrEqualTo(50).allSatisfy(file -> {
            List<String> lines = Files.readAllLines(corpus().resolve(file), StandardCharsets.UTF_8);
            assertThat(lines.get(0)).startsWith("// attack: ");
            assertThat(lines.get(1)).startsWith(BECAUSE);
        });
    }

    private static Path corpus() throws URISyntaxException {
        return Path.of(HostileDrlTest.class.getResource("/org/corridor/rules/guard/hostile").toURI());
    }

}
