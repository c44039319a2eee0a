package org.corridor.benchmark.bellrush;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * CPU time and resident memory of processes, from /proc (Linux): the service under load,
 * the database server, this JVM, and the whole machine (so that other people's load on a
 * shared machine shows in the figures).
 */
final class ProcSampler implements AutoCloseable {

    private static final long CLOCK_TICKS = Long.getLong("bellrush.clockTicks", 100);

    private final Map<String, Long> pids = new LinkedHashMap<>();

    private final Map<String, Long> cpuAtStart = new LinkedHashMap<>();

    private final Map<String, AtomicLong> peakRssKb = new LinkedHashMap<>();

    private long machineBusyAtStart;

    private long machineTotalAtStart;

    private long startedNanos;

    private Thread thread;

    private volatile boolean running;

    ProcSampler watch(String name, long pid) {
        if (pid > 0) {
            pids.put(name, pid);
            peakRssKb.put(name, new AtomicLong());
        }
        return this;
    }

    void start() {
        pids.forEach((name, pid) -> cpuAtStart.put(name, cpuTicks(pid)));
        long[] machine = machineTicks();
        machineBusyAtStart = machine[0];
        machineTotalAtStart = machine[1];
        startedNanos = System.nanoTime();
        running = true;
        thread = new Thread(() -> {
            while (running) {
                pids.forEach((name, pid) -> peakRssKb.get(name).accumulateAndGet(rssKb(pid), Math::max));
                try {
                    Thread.sleep(250);
                }
                catch (InterruptedException e) {
                    return;
                }
            }
        }, "proc-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * CPU used since {@link #start()}, in cores (1.0 = one core busy all the time), and
     * peak RSS in MB.
     */
    Map<String, Object> stop() {
        running = false;
        double seconds = (System.nanoTime() - startedNanos) / 1e9;
        Map<String, Object> result = new LinkedHashMap<>();
        pids.forEach((name, pid) -> {
            double cpu = (cpuTicks(pid) - cpuAtStart.get(name)) / (double) CLOCK_TICKS;
            result.put("cpu." + name + ".cores", round(cpu / seconds));
            result.put("rss." + name + ".peak_mb", peakRssKb.get(name).get() / 1024);
        });
        long[] machine = machineTicks();
        long total = machine[1] - machineTotalAtStart;
        result.put("cpu.machine.busy_cores", round(total == 0 ? 0
                : (machine[0] - machineBusyAtStart) / (double) total * Runtime.getRuntime().availableProcessors()));
        result.put("cpu.machine.cores", Runtime.getRuntime().availableProcessors());
        return result;
    }

    @Override
    public void close() {
        running = false;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    static long cpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after "pid (comm) ": state is field 3 of stat(5), utime 14 and stime 15
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        }
        catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        }
        catch (IOException | RuntimeException e) {
            // the process has gone
        }
        return 0;
    }

    /** {busy, total} jiffies of all CPUs, from the first line of /proc/stat. */
    private static long[] machineTicks() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < f.length && i <= 8; i++) {
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return new long[] { total - idle, total };
        }
        catch (IOException | RuntimeException e) {
            return new long[] { 0, 0 };
        }
    }

}
