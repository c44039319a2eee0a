package org.corridor.push;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.martijndwars.webpush.Urgency;
import nl.martijndwars.webpush.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import org.corridor.notification.ChannelRecords;
import org.corridor.notification.NotificationChannel;
import org.corridor.notification.NotificationKind;
import org.corridor.notification.NotificationSent;
import org.corridor.person.Person;
import org.corridor.person.PersonRepository;
import org.corridor.person.Role;

/**
 * Sends what a teacher or administrator must see to their browsers, also when no Corridor
 * screen is open: requests (new, again, escalated), a student on the way, out a long time
 * or ended by the time limit. Hears {@link NotificationSent} after the commit and hands
 * the work to its own threads at once, so the bell rush's transactions never wait for a
 * push service; for a recipient with no device that work is one indexed look-up. Each
 * attempt is recorded ({@link ChannelRecords}); a subscription the push service calls
 * gone (404, 410) is removed.
 */
@Component
class PushSender implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PushSender.class);

    /** The kinds pushed; the rest wait for the screen. */
    static final Set<NotificationKind> PUSHED = EnumSet.of(NotificationKind.REQUEST, NotificationKind.REQUEST_AGAIN,
            NotificationKind.REQUEST_ESCALATED, NotificationKind.ON_THE_WAY, NotificationKind.LONG_RUNNING,
            NotificationKind.ENDED_BY_SYSTEM);

    private static final int QUEUE = 5_000;

    /** What the service worker gets: no more about the student than the popup shows. */
    record Payload(String id, String kind, String passId, String title, String body, String url) {
    }

    private final PushSubscriptionRepository subscriptions;

    private final PersonRepository people;

    private final VapidKeys keys;

    private final ChannelRecords records;

    private final ObjectMapper json;

    private final Clock clock;

    private final HttpClient http;

    private final Duration timeout;

    private final ThreadPoolExecutor executor;

    private volatile boolean running;

    PushSender(PushSubscriptionRepository subscriptions, PersonRepository people, VapidKeys keys,
            ChannelRecords records, ObjectMapper json, Clock clock,
            @Value("${corridor.push.timeout:10s}") Duration timeout, @Value("${corridor.push.threads:2}") int threads) {
        this.subscriptions = subscriptions;
        this.people = people;
        this.keys = keys;
        this.records = records;
        this.json = json;
        this.clock = clock;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
        AtomicInteger count = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE),
                task -> {
                    Thread thread = new Thread(task, "push-send-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /** On the committing thread: never throws, never waits. */
    @EventListener
    void sent(NotificationSent sent) {
        if (!PUSHED.contains(sent.kind()) || !keys.enabled()) {
            return;
        }
        try {
            executor.execute(() -> send(sent));
        }
        catch (RejectedExecutionException e) {
            log.warn("Push of notification {} not sent: the push queue is full or stopping", sent.notificationId());
            recordQuietly(sent.notificationId(), false, "not sent: the push queue was full");
        }
    }

    /** Every device of the recipient, one after another. */
    void send(NotificationSent sent) {
        try {
            List<PushSubscription> devices = subscriptions.mine(sent.recipientId(), sent.districtId());
            if (devices.isEmpty()) {
                return;
            }
            VapidKeys.Keys signing = keys.keys().orElse(null);
            if (signing == null) {
                return;
            }
            byte[] payload = payload(sent);
            WebPushRequests requests = new WebPushRequests(signing.pair(), signing.subject());
            for (PushSubscription device : devices) {
                deliver(sent, device, requests, payload);
            }
        }
        catch (RuntimeException e) {
            log.warn("Push of notification {} failed", sent.notificationId(), e);
            recordQuietly(sent.notificationId(), false, "not sent: " + e.getClass().getSimpleName());
        }
    }

    private void deliver(NotificationSent sent, PushSubscription device, WebPushRequests requests, byte[] payload) {
        String service = URI.create(device.getEndpoint()).getHost();
        try {
            PushMessage push = new PushMessage(device.getEndpoint(),
                    (org.bouncycastle.jce.interfaces.ECPublicKey) Utils.loadPublicKey(device.getP256dh()),
                    java.util.Base64.getUrlDecoder().decode(device.getAuth()), payload, ttlSeconds(sent.kind()),
                    sent.kind().isRequest() ? Urgency.HIGH : Urgency.NORMAL);
            nl.martijndwars.webpush.HttpRequest prepared = requests.prepare(push);
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(prepared.getUrl()))
                .timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofByteArray(prepared.getBody()));
            for (Map.Entry<String, String> header : prepared.getHeaders().entrySet()) {
                request.header(header.getKey(), header.getValue());
            }
            HttpResponse<Void> answer = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
            int status = answer.statusCode();
            if (status >= 200 && status < 300) {
                subscriptions.accepted(device.getId(), clock.instant());
                recordQuietly(sent.notificationId(), true, service + " accepted it (" + status + ")");
            }
            else if (status == 404 || status == 410) {
                subscriptions.removeGone(device.getId());
                log.info("Push subscription {} of person {} is gone ({}); removed", device.getId(),
                        device.getPersonId(), status);
                recordQuietly(sent.notificationId(), false,
                        service + ": the device's subscription is gone (" + status + "), removed");
            }
            else {
                log.info("Push of notification {} to subscription {} refused: {}", sent.notificationId(),
                        device.getId(), status);
                recordQuietly(sent.notificationId(), false, service + " refused it (" + status + ")");
            }
        }
        catch (IOException e) {
            log.info("Push of notification {} to subscription {} failed: {}", sent.notificationId(), device.getId(),
                    e.getClass().getSimpleName());
            recordQuietly(sent.notificationId(), false,
                    service + " did not answer (" + e.getClass().getSimpleName() + ")");
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            recordQuietly(sent.notificationId(), false, "not sent: stopping");
        }
        catch (java.security.GeneralSecurityException | RuntimeException e) {
            log.warn("Push of notification {} to subscription {} could not be prepared", sent.notificationId(),
                    device.getId(), e);
            recordQuietly(sent.notificationId(), false, "not sent: the device's keys cannot be used");
        }
    }

    /**
     * A request is worth showing only while it can still be answered; the others for a
     * while longer.
     */
    private static int ttlSeconds(NotificationKind kind) {
        return kind.isRequest() ? 15 * 60 : 60 * 60;
    }

    private byte[] payload(NotificationSent sent) {
        try {
            return json.writeValueAsBytes(new Payload(sent.notificationId(), sent.kind().name(), sent.passId(),
                    sent.title(), sent.body(), url(sent)));
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Where a click leads: the teacher's Requests tab or arrivals, or the administrators'
     * escalated requests.
     */
    private String url(NotificationSent sent) {
        Person person = people.findWithRoles(sent.recipientId()).orElse(null);
        boolean teacher = person != null && person.has(Role.TEACHER);
        boolean admin = person != null && person.has(Role.ADMIN);
        if (sent.kind() == NotificationKind.REQUEST_ESCALATED && admin || !teacher && admin) {
            return "/admin-requests.html";
        }
        return switch (sent.kind()) {
            case REQUEST, REQUEST_AGAIN, REQUEST_ESCALATED -> "/teacher.html#requests";
            case ON_THE_WAY -> "/teacher.html#arriving";
            default -> "/teacher.html";
        };
    }

    private void recordQuietly(String notificationId, boolean accepted, String detail) {
        try {
            records.record(notificationId, NotificationChannel.PUSH, accepted, detail);
        }
        catch (RuntimeException e) {
            log.warn("Recording the push of notification {} failed", notificationId, e);
        }
    }

    @Override
    public void start() {
        running = true;
    }

    /** Pushes still queued are dropped: their notifications wait on the screen. */
    @Override
    public void stop() {
        running = false;
        executor.shutdown();
        try {
            executor.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

}
