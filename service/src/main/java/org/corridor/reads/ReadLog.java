package org.corridor.reads;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

import org.corridor.person.Role;
import org.corridor.security.Caller;

/**
 * Records every read of a student's passes by an adult. A read joins a bounded queue and
 * is written with others in one batch, about every second, outside the reader's
 * transaction: a teacher's screen never waits for the log, and a crash loses at most the
 * last second. A full queue (the database down for a while) makes the reader write their
 * own batch, so no read is dropped. A student reading their own passes, and a kiosk, are
 * not recorded.
 */
@Component
public class ReadLog {

    private static final Logger log = LoggerFactory.getLogger(ReadLog.class);
    static final int QUEUE = 10_000;

    private static final int BATCH = 500;

    private final BlockingQueue<Read> queue = new ArrayBlockingQueue<>(QUEUE);

    private final JdbcTemplate jdbc;

    /**
     * The pool's connections do not commit by themselves: each batch is its own
     * transaction.
     */
    private final TransactionOperations transactions;

    private final Clock clock;

    ReadLog(JdbcTemplate jdbc, TransactionOperations transactions, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** What was read. Stored by name: names are only ever added. */
    public enum What {

        PASS, LIST, TIMELINE, PATH, SEARCH, EXPORT, REPORT

    }

    record Read(String districtId, String readerId, String studentId, String passId, What what, String endpoint,
            LocalDateTime at) {
    }

    /** One pass of one student. */
    public void pass(Caller caller, What what, String endpoint, String passId, String studentId) {
        students(caller, what, endpoint, passId, List.of(studentId));
    }

    /** Passes of these students (a list, a search, an export), one row per student. */
    public void students(Caller caller, What what, String endpoint, String passId, Collection<String> studentIds) {
        if (caller.isKiosk() || caller.signedInId() == null) {
            return;
        }
        boolean ownOnly = studentIds.stream().allMatch(id -> id.equals(caller.id()));
        if (caller.is(Role.STUDENT) && !caller.isStaff() && ownOnly) {
            return;
        }
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        for (String student : studentIds) {
            Read read = new Read(caller.districtId(), caller.signedInId(), student, passId, what, endpoint, now);
            if (!queue.offer(read)) {
                flush();
                if (!queue.offer(read)) {
                    log.error("Read log full and the database not taking it: read of student {} by {} not recorded",
                            student, read.readerId());
                }
            }
        }
    }

    /** Writes what is waiting; the scheduler calls it every second and on shutdown. */
    @Scheduled(fixedDelay = 1000)
    @PreDestroy
    public synchronized void flush() {
        List<Read> batch = new ArrayList<>(BATCH);
        while (queue.drainTo(batch, BATCH) > 0) {
            try {
                transactions.executeWithoutResult(tx -> jdbc.batchUpdate(
                        "INSERT INTO pass_read (id, district_id, reader_id, student_id, pass_id, what,"
                                + " endpoint, read_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        batch, batch.size(), (ps, r) -> {
                            ps.setString(1, UUID.randomUUID().toString());
                            ps.setString(2, r.districtId());
                            ps.setString(3, r.readerId());
                            ps.setString(4, r.studentId());
                            ps.setString(5, r.passId());
                            ps.setString(6, r.what().name());
                            ps.setString(7, r.endpoint());
                            ps.setObject(8, r.at());
                        }));
            }
            catch (RuntimeException e) {
                // Kept for the next flush rather than lost; the queue's bound stops it
                // growing without end.
                log.warn("Could not write {} read record(s), will retry: {}", batch.size(), e.toString());
                batch.forEach(queue::offer);
                return;
            }
            batch.clear();
        }
    }

}
