package org.corridor.cluster;

import java.time.Duration;
import java.util.function.Function;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Reference data each instance holds in memory (a school's settings, a destination, a
 * district's active rule set), read from the database when missing and forgotten on every
 * instance when it changes: here when the writing transaction ends (committed or rolled
 * back: a read inside it may have held its uncommitted rows), on the others once it
 * commits, through {@link Broadcasts}. Messages are at most once, so nothing is held
 * longer than {@code heldFor}: an instance that missed one is wrong for at most that
 * long. A missing key (the read answers null) is not held.
 */
public final class HeldData<V> {

    /** The message that forgets every key. */
    static final String EVERYTHING = "*";

    private final Cache<String, V> held;

    private final String topic;

    private final Broadcasts broadcasts;

    public HeldData(String topic, Broadcasts broadcasts, Duration heldFor, long atMost) {
        this.held = Caffeine.newBuilder().maximumSize(atMost).expireAfterWrite(heldFor).build();
        this.topic = topic;
        this.broadcasts = broadcasts;
        broadcasts.subscribe(topic, this::forget);
    }

    /** The value held for the key, else read (and held unless null). */
    public V get(String key, Function<String, V> read) {
        return held.get(key, read);
    }

    /**
     * The key's data is being changed in the current transaction (if any): forgotten now,
     * again when the transaction ends, and on every other instance once it commits.
     */
    public void changed(String key) {
        forget(key);
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            broadcasts.publish(topic, key);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                forget(key);
                if (status == STATUS_COMMITTED) {
                    broadcasts.publish(topic, key);
                }
            }
        });
    }

    /**
     * Everything changed at once (an import): every key is forgotten, as by
     * {@link #changed}.
     */
    public void changedAll() {
        changed(EVERYTHING);
    }

    /** Forgets every key on this instance only. */
    public void forgetAll() {
        held.invalidateAll();
    }

    private void forget(String key) {
        if (EVERYTHING.equals(key)) {
            held.invalidateAll();
        }
        else {
            held.invalidate(key);
        }
    }

}
