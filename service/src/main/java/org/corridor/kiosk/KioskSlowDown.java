package org.corridor.kiosk;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.EstimationProbe;

import org.corridor.problem.ApiProblem;

/**
 * Slows a kiosk down after repeated wrong student numbers or PINs, so that a kiosk is no
 * tool to list students or guess a PIN. Each kiosk has a bucket of {@link #WRONG_TRIES}
 * wrong tries, given back one by one over {@link #PER}; a right number costs nothing.
 * Once the bucket is empty every try at that kiosk is refused (429, {@code Retry-After})
 * until a try has come back. Pairing codes are guessed from no kiosk at all, so wrong
 * codes are counted per network address ({@link #WRONG_CODES} per {@link #CODES_PER}).
 * Kept in memory: a restart forgives, which costs an attacker far more time than it
 * gains.
 */
@Component
class KioskSlowDown {

    static final int WRONG_TRIES = 5;

    static final Duration PER = Duration.ofMinutes(1);

    static final int WRONG_CODES = 20;

    static final Duration CODES_PER = Duration.ofMinutes(10);

    /** More addresses than this and the map starts again: memory stays bounded. */
    private static final int MAX_ADDRESSES = 10_000;

    private final Map<String, Bucket> kiosks = new ConcurrentHashMap<>();

    private final Map<String, Bucket> addresses = new ConcurrentHashMap<>();

    /**
     * @throws ApiProblem 429 while the kiosk has used up its wrong tries
     */
    void check(String kioskId) {
        refuseWhileEmpty(bucket(kiosks, kioskId, WRONG_TRIES, PER), "kiosk-slowed-down",
                "Too many unknown numbers or wrong PINs at this kiosk.");
    }

    /** A wrong number or PIN at this kiosk. */
    void wrong(String kioskId) {
        bucket(kiosks, kioskId, WRONG_TRIES, PER).tryConsume(1);
    }

    /**
     * @throws ApiProblem 429 while this address has used up its wrong pairing codes
     */
    void checkPairing(String address) {
        refuseWhileEmpty(bucket(addresses, address, WRONG_CODES, CODES_PER), "pairing-slowed-down",
                "Too many wrong pairing codes from this network.");
    }

    /** A wrong pairing code from this address. */
    void wrongPairing(String address) {
        if (addresses.size() > MAX_ADDRESSES) {
            addresses.clear();
        }
        bucket(addresses, address, WRONG_CODES, CODES_PER).tryConsume(1);
    }

    private static void refuseWhileEmpty(Bucket bucket, String type, String why) {
        EstimationProbe probe = bucket.estimateAbilityToConsume(1);
        if (!probe.canBeConsumed()) {
            long seconds = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1);
            throw new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, type, "Too many tries",
                    why + " Try again in " + seconds + " seconds.")
                .with("retryAfterSeconds", seconds)
                .withHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
        }
    }

    private static Bucket bucket(Map<String, Bucket> buckets, String key, int tries, Duration per) {
        return buckets.computeIfAbsent(key,
                k -> Bucket.builder().addLimit(limit -> limit.capacity(tries).refillGreedy(tries, per)).build());
    }

}
