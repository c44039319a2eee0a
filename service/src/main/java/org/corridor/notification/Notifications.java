package org.corridor.notification;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sending notifications: what the rest of the service calls. A notification is stored in
 * the caller's transaction and pushed to the recipient's open screens only after that
 * transaction commits: a rolled-back step leaves neither a row nor a popup behind. Then
 * {@link NotificationSent} is published for the channels that leave the service (push,
 * email). In cluster mode the push reaches the recipient's streams on every instance
 * ({@link NotificationFanOut}).
 */
@Service
public class Notifications {

    private static final Logger log = LoggerFactory.getLogger(Notifications.class);
    static final List<NotificationKind> REQUEST_KINDS = Arrays.stream(NotificationKind.values())
        .filter(NotificationKind::isRequest)
        .toList();

    private static final List<String> REQUEST_KIND_NAMES = REQUEST_KINDS.stream().map(Enum::name).toList();

    private final NotificationRepository notifications;

    private final NotificationFanOut streams;

    private final ApplicationEventPublisher events;

    private final Clock clock;

    Notifications(NotificationRepository notifications, NotificationFanOut streams, ApplicationEventPublisher events,
            Clock clock) {
        this.notifications = notifications;
        this.streams = streams;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Stores a notification for the recipient, in the caller's transaction (a new one if
     * there is none), and pushes it to the recipient's open streams once that transaction
     * has committed. Works from the engine's job-executor threads too, where a
     * Spring-managed transaction is active.
     * @param passId the pass it is about, or null (an emergency, for example)
     * @param body may be null (stored empty); title and body are shortened to fit their
     * columns
     */
    @Transactional
    public void send(String districtId, String recipientId, NotificationKind kind, String passId, String title,
            String body) {
        Objects.requireNonNull(districtId, "districtId");
        Objects.requireNonNull(recipientId, "recipientId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        Notification stored = notifications
            .save(new Notification(districtId, recipientId, kind, passId, title, body, clock.instant()));
        NotificationView view = NotificationView.of(stored);
        NotificationSent sent = new NotificationSent(stored.getId(), districtId, recipientId, kind, passId,
                stored.getTitle(), stored.getBody(), stored.getCreatedAt());
        log.debug("Notification {} ({}) for {} stored, pass {}", stored.getId(), kind, recipientId, passId);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    streams.pushEverywhere(recipientId, view);
                    events.publishEvent(sent);
                }
            });
        }
        else {
            // not reachable through the proxy (@Transactional always opens or joins one);
            // kept for direct calls
            streams.pushEverywhere(recipientId, view);
            events.publishEvent(sent);
        }
    }

    /**
     * Tells the person's open screens, once the caller's transaction has committed, that
     * something about their pass changed ({@code event: pass}); nothing is stored. The
     * student's screen uses it to show "delivered" and "seen" the moment they happen.
     */
    public void passChanged(String recipientId, String passId, String change) {
        Objects.requireNonNull(recipientId, "recipientId");
        PassSignal signal = new PassSignal(passId, change);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    streams.signal(recipientId, signal);
                }
            });
        }
        else {
            streams.signal(recipientId, signal);
        }
    }

    /**
     * A request that was decided, cancelled or expired is no longer unread: marks every
     * unseen request-kind notification of the pass (the routed teacher's, escalations'
     * recipients') seen now, in the caller's transaction.
     */
    @Transactional
    public void settle(String passId) {
        Objects.requireNonNull(passId, "passId");
        int settled = notifications.settle(passId, REQUEST_KIND_NAMES, clock.instant());
        log.debug("Pass {} settled: {} request notification(s) marked seen", passId, settled);
    }

}
