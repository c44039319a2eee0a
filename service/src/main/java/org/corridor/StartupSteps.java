package org.corridor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;

/**
 * Where start-up time goes, for {@code bench/startup.sh}: with
 * {@code -Dcorridor.startup.steps=<file>} Spring's start-up steps (the context's phases,
 * every bean's creation with the beans it needed) are buffered and written to that file,
 * one tab-separated line per step, once the application is ready. Off unless asked:
 * buffering keeps every step in memory, and nothing in production reads them.
 */
final class StartupSteps implements ApplicationListener<ApplicationReadyEvent>, Ordered {

    static final String PROPERTY = "corridor.startup.steps";

    /** Enough for every bean and phase of Corridor's start (about 3,000 steps). */
    private static final int CAPACITY = 20_000;

    private final BufferingApplicationStartup startup;

    private final Path file;

    private StartupSteps(BufferingApplicationStartup startup, Path file) {
        this.startup = startup;
        this.file = file;
    }

    static void recordIfAsked(SpringApplication application) {
        String file = System.getProperty(PROPERTY, "");
        if (file.isBlank()) {
            return;
        }
        BufferingApplicationStartup startup = new BufferingApplicationStartup(CAPACITY);
        application.setApplicationStartup(startup);
        application.addListeners(new StartupSteps(startup, Path.of(file)));
    }

    /**
     * Lines: id, parent id (empty for a top-level step), name, tags (key=value, comma
     * separated), start in ms since the recording began, duration in ms.
     */
    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        StartupTimeline timeline = this.startup.getBufferedTimeline();
        Instant began = timeline.getStartTime();
        try (Writer out = Files.newBufferedWriter(this.file, StandardCharsets.UTF_8)) {
            out.write("id\tparent\tname\ttags\tstart_ms\tduration_ms\n");
            for (StartupTimeline.TimelineEvent step : timeline.getEvents()) {
                Long parent = step.getStartupStep().getParentId();
                String tags = StreamSupport.stream(step.getStartupStep().getTags().spliterator(), false)
                    .map(tag -> tag.getKey() + "=" + tag.getValue().replaceAll("[\\t\\n,]", " "))
                    .collect(Collectors.joining(","));
                out.write(step.getStartupStep().getId() + "\t" + (parent == null ? "" : parent) + "\t"
                        + step.getStartupStep().getName() + "\t" + tags + "\t"
                        + millis(Duration.between(began, step.getStartTime())) + "\t" + millis(step.getDuration())
                        + "\n");
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("Could not write the start-up steps to " + this.file, e);
        }
    }

    private static String millis(Duration duration) {
        return String.format(java.util.Locale.ROOT, "%.1f", duration.toNanos() / 1e6);
    }

    /** After the other listeners of the ready event, so that their steps are in. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

}
