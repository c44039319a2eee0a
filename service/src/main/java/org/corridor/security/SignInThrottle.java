package org.corridor.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.EstimationProbe;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;

import org.corridor.cluster.SharedBuckets;

/**
 * Limits wrong passwords, per account (the email as typed, in lower case) and per client
 * address, with one Bucket4j token bucket each: a wrong password or an unknown email
 * takes a token, the bucket fills again over the window, and while either bucket is empty
 * every attempt with that email or from that address is refused with 429, the right
 * password too. A sign-in that succeeds takes nothing, so HTTP Basic (which signs in on
 * every call) costs one look-up of each bucket.
 * <p>
 * The client address is the one Tomcat saw, or the one a trusted proxy forwarded when
 * {@code server.forward-headers-strategy=native} (docs/operators.md). On a single
 * instance buckets live in its memory, at most {@link #MAX_BUCKETS} of each kind (the
 * least recently used go first). In cluster mode they are the instances' shared buckets
 * in the broker's Redis ({@link SharedBuckets}), so a load balancer spreading the
 * attempts over N instances does not give an attacker N times the attempts; a bucket is
 * named by a hash of the email, so no email is written to Redis.
 */
@Component
class SignInThrottle {

    private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);

    static final int MAX_BUCKETS = 100_000;

    private final int perAccount;

    private final int perAddress;

    private final Duration window;

    private final SharedBuckets shared;

    private final Map<String, Bucket> accounts = lru();

    private final Map<String, Bucket> addresses = lru();

    SignInThrottle(@Value("${corridor.sign-in.failures-per-account:10}") int perAccount,
            @Value("${corridor.sign-in.failures-per-address:50}") int perAddress,
            @Value("${corridor.sign-in.window:15m}") Duration window, ObjectProvider<SharedBuckets> shared) {
        if (perAccount < 1 || perAddress < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalStateException(
                    "corridor.sign-in.failures-per-account, failures-per-address and window " + "must be positive");
        }
        this.perAccount = perAccount;
        this.perAddress = perAddress;
        this.window = window;
        this.shared = shared.getIfAvailable();
    }

    /** Refuses the attempt while the account's or the address's failures are used up. */
    void check(String email, String address) {
        long wait = shared != null ? sharedWaitNanos(email, address) : localWaitNanos(email, address);
        if (wait > 0) {
            throw new Throttled(Math.max(1, TimeUnit.NANOSECONDS.toSeconds(wait + 999_999_999L)));
        }
    }

    /** A wrong password or an unknown email: one token from each bucket. */
    void failed(String email, String address) {
        if (shared != null) {
            try {
                sharedAccount(email).tryConsume(1);
                sharedAddress(address).tryConsume(1);
                return;
            }
            catch (RuntimeException e) {
                log.warn("The shared sign-in throttle could not count a failure (the broker does not answer); "
                        + "counted on this instance: {}", e.toString());
            }
        }
        accounts.computeIfAbsent(accountKey(email), key -> bucket(perAccount)).tryConsume(1);
        addresses.computeIfAbsent(addressKey(address), key -> bucket(perAddress)).tryConsume(1);
    }

    private long localWaitNanos(String email, String address) {
        return Math.max(waitNanos(accounts.get(accountKey(email))), waitNanos(addresses.get(addressKey(address))));
    }

    /**
     * A broker that does not answer must neither lock every person out of every instance
     * nor lift the limit: the instance counts for itself meanwhile, as a single instance
     * does.
     */
    private long sharedWaitNanos(String email, String address) {
        try {
            return Math.max(sharedWait(sharedAccount(email)), sharedWait(sharedAddress(address)));
        }
        catch (RuntimeException e) {
            log.warn("The shared sign-in throttle could not be read (the broker does not answer); "
                    + "this instance's own counts apply: {}", e.toString());
            return localWaitNanos(email, address);
        }
    }

    private static long sharedWait(Bucket bucket) {
        EstimationProbe probe = bucket.estimateAbilityToConsume(1);
        return probe.canBeConsumed() ? 0 : probe.getNanosToWaitForRefill();
    }

    private Bucket sharedAccount(String email) {
        return shared.bucket("sign-in:account:" + sha256(accountKey(email)), () -> configuration(perAccount));
    }

    private Bucket sharedAddress(String address) {
        return shared.bucket("sign-in:address:" + addressKey(address), () -> configuration(perAddress));
    }

    private static long waitNanos(Bucket bucket) {
        if (bucket == null || bucket.getAvailableTokens() > 0) {
            return 0;
        }
        return bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
    }

    private Bucket bucket(int capacity) {
        return Bucket.builder().addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, window)).build();
    }

    private BucketConfiguration configuration(int capacity) {
        return BucketConfiguration.builder()
            .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, window))
            .build();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    }

    private static String accountKey(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    private static String addressKey(String address) {
        return address == null ? "unknown" : address;
    }

    private static Map<String, Bucket> lru() {
        return Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > MAX_BUCKETS;
            }
        });
    }

    /**
     * Too many wrong passwords for this account or from this address: 429, with the
     * seconds until the next attempt is allowed.
     */
    static final class Throttled extends AuthenticationException {

        private final long retryAfterSeconds;

        Throttled(long retryAfterSeconds) {
            super("Too many failed sign-in attempts; try again in " + retryAfterSeconds + " s.");
            this.retryAfterSeconds = retryAfterSeconds;
        }

        long retryAfterSeconds() {
            return retryAfterSeconds;
        }

    }

}
