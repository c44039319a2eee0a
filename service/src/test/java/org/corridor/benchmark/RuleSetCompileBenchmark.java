package org.corridor.benchmark;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import org.corridor.rules.CompiledRuleSet;
import org.corridor.rules.DefaultRuleSet;
import org.corridor.rules.RuleSetCompiler;

/**
 * Compiling a district's rule set (Corridor's default rules), as {@code DistrictRules}
 * does once per active version and the admin API does for every draft, validation and
 * dry-run.
 *
 * <ul>
 * <li>{@link #warm}: average time per compile once the JVM, Drools and MVEL are
 * warm.</li>
 * <li>{@link #cold}: the first compile in a fresh JVM (class loading, Drools start-up, no
 * JIT), one shot per fork, several forks.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
@Warmup(iterations = 5, time = 2) // a compile is heavy (hundreds of ms at first): the JIT
                                  // needs longer than 3 x 2 s
@Measurement(iterations = 5, time = 2)
public class RuleSetCompileBenchmark {

    private final String drl = DefaultRuleSet.drl();

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public CompiledRuleSet warm() {
        return new RuleSetCompiler().compile("bench", drl);
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Fork(value = 5, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    public CompiledRuleSet cold() {
        return new RuleSetCompiler().compile("bench", drl);
    }

}
