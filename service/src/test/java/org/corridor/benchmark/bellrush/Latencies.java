package org.corridor.benchmark.bellrush;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every latency of one kind of call, in microseconds; sorted once at the end. No
 * dependency, no sampling.
 */
final class Latencies {

    private long[] values = new long[4096];

    private int count;

    synchronized void add(long micros) {
        if (count == values.length) {
            values = Arrays.copyOf(values, count * 2);
        }
        values[count++] = micros;
    }

    synchronized Summary summary() {
        long[] sorted = Arrays.copyOf(values, count);
        Arrays.sort(sorted);
        return new Summary(count, at(sorted, 0.50), at(sorted, 0.95), at(sorted, 0.99),
                count == 0 ? 0 : sorted[count - 1], count == 0 ? 0 : Arrays.stream(sorted).sum() / count);
    }

    private static long at(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    record Summary(int count, long p50, long p95, long p99, long max, long mean) {
        String row(String name) {
            return String.format("%-44s %9d %9.1f %9.1f %9.1f %9.1f", name, count, p50 / 1000.0, p95 / 1000.0,
                    p99 / 1000.0, max / 1000.0);
        }

        Map<String, Object> asProperties(String prefix) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put(prefix + ".count", count);
            map.put(prefix + ".p50_ms", Math.round(p50 / 100.0) / 10.0);
            map.put(prefix + ".p95_ms", Math.round(p95 / 100.0) / 10.0);
            map.put(prefix + ".p99_ms", Math.round(p99 / 100.0) / 10.0);
            map.put(prefix + ".max_ms", Math.round(max / 100.0) / 10.0);
            return map;
        }
    }

    static String header() {
        return String.format("%-44s %9s %9s %9s %9s %9s", "call", "count", "p50 ms", "p95 ms", "p99 ms", "max ms");
    }

}
