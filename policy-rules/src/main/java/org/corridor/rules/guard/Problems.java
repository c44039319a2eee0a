package org.corridor.rules.guard;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;

import org.corridor.rules.RuleSetProblem;

/**
 * The problems found in one DRL text, each placed at a 1-based line and column of that
 * text. Keeps at most {@link #MAX} problems: past that, more would not help the author.
 * Also keeps the rewrites an allowed text needs before it is compiled ({@code matches}
 * onto {@code LinearMatch}).
 */
final class Problems {

    static final int MAX = 50;

    private final String source;

    private int[] lineStarts;

    private final List<RuleSetProblem> found = new ArrayList<>();

    private final List<Rewrite> rewrites = new ArrayList<>();

    /**
     * The source text from {@code start} to {@code end} (exclusive) is compiled as
     * {@code replacement}.
     */
    private record Rewrite(int start, int end, String replacement) {
    }

    Problems(String source) {
        this.source = source;
    }

    /** A problem at an offset of the source text. */
    void at(int offset, String reason) {
        int[] starts = lineStarts();
        int clamped = Math.max(0, Math.min(offset, source.length()));
        int index = Arrays.binarySearch(starts, clamped);
        int line = index >= 0 ? index : -index - 2;
        add(new RuleSetProblem(line + 1, clamped - starts[line] + 1, reason));
    }

    /** A problem at a 1-based line and column, for positions known only that way. */
    void atLine(int line, int column, String reason) {
        add(new RuleSetProblem(Math.max(line, 1), Math.max(column, 1), reason));
    }

    /** The offset where a 1-based line starts, or -1 when the source has no such line. */
    int lineStart(int line) {
        int[] starts = lineStarts();
        return line >= 1 && line <= starts.length ? starts[line - 1] : -1;
    }

    void rewrite(int start, int end, String replacement) {
        rewrites.add(new Rewrite(start, end, replacement));
    }

    /** The source with every rewrite applied: what the compiler is given. */
    String rewritten() {
        StringBuilder text = new StringBuilder(source);
        rewrites.stream()
            .sorted(Comparator.comparingInt(Rewrite::start).reversed())
            .forEach(r -> text.replace(r.start(), r.end(), r.replacement()));
        return text.toString();
    }

    boolean isEmpty() {
        return found.isEmpty();
    }

    boolean isFull() {
        return found.size() >= MAX;
    }

    int size() {
        return found.size();
    }

    /** The problems in the order of the text, each once. */
    List<RuleSetProblem> toList() {
        return List.copyOf(new LinkedHashSet<>(found.stream()
            .sorted(Comparator.comparingInt(RuleSetProblem::line).thenComparingInt(RuleSetProblem::column))
            .toList()));
    }

    private void add(RuleSetProblem problem) {
        if (!isFull()) {
            found.add(problem);
        }
    }

    private int[] lineStarts() {
        if (lineStarts == null) {
            int count = 1;
            for (int i = 0; i < source.length(); i++) {
                if (source.charAt(i) == '\n') {
                    count++;
                }
            }
            int[] starts = new int[count];
            int line = 1;
            for (int i = 0; i < source.length(); i++) {
                if (source.charAt(i) == '\n') {
                    starts[line++] = i + 1;
                }
            }
            lineStarts = starts;
        }
        return lineStarts;
    }

}
