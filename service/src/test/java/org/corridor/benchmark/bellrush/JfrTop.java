package org.corridor.benchmark.bellrush;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Summarises a JFR recording's execution samples (jdk.ExecutionSample and
 * jdk.NativeMethodSample): the methods most often on top of the stack (self time), and
 * the Corridor/engine/framework methods most often anywhere in it (inclusive), as shares
 * of all samples.
 */
final class JfrTop {

    private JfrTop() {
    }

    static void run(String file, Args args) throws IOException {
        int top = args.integer("top", 25);
        String prefixes = args
            .string("inclusive", "org.corridor.,org.camunda.,org.hibernate.,org.springframework.security.,"
                    + "org.mariadb.,org.drools.,com.fasterxml.,org.apache.catalina.,org.apache.coyote.,com.zaxxer.");
        List<String> interesting = List.of(prefixes.split(","));
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> inclusive = new HashMap<>();
        Map<String, Integer> area = new HashMap<>();
        Map<String, Double> threadCpu = new HashMap<>();
        Set<Long> seenThreads = new HashSet<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(file))) {
            String type = event.getEventType().getName();
            if (type.equals("jdk.ThreadCPULoad") && event.getThread("eventThread") != null) {
                // Periodic per-thread CPU load, summed per kind of thread (digits dropped
                // from the name). A
                // thread's first event covers its whole life before the recording began:
                // skipped.
                if (seenThreads.add(event.getThread("eventThread").getId())) {
                    continue;
                }
                String thread = String.valueOf(event.getThread("eventThread").getJavaName()).replaceAll("[0-9]+", "#");
                threadCpu.merge(thread, event.getDouble("user") + event.getDouble("system"), Double::sum);
                continue;
            }
            if (!type.equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            if (frames.isEmpty()) {
                continue;
            }
            samples++;
            self.merge(name(frames.get(0)), 1, Integer::sum);
            Set<String> seen = new HashSet<>();
            for (RecordedFrame frame : frames) {
                String name = name(frame);
                if (interesting.stream().anyMatch(name::startsWith) && seen.add(name)) {
                    inclusive.merge(name, 1, Integer::sum);
                }
            }
            // The innermost framework the sample is in: a rough "where does the CPU go".
            String where = "other (JDK, Spring, Tomcat, ...)";
            for (RecordedFrame frame : frames) {
                String name = name(frame);
                String found = interesting.stream().filter(name::startsWith).findFirst().orElse(null);
                if (found != null) {
                    where = found + "*";
                    break;
                }
            }
            area.merge(where, 1, Integer::sum);
        }
        double allThreads = threadCpu.values().stream().mapToDouble(Double::doubleValue).sum();
        System.out.println("CPU by kind of thread (jdk.ThreadCPULoad, share of the process's CPU):");
        threadCpu.entrySet()
            .stream()
            .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
            .limit(12)
            .forEach(e -> System.out.printf("  %5.1f%%  %s%n", 100 * e.getValue() / allThreads, e.getKey()));
        System.out.printf("%n%d execution samples (Java code running on a CPU)%n", samples);
        print("innermost library frame of each sample", area, samples, top);
        print("top of stack (self)", self, samples, top);
        print("anywhere in the stack (inclusive), " + prefixes, inclusive, samples, top);
    }

    private static void print(String title, Map<String, Integer> counts, int samples, int top) {
        System.out.println();
        System.out.println(title + ":");
        counts.entrySet()
            .stream()
            .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
            .limit(top)
            .forEach(e -> System.out.printf("  %5.1f%%  %6d  %s%n", 100.0 * e.getValue() / samples, e.getValue(),
                    e.getKey()));
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

}
