package org.corridor.policy;

import java.util.ArrayList;
import java.util.List;

/**
 * A line diff of two rule-set versions. Each line carries its number in either version
 * (null where it has none), so that one answer draws both a unified view and a
 * side-by-side one.
 */
final class LineDiff {

    enum Change {

        KEPT, REMOVED, ADDED

    }

    /**
     * {@code fromLine} and {@code toLine} are 1-based; a removed line has no toLine, an
     * added one no fromLine.
     */
    record Line(Change change, Integer fromLine, Integer toLine, String text) {
        /** The line as a unified diff prints it: " " kept, "- " removed, "+ " added. */
        String unified() {
            return switch (change) {
                case KEPT -> "  ";
                case REMOVED -> "- ";
                case ADDED -> "+ ";
            } + text;
        }
    }

    /** Two versions' lines, with how many were added and removed. */
    record Diff(int from, int to, int added, int removed, List<Line> lines) {
        static Diff of(int from, int to, List<Line> lines) {
            return new Diff(from, to, (int) lines.stream().filter(l -> l.change() == Change.ADDED).count(),
                    (int) lines.stream().filter(l -> l.change() == Change.REMOVED).count(), lines);
        }
    }

    private LineDiff() {
    }

    static List<Line> between(String before, String after) {
        String[] a = before.split("\n", -1);
        String[] b = after.split("\n", -1);
        // Longest common subsequence by dynamic programming; rule sets are bounded to 64
        // KiB by the guard.
        int[][] common = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                common[i][j] = a[i].equals(b[j]) ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<Line> lines = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            if (i < a.length && j < b.length && a[i].equals(b[j])) {
                lines.add(new Line(Change.KEPT, i + 1, j + 1, a[i]));
                i++;
                j++;
            }
            else if (j < b.length && (i == a.length || common[i][j + 1] >= common[i + 1][j])) {
                lines.add(new Line(Change.ADDED, null, j + 1, b[j++]));
            }
            else {
                lines.add(new Line(Change.REMOVED, i + 1, null, a[i++]));
            }
        }
        return lines;
    }

}
