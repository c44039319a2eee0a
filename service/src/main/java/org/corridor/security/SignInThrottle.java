package org.corridor.security;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.bucket4j.Bucket;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;

/**
 * Limits wrong passwords, per account (the email as typed, in lower case) and per client
 * address, with one Bucket4j token bucket each: a wrong password or an unknown email
 * takes a token, the bucket fills again over the window, and while either bucket is empty
 * every attempt with that email or from that address is refused with 429, the right
 * password too. A sign-in that succeeds takes nothing, so HTTP Basic (which signs in on
 * every call) costs one look-up of each bucket.
 * <p>
 * The client address is the one Tomcat saw, or the one a trusted proxy forwarded when
 * {@code server.forward-headers-strategy=native} (docs/operators.md). Buckets live in
 * this instance's memory, at most {@link #MAX_BUCKETS} of each kind (the least recently
 * used go first); an instance behind a load balancer counts its own attempts.
 */
@Component
class SignInThrottle {

    static final int MAX_BUCKETS = 100_000;

    private final int perAccount;

    private final int perAddress;

    private final Duration window;

    private final Map<String, Bucket> accounts = lru();

    private final Map<String, Bucket> addresses = lru();

    SignInThrottle(@Value("${corridor.sign-in.failures-per-account:10}") int perAccount,
            @Value("${corridor.sign-in.failures-per-address:50}") int perAddress,
            @Value("${corridor.sign-in.window:15m}") Duration window) {
        if (perAccount < 1 || perAddress < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalStateException(
                    "corridor.sign-in.failures-per-account, failures-per-address and window " + "must be positive");
        }
        this.perAccount = perAccount;
        this.perAddress = perAddress;
        this.window = window;
    }

    /** Refuses the attempt while the account's or the address's failures are used up. */
    void check(String email, String address) {
        long wait = Math.max(waitNanos(accounts.get(accountKey(email))), waitNanos(addresses.get(addressKey(address))));
        if (wait > 0) {
            throw new Throttled(Math.max(1, TimeUnit.NANOSECONDS.toSeconds(wait + 999_999_999L)));
        }
    }

    /** A wrong password or an unknown email: one token from each bucket. */
    void failed(String email, String address) {
        accounts.computeIfAbsent(accountKey(email), key -> bucket(perAccount)).tryConsume(1);
        addresses.computeIfAbsent(addressKey(address), key -> bucket(perAddress)).tryConsume(1);
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
