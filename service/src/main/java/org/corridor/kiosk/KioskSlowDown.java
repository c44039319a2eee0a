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
 * until a try has come back. Kept in memory: a restart forgives, which costs an attacker
 * far more time than it gains.
 */
@Component
class KioskSlowDown {

    static final int WRONG_TRIES = 5;

    static final Duration PER = Duration.ofMinutes(1);

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /**
     * @throws ApiProblem 429 while the kiosk has used up its wrong tries
     */
    void check(String kioskId) {
        EstimationProbe probe = bucket(kioskId).estimateAbilityToConsume(1);
        if (!probe.canBeConsumed()) {
            long seconds = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1);
            throw new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, "kiosk-slowed-down", "Too many tries",
                    "Too many unknown numbers or wrong PINs at this kiosk. Try again in " + seconds + " seconds.")
                .with("retryAfterSeconds", seconds)
                .withHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
        }
    }

    /** A wrong number or PIN at this kiosk. */
    void wrong(String kioskId) {
        bucket(kioskId).tryConsume(1);
    }

    private Bucket bucket(String kioskId) {
        return buckets.computeIfAbsent(kioskId,
                id -> Bucket.builder()
                    .addLimit(limit -> limit.capacity(WRONG_TRIES).refillGreedy(WRONG_TRIES, PER))
                    .build());
    }

}
