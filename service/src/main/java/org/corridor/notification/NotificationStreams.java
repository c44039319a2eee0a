package org.corridor.notification;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.domain.Limit;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open notification streams (server-sent events) of this instance, keyed by
 * recipient: a person may have several tabs open. A push reaches the streams of THIS
 * instance; {@link NotificationFanOut} calls it on every instance in cluster mode. The
 * notification table is the source of truth: a client that reconnects (to any instance)
 * catches up through Last-Event-ID, and undelivered requests are replayed when a screen
 * opens.
 * <p>
 * A person holds at most {@code corridor.notifications.streams-per-person} (5) streams;
 * opening one more ends the oldest.
 * <p>
 * Every write to a stream happens on a push thread chosen by the recipient id, so the
 * events of one person arrive in order, and a client that stops reading holds up only the
 * people of its stripe.
 */
@Component
class NotificationStreams implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(NotificationStreams.class);
    static final int REPLAY_LIMIT = 100;
    static final Duration REPLAY_UNDELIVERED_FOR = Duration.ofHours(12);

    /** How long the normal announcement may take before the repair pushes it. */
    static final Duration REPAIR_GRACE = Duration.ofSeconds(3);

    /** Older lost requests wait for the screen's next connect, which replays them. */
    static final Duration REPAIR_WINDOW = Duration.ofMinutes(2);

    static final int REPAIR_LIMIT = 500;

    /** People with open streams named in one read of the repair. */
    static final int REPAIR_PEOPLE_PER_READ = 200;

    /**
     * How long a transaction may hold a notification between making it and committing:
     * one made this long before a screen opened would still have been announced to it.
     */
    static final Duration ANNOUNCED_TO_STREAMS_OPEN_WITHIN = Duration.ofSeconds(10);

    private static final int STRIPES = 4;

    /**
     * How long a client waits before reconnecting after the stream ends (the SSE retry
     * field).
     */
    private static final long RECONNECT_MILLIS = 5_000;

    private final Map<String, Set<Stream>> open = new ConcurrentHashMap<>();

    private final ExecutorService[] stripes = new ExecutorService[STRIPES];

    private final NotificationRepository notifications;

    private final TransactionTemplate ownTransaction;

    private final ApplicationEventPublisher events;

    private final Clock clock;

    private final Duration timeout;

    private final int perPerson;

    private volatile boolean running;

    NotificationStreams(NotificationRepository notifications, PlatformTransactionManager transactions,
            ApplicationEventPublisher events, Clock clock,
            @Value("${corridor.notifications.stream-timeout:30m}") Duration timeout,
            @Value("${corridor.notifications.streams-per-person:5}") int perPerson) {
        this.notifications = notifications;
        this.ownTransaction = new TransactionTemplate(transactions);
        // pushes run after the sender's commit, possibly while its resources are still
        // bound: never join them
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.events = events;
        this.clock = clock;
        this.timeout = timeout;
        this.perPerson = perPerson;
        AtomicInteger threads = new AtomicInteger();
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = Executors.newSingleThreadExecutor(task -> {
                Thread thread = new Thread(task, "notification-push-" + threads.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
        }
    }

    /** One open stream: one tab of one person. */
    static final class Stream {

        final String recipientId;

        final String districtId;

        final String lastEventId;

        final SseEmitter emitter;

        final Instant openedAt;

        volatile boolean closed;

        /**
         * When the Last-Event-ID's notification was made, once the replay has read it.
         */
        volatile Instant lastEventAt;

        Stream(String recipientId, String districtId, String lastEventId, SseEmitter emitter, Instant openedAt) {
            this.recipientId = recipientId;
            this.districtId = districtId;
            this.lastEventId = lastEventId;
            this.emitter = emitter;
            this.openedAt = openedAt;
        }

        /**
         * Whether the notification's announcement was meant for this screen: any request
         * (undelivered ones are replayed on every connect anyway); anything else made
         * while it was open, or after the last one the screen it continues had
         * (Last-Event-ID): that one and those before it the screen has already. A notice
         * made before a new screen opened waits in the list, as it does without a repair.
         */
        boolean awaited(Notification notification) {
            if (notification.getKind().isRequest()) {
                return true;
            }
            if (lastEventId != null) {
                Instant last = lastEventAt;
                return !notification.getId().equals(lastEventId)
                        && (last == null || !notification.getCreatedAt().isBefore(last));
            }
            return !notification.getCreatedAt().isBefore(openedAt.minus(ANNOUNCED_TO_STREAMS_OPEN_WITHIN));
        }

    }

    /**
     * A new stream for the recipient. Nothing is written yet: {@link #start(Stream)}
     * writes the unread count and the replay once Spring MVC has taken the emitter over
     * (so a write is a real write).
     */
    Stream create(String recipientId, String districtId, String lastEventId) {
        SseEmitter emitter = new SseEmitter(timeout.toMillis());
        Stream stream = new Stream(recipientId, districtId, lastEventId, emitter, clock.instant());
        emitter.onCompletion(() -> drop(stream));
        emitter.onTimeout(() -> drop(stream));
        emitter.onError(e -> drop(stream));
        return stream;
    }

    /**
     * Registers the stream and sends the unread count, then the replay, on the
     * recipient's push thread.
     */
    void start(Stream stream) {
        onStripe(stream.recipientId, () -> {
            if (stream.closed) {
                return;
            }
            // registered before the replay is read: a notification committed meanwhile is
            // pushed, or replayed, or both
            open.compute(stream.recipientId, (id, streams) -> {
                Set<Stream> mine = streams != null ? streams : new CopyOnWriteArraySet<>();
                // iterated in the order opened: the first is the oldest
                mine.add(stream);
                return mine;
            });
            if (stream.closed) { // completed while being registered
                drop(stream);
                return;
            }
            closeOldestBeyondTheCap(stream.recipientId);
            try {
                long unread = notifications.countUnread(stream.recipientId, stream.districtId);
                stream.emitter.send(SseEmitter.event()
                    .name("unread")
                    .reconnectTime(RECONNECT_MILLIS)
                    .data(Map.of("unreadCount", unread), MediaType.APPLICATION_JSON));
                for (NotificationView view : replay(stream)) {
                    stream.emitter.send(notificationEvent(view));
                    delivered(stream.recipientId, view);
                }
            }
            catch (IOException | RuntimeException e) {
                log.debug("Stream of {} failed while opening; dropped", stream.recipientId);
                drop(stream);
            }
        });
    }

    /**
     * After Last-Event-ID: mine created since that one; always: requests not yet
     * delivered. Oldest first.
     */
    private List<NotificationView> replay(Stream stream) {
        Map<String, Notification> replay = new LinkedHashMap<>();
        if (stream.lastEventId != null) {
            notifications.findByIdAndPersonIdAndDistrictId(stream.lastEventId, stream.recipientId, stream.districtId)
                // ">= its time": a notification of the same millisecond may come twice
                // (clients dedupe by id),
                // but none is skipped
                .ifPresent(last -> {
                    stream.lastEventAt = last.getCreatedAt();
                    notifications
                        .createdSince(stream.recipientId, stream.districtId, last.getCreatedAt(), last.getId(),
                                Limit.of(REPLAY_LIMIT))
                        .forEach(n -> replay.put(n.getId(), n));
                });
        }
        // A request sent while the teacher's screen was closed pops up when it opens;
        // with Last-Event-ID too,
        // for a request committed late by a long transaction, created before the client's
        // last event.
        notifications
            .undelivered(stream.recipientId, stream.districtId, Notifications.REQUEST_KINDS,
                    clock.instant().minus(REPLAY_UNDELIVERED_FOR), Limit.of(REPLAY_LIMIT))
            .forEach(n -> replay.putIfAbsent(n.getId(), n));
        return replay.values()
            .stream()
            .sorted(Comparator.comparing(Notification::getCreatedAt).thenComparing(Notification::getId))
            .map(NotificationView::of)
            .toList();
    }

    /**
     * Pushes a committed notification to every open stream of its recipient on this
     * instance.
     */
    void push(String recipientId, NotificationView view) {
        push(recipientId, view, stream -> true);
    }

    private void push(String recipientId, NotificationView view, Predicate<Stream> to) {
        onStripe(recipientId, () -> {
            boolean written = false;
            for (Stream stream : open.getOrDefault(recipientId, Set.of())) {
                if (!to.test(stream)) {
                    continue;
                }
                try {
                    stream.emitter.send(notificationEvent(view));
                    written = true;
                }
                catch (IOException | RuntimeException e) {
                    log.debug("Stream of {} failed on notification {}; dropped", recipientId, view.id());
                    drop(stream);
                }
            }
            if (written) {
                delivered(recipientId, view);
            }
        });
    }

    /**
     * A change of a pass worth showing at once (delivered, seen) but not worth a stored
     * notification: an event {@code pass} without an id (a reconnecting client re-reads
     * the pass anyway), with the pass id and the change, to every open stream of the
     * person it concerns on this instance. A failed write drops the stream.
     */
    void signal(String recipientId, PassSignal signal) {
        onStripe(recipientId, () -> {
            for (Stream stream : open.getOrDefault(recipientId, Set.of())) {
                try {
                    stream.emitter.send(SseEmitter.event().name("pass").data(signal, MediaType.APPLICATION_JSON));
                }
                catch (IOException | RuntimeException e) {
                    log.debug("Stream of {} failed on a signal of pass {}; dropped", recipientId, signal.passId());
                    drop(stream);
                }
            }
        });
    }

    /**
     * The notification reached an open screen: its first delivery time is recorded in a
     * short transaction of its own; then, for a notification about a pass,
     * {@link NotificationDelivered} is published inside another one, so a failing
     * listener cannot undo the record (and a {@code @TransactionalEventListener} finds a
     * transaction to wait for).
     */
    private void delivered(String recipientId, NotificationView view) {
        Instant at = clock.instant();
        try {
            ownTransaction.executeWithoutResult(status -> notifications.markDelivered(view.id(), at));
        }
        catch (RuntimeException e) {
            // the row stays undelivered: a request is replayed when the screen next opens
            log.warn("Recording the delivery of notification {} to {} failed", view.id(), recipientId, e);
        }
        if (view.passId() != null) {
            try {
                ownTransaction.executeWithoutResult(status -> events.publishEvent(new NotificationDelivered(view.id(),
                        recipientId, view.passId(), view.kind(), at, NotificationChannel.SCREEN)));
            }
            catch (RuntimeException e) {
                log.warn("A listener of the delivery of notification {} (pass {}) failed", view.id(), view.passId(), e);
            }
        }
    }

    /**
     * A notification committed on an instance that died before announcing it (on its own
     * streams and on the broker) reaches no open screen: the row is there, but only a
     * reconnect would replay it, and a stream held by another instance has no reason to
     * reconnect. Every few seconds each instance pushes the undelivered, unseen
     * notifications of the people whose streams it holds to the streams that awaited them
     * ({@link Stream#awaited}), once they are older than the normal path needs. A request
     * decided (so marked seen) before that is left alone: there is nothing left to
     * answer. One indexed read of a short window, and only while this instance holds
     * streams.
     */
    @Scheduled(fixedDelay = 5, initialDelay = 5, timeUnit = TimeUnit.SECONDS)
    void repairLostAnnouncements() {
        if (open.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        // only the people with streams here: the traffic of everyone else, screens
        // closed,
        // must not crowd theirs out of the read's limit
        List<String> watched = List.copyOf(open.keySet());
        for (int from = 0; from < watched.size(); from += REPAIR_PEOPLE_PER_READ) {
            for (Notification lost : notifications.undeliveredBetween(
                    watched.subList(from, Math.min(watched.size(), from + REPAIR_PEOPLE_PER_READ)),
                    now.minus(REPAIR_WINDOW), now.minus(REPAIR_GRACE), Limit.of(REPAIR_LIMIT))) {
                if (open.getOrDefault(lost.getPersonId(), Set.of()).stream().anyMatch(s -> s.awaited(lost))) {
                    log.info("Notification {} for {} was never announced; pushed now", lost.getId(),
                            lost.getPersonId());
                    push(lost.getPersonId(), NotificationView.of(lost), stream -> stream.awaited(lost));
                }
            }
        }
    }

    /**
     * A comment line on every open stream, so proxies keep it open and dead streams are
     * found and dropped.
     */
    @Scheduled(fixedRate = 20, initialDelay = 20, timeUnit = TimeUnit.SECONDS)
    void heartbeat() {
        open.forEach((recipientId, streams) -> onStripe(recipientId, () -> {
            for (Stream stream : streams) {
                try {
                    stream.emitter.send(SseEmitter.event().comment("heartbeat"));
                }
                catch (IOException | RuntimeException e) {
                    log.debug("Stream of {} is dead; dropped", recipientId);
                    drop(stream);
                }
            }
        }));
    }

    /** Ends every open stream of the recipient on this instance (clients reconnect). */
    void close(String recipientId) {
        for (Stream stream : open.getOrDefault(recipientId, Set.of())) {
            drop(stream);
            stream.emitter.complete();
        }
    }

    /**
     * Each open stream holds a connection and a request for up to its time limit: a
     * person gets a handful (tabs, devices), and a new one ends the oldest. The oldest is
     * told "superseded" first, so that a screen does not reconnect and end another in
     * turn. Runs on the recipient's push thread, like every write to their streams.
     */
    private void closeOldestBeyondTheCap(String recipientId) {
        List<Stream> mine = List.copyOf(open.getOrDefault(recipientId, Set.of()));
        for (Stream oldest : mine.subList(0, Math.max(0, mine.size() - perPerson))) {
            drop(oldest);
            try {
                oldest.emitter.send(SseEmitter.event()
                    .name("superseded")
                    .data(Map.of("reason", "At most " + perPerson + " screens of one person receive notifications "
                            + "at once; this one was the oldest."), MediaType.APPLICATION_JSON));
                oldest.emitter.complete();
            }
            catch (IOException | RuntimeException e) {
                log.debug("Superseded stream of {} already ended", recipientId);
            }
        }
    }

    int openStreams(String recipientId) {
        return open.getOrDefault(recipientId, Set.of()).size();
    }

    private void drop(Stream stream) {
        stream.closed = true;
        open.computeIfPresent(stream.recipientId, (id, streams) -> {
            streams.remove(stream);
            return streams.isEmpty() ? null : streams;
        });
    }

    private static SseEmitter.SseEventBuilder notificationEvent(NotificationView view) {
        return SseEmitter.event().name("notification").id(view.id()).data(view, MediaType.APPLICATION_JSON);
    }

    private void onStripe(String recipientId, Runnable task) {
        try {
            stripes[Math.floorMod(recipientId.hashCode(), STRIPES)].execute(() -> {
                try {
                    task.run();
                }
                catch (RuntimeException e) {
                    log.warn("Notification push for {} failed", recipientId, e);
                }
            });
        }
        catch (RejectedExecutionException e) {
            log.debug("Shutting down: push for {} not sent (it stays in the table)", recipientId);
        }
    }

    /**
     * Ends every open stream on this instance (clients reconnect, to another instance if
     * this one stops).
     */
    void closeAll() {
        open.values().forEach(streams -> streams.forEach(stream -> {
            drop(stream);
            try {
                stream.emitter.complete();
            }
            catch (RuntimeException e) {
                log.debug("Stream of {} already ended", stream.recipientId);
            }
        }));
    }

    /*
     * An open stream is a request in progress: the web server's graceful shutdown would
     * wait for it until its time limit. Streams are therefore ended first (a higher phase
     * stops earlier), then the push threads.
     */
    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        closeAll();
        for (ExecutorService stripe : stripes) {
            stripe.shutdown();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE;
    }

}
