package org.corridor.email;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

import org.corridor.notification.ChannelRecords;
import org.corridor.notification.NotificationChannel;
import org.corridor.notification.NotificationSent;

/**
 * Emails what must not wait. Each committed notification is announced once, on the
 * instance that stored it ({@link NotificationSent}), so each is emailed at most once,
 * even in a cluster. The listener only queues: composing and sending run on this outbox's
 * own threads, never on a request's or the engine's.
 * <p>
 * Each attempt is recorded ({@link ChannelRecords}, channel EMAIL) with whether the
 * server accepted it and, if not, its reply. An email the server could not take for now
 * (no connection, a 4xx reply) is tried again after each of
 * {@code corridor.mail.retry-delays}; one refused for good (5xx, a refused sign-in) or
 * whose sending timed out (the server may have taken it) is not.
 * <p>
 * The queue is a table ({@link OutboxRows}): an email is a row from its notification's
 * announcement until it is accepted or given up. This instance sends it at once and
 * schedules its retries in memory; every {@value #POLL_SECONDS} s every instance also
 * sends the due rows nobody holds, so an email whose instance stopped (or crashed) is
 * sent by another, or by the restarted one. An instance claims a row for {@link #CLAIM}
 * before sending it, so one instance sends it; only an instance that dies between the
 * server's acceptance and the row's removal leaves an email to be sent again.
 * <p>
 * Off, with nothing queued, when no SMTP host is configured.
 */
@Component
class EmailOutbox implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EmailOutbox.class);

    static final int POLL_SECONDS = 15;

    /**
     * How long an instance holds a row it sends: longer than composing and the SMTP
     * timeouts (10 s each) take.
     */
    static final Duration CLAIM = Duration.ofMinutes(2);

    private static final int POLL_LIMIT = 50;

    private final OutboxRows rows;

    private final Clock clock;

    private final EmailMessages messages;

    private final ChannelRecords channels;

    private final List<Duration> retryDelays;

    private final SmtpDelivery smtp;

    private final ScheduledThreadPoolExecutor threads;

    private final AtomicInteger pending = new AtomicInteger();

    private volatile boolean running;

    EmailOutbox(@Value("${spring.mail.host:}") String host, ObjectProvider<JavaMailSender> sender,
            EmailSettings settings, EmailMessages messages, ChannelRecords channels, OutboxRows rows, Clock clock) {
        this.rows = rows;
        this.clock = clock;
        this.messages = messages;
        this.channels = channels;
        this.retryDelays = settings.retryDelays();
        if (StringUtils.hasText(host)) {
            settings.checkPublicUrl();
            this.smtp = new SmtpDelivery(sender.getObject(), settings.sender());
            AtomicInteger count = new AtomicInteger();
            ThreadFactory named = task -> {
                Thread thread = new Thread(task, "email-" + count.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            };
            this.threads = new ScheduledThreadPoolExecutor(2, named);
            this.threads.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
            log.info("Email on: SMTP server {}, links {}", host,
                    settings.publicUrl() != null ? "to " + settings.publicUrl() : "left out (no CORRIDOR_PUBLIC_URL)");
        }
        else {
            this.smtp = null;
            this.threads = null;
        }
    }

    boolean isOn() {
        return threads != null;
    }

    /** Queues the email, if this kind is ever emailed; never throws. */
    @EventListener
    void on(NotificationSent sent) {
        if (!isOn() || !sent.kind().isEmailed()) {
            return;
        }
        try {
            rows.add(sent.notificationId(), clock.instant());
        }
        catch (RuntimeException e) {
            log.warn("Email for notification {} not queued: the outbox could not be written", sent.notificationId(), e);
            return;
        }
        submit(() -> send(sent.notificationId()), 0);
    }

    /**
     * The due rows nobody holds: left by an instance that stopped, or whose retry this
     * instance no longer has in memory.
     */
    @Scheduled(fixedDelay = POLL_SECONDS, initialDelay = POLL_SECONDS, timeUnit = TimeUnit.SECONDS)
    void sendWhatIsDue() {
        if (!isOn() || !running) {
            return;
        }
        for (String notificationId : rows.due(clock.instant(), POLL_LIMIT)) {
            submit(() -> send(notificationId), 0);
        }
    }

    private void send(String notificationId) {
        Instant now = clock.instant();
        Optional<OutboxRows.Claimed> claimed = rows.claim(notificationId, now, now.plus(CLAIM));
        if (claimed.isEmpty()) {
            return; // sent, given up, held by another instance, or not yet due
        }
        Optional<Email> email;
        try {
            email = messages.compose(claimed.get().sent());
        }
        catch (RuntimeException e) {
            log.warn("Email for notification {} could not be composed; dropped", notificationId, e);
            rows.remove(notificationId);
            return;
        }
        if (email.isEmpty()) {
            rows.remove(notificationId);
            return;
        }
        attempt(email.get(), claimed.get().attempt());
    }

    private void attempt(Email email, int attempt) {
        SmtpDelivery.Outcome outcome = smtp.send(email);
        int attempts = retryDelays.size() + 1;
        boolean again = !outcome.accepted() && outcome.worthRetrying() && attempt < attempts;
        String detail = outcome.accepted() ? (attempt > 1 ? "accepted at attempt " + attempt : null)
                : outcome.detail() + " (attempt " + attempt + " of " + attempts
                        + (again ? "; tried again in " + retryDelays.get(attempt - 1).toSeconds() + " s)" : ")");
        if (outcome.accepted()) {
            log.debug("Email for notification {} accepted", email.notificationId());
        }
        else {
            log.warn("Email for notification {} not accepted: {}", email.notificationId(), detail);
        }
        try {
            channels.record(email.notificationId(), NotificationChannel.EMAIL, outcome.accepted(), detail);
        }
        catch (RuntimeException e) {
            // the notification may have gone meanwhile (retention, a test's clean-up)
            log.warn("Email attempt for notification {} not recorded", email.notificationId(), e);
        }
        if (again) {
            Duration delay = retryDelays.get(attempt - 1);
            rows.later(email.notificationId(), attempt + 1, clock.instant().plus(delay));
            submit(() -> send(email.notificationId()), delay.toMillis());
        }
        else {
            rows.remove(email.notificationId());
        }
    }

    private void submit(Runnable task, long delayMillis) {
        pending.incrementAndGet();
        try {
            threads.schedule(() -> {
                try {
                    task.run();
                }
                catch (RuntimeException e) {
                    log.warn("Email task failed", e);
                }
                finally {
                    pending.decrementAndGet();
                }
            }, delayMillis, TimeUnit.MILLISECONDS);
        }
        catch (RejectedExecutionException e) {
            pending.decrementAndGet();
            log.warn("Stopping: an email was not queued");
        }
    }

    /**
     * Waits until nothing is queued or being sent (or the time is up); answers whether
     * the outbox is idle.
     */
    boolean awaitIdle(Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (pending.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return pending.get() == 0;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        if (threads != null) {
            int dropped = threads.shutdownNow().size();
            if (dropped > 0) {
                log.warn("Stopping: {} email task(s) not run", dropped);
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

}
