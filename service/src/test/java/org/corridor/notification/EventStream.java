package org.corridor.notification;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A test client of GET /api/notifications/stream over a real connection, with HTTP Basic:
 * it reads server-sent events on a thread of its own, so a test can wait for the next
 * one.
 */
public final class EventStream implements AutoCloseable {

    /** Generous: a slow machine must not fail a test. */
    static final Duration PATIENCE = Duration.ofSeconds(20);

    public record Event(String name, String id, String data) {
    }

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();

    private final List<String> comments = new ArrayList<>();

    private final HttpResponse<InputStream> response;

    private final Thread reader;

    private volatile boolean ended;

    private EventStream(HttpResponse<InputStream> response) {
        this.response = response;
        this.reader = new Thread(this::read, "test-event-stream");
        this.reader.setDaemon(true);
        this.reader.start();
    }

    public static EventStream open(int port, String who, String lastEventId) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest
            .newBuilder(URI.create("http://127.0.0.1:" + port + "/api/notifications/stream"))
            .header("Accept", "text/event-stream")
            .header("Authorization",
                    "Basic " + Base64.getEncoder()
                        .encodeToString((who + "@corridor.test:demo").getBytes(StandardCharsets.UTF_8)))
            .timeout(PATIENCE)
            .GET();
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<InputStream> response = HttpClient.newBuilder()
            .connectTimeout(PATIENCE)
            .build()
            .send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        return new EventStream(response);
    }

    int status() {
        return response.statusCode();
    }

    String header(String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    String contentType() {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    /** The next event, or null when none came within {@link #PATIENCE}. */
    Event next() throws InterruptedException {
        return events.poll(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * The next event within the given time, or null; for checking that nothing arrives.
     */
    Event poll(Duration wait) {
        try {
            return events.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Comment lines received so far (heartbeats). */
    List<String> comments() {
        synchronized (comments) {
            return List.copyOf(comments);
        }
    }

    /**
     * The next event of that name, skipping others; null when none came within
     * {@link #PATIENCE}.
     */
    public Event next(String name) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            Event event = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (event != null && event.name().equals(name)) {
                return event;
            }
        }
        return null;
    }

    /** Whether the server ended the stream within {@link #PATIENCE}. */
    boolean ends() throws InterruptedException {
        reader.join(PATIENCE.toMillis());
        return ended;
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String name = "message";
            String id = null;
            StringBuilder data = new StringBuilder();
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        events.add(new Event(name, id, data.toString()));
                    }
                    name = "message";
                    id = null;
                    data.setLength(0);
                }
                else if (line.startsWith(":")) {
                    synchronized (comments) {
                        comments.add(line.substring(1));
                    }
                }
                else {
                    int colon = line.indexOf(':');
                    String field = colon < 0 ? line : line.substring(0, colon);
                    String value = colon < 0 ? "" : line.substring(colon + 1);
                    if (value.startsWith(" ")) {
                        value = value.substring(1);
                    }
                    switch (field) {
                        case "event" -> name = value;
                        case "id" -> id = value;
                        case "data" -> data.append(data.isEmpty() ? "" : "\n").append(value);
                        default -> {
                            /* retry and others */ }
                    }
                }
            }
            ended = true;
        }
        catch (IOException e) {
            // closed by the test
        }
    }

    @Override
    public void close() throws IOException {
        response.body().close();
    }

}
