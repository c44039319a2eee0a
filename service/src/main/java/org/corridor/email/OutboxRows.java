package org.corridor.email;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import org.corridor.notification.NotificationKind;
import org.corridor.notification.NotificationSent;

/**
 * The outbox's table, {@code email_outbox} (V32): one row per email still to send, its
 * next attempt, when it is due, and until when an instance is sending it. Each change is
 * one conditional statement in its own transaction, so two instances never both claim a
 * row. Times are stored as UTC wall-clock times, as Hibernate writes them.
 */
@Component
class OutboxRows {

    private final JdbcTemplate jdbc;

    private final TransactionTemplate ownTransaction;

    OutboxRows(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        // added after the notification's commit, while that transaction's connection may
        // still be bound: a write joining it would never be committed
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** An email to send for this notification, due at once. */
    void add(String notificationId, Instant now) {
        ownTransaction.executeWithoutResult(status -> jdbc
            .update("insert into email_outbox (notification_id, attempt, due_at, claimed_until, version) "
                    + "values (?, 1, ?, null, 0)", notificationId, utc(now)));
    }

    /**
     * A due email to send and its attempt, claimed for this instance until the time
     * given.
     */
    record Claimed(NotificationSent sent, int attempt) {
    }

    /**
     * Claims the row when it is due and nobody else holds it; answers it with its
     * notification, or empty (sent, given up, held by another instance, or not due yet).
     */
    Optional<Claimed> claim(String notificationId, Instant now, Instant until) {
        int claimed = ownTransaction.execute(status -> jdbc.update(
                "update email_outbox set claimed_until = ?, version = version + 1 where notification_id = ? "
                        + "and due_at <= ? and (claimed_until is null or claimed_until < ?)",
                utc(until), notificationId, utc(now), utc(now)));
        if (claimed == 0) {
            return Optional.empty();
        }
        // the notification package's row is read, never written: the email says what it
        // says
        return jdbc
            .query("""
                    select n.district_id, n.person_id, n.kind, n.pass_id, n.title, n.body, n.created_at, o.attempt
                    from email_outbox o join notification n on n.id = o.notification_id
                    where o.notification_id = ?""",
                    (rs, i) -> new Claimed(
                            new NotificationSent(notificationId, rs.getString(1), rs.getString(2),
                                    NotificationKind.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5),
                                    rs.getString(6), rs.getObject(7, LocalDateTime.class).toInstant(ZoneOffset.UTC)),
                            rs.getInt(8)),
                    notificationId)
            .stream()
            .findFirst();
    }

    /** Tried and to be tried again: the next attempt, when, and free for any instance. */
    void later(String notificationId, int attempt, Instant due) {
        ownTransaction.executeWithoutResult(status -> jdbc
            .update("update email_outbox set attempt = ?, due_at = ?, claimed_until = null, version = version + 1 "
                    + "where notification_id = ?", attempt, utc(due), notificationId));
    }

    /** Sent, refused for good, or nothing to send. */
    void remove(String notificationId) {
        ownTransaction.executeWithoutResult(
                status -> jdbc.update("delete from email_outbox where notification_id = ?", notificationId));
    }

    /** The emails due now that no instance holds, the oldest first. */
    List<String> due(Instant now, int limit) {
        return jdbc.queryForList(
                "select notification_id from email_outbox where due_at <= ? "
                        + "and (claimed_until is null or claimed_until < ?) order by due_at limit ?",
                String.class, utc(now), utc(now), limit);
    }

    private static LocalDateTime utc(Instant at) {
        return LocalDateTime.ofInstant(at, ZoneOffset.UTC);
    }

}
