package org.corridor.notification;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.ApplicationEventMulticaster;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import org.corridor.testing.ApiTest;

/**
 * Sending notifications the way the pass package does, and watching what reaches the
 * streams.
 */
abstract class NotificationTestSupport extends ApiTest {

    @LocalServerPort
    int port;

    @Autowired
    Notifications notifications;

    @Autowired
    NotificationStreams streams;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    ApplicationContext context;

    /** Every NotificationDelivered published during the test, from whichever thread. */
    final List<NotificationDelivered> delivered = new CopyOnWriteArrayList<>();

    /** Every NotificationSent published during the test, from whichever thread. */
    final List<NotificationSent> sent = new CopyOnWriteArrayList<>();

    private final ApplicationListener<ApplicationEvent> deliveries = event -> {
        if (event instanceof PayloadApplicationEvent<?> payload) {
            if (payload.getPayload() instanceof NotificationDelivered d) {
                delivered.add(d);
            }
            if (payload.getPayload() instanceof NotificationSent s) {
                sent.add(s);
            }
        }
    };

    @BeforeEach
    void listenForDeliveries() {
        multicaster().addApplicationListener(deliveries);
    }

    @AfterEach
    void stopListeningAndCloseStreams() {
        multicaster().removeApplicationListener(deliveries);
        // a stream the test client closed stays registered until a write to it fails
        streams.closeAll();
    }

    private ApplicationEventMulticaster multicaster() {
        return context.getBean(AbstractApplicationContext.APPLICATION_EVENT_MULTICASTER_BEAN_NAME,
                ApplicationEventMulticaster.class);
    }

    /**
     * Sends inside a committed transaction, as a pass step does; answers the new
     * notification's id.
     */
    String send(String to, NotificationKind kind, String passId) {
        String districtId = person(to).getDistrictId();
        String recipientId = person(to).getId();
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> notifications.send(districtId,
                recipientId, kind, passId, "Title " + kind, "Body of " + kind));
        return newestOf(recipientId);
    }

    String newestOf(String recipientId) {
        return jdbc.queryForObject(
                "select id from notification where person_id = ? order by created_at desc, id desc" + " limit 1",
                String.class, recipientId);
    }

    int count() {
        return jdbc.queryForObject("select count(*) from notification", Integer.class);
    }

    Instant deliveredAt(String notificationId) {
        return utc(jdbc.queryForObject("select delivered_at from notification where id = ?", LocalDateTime.class,
                notificationId));
    }

    Instant seenAt(String notificationId) {
        return utc(jdbc.queryForObject("select seen_at from notification where id = ?", LocalDateTime.class,
                notificationId));
    }

    /**
     * Moves a notification's creation time; stored times are UTC wall-clock times, as
     * Hibernate writes them.
     */
    void createdAt(String notificationId, Instant at) {
        jdbc.update("update notification set created_at = ? where id = ?", LocalDateTime.ofInstant(at, ZoneOffset.UTC),
                notificationId);
    }

    private static Instant utc(LocalDateTime at) {
        return at == null ? null : at.toInstant(ZoneOffset.UTC);
    }

    EventStream stream(String who) throws IOException, InterruptedException {
        return EventStream.open(port, who, null);
    }

    /** Waits generously for a condition that another thread makes true. */
    static boolean eventually(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + EventStream.PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(50);
        }
        return condition.getAsBoolean();
    }

}
