package org.corridor.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Wrong passwords are limited per account and per client address (here 3 and 5 an hour,
 * {@link BehindATlsProxy}); past the limit every attempt is 429 with Retry-After and a
 * problem, the right password too, by HTTP Basic and by the form alike.
 */
class SignInThrottleTest extends BehindATlsProxy {

    @Test
    void afterTooManyWrongPasswordsForAnAccountEvenTheRightOneIsRefused() {
        for (int i = 0; i < PER_ACCOUNT; i++) {
            assertThat(basicFrom("198.51.100." + i, "chen@corridor.test", "guess" + i).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        }

        ResponseEntity<JsonNode> right = basicFrom("198.51.100.99", "Chen@Corridor.test", "demo");

        assertThat(right.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(right.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(right.getBody().get("type").asText()).isEqualTo("https://corridor.org/problems/sign-in-throttled");
        long retryAfter = Long.parseLong(right.getHeaders().getFirst("Retry-After"));
        assertThat(retryAfter).isBetween(1L, Duration.ofHours(1).toSeconds());
        assertThat(right.getBody().get("retryAfter").asLong()).isEqualTo(retryAfter);
        assertThat(basicFrom("198.51.100.98", "okafor@corridor.test", "demo").getStatusCode()).as("another account")
            .isEqualTo(HttpStatus.OK);
    }

    @Test
    void afterTooManyFailuresFromAnAddressEveryAccountIsRefusedThere() {
        String address = "203.0.113.7";
        for (int i = 0; i < PER_ADDRESS; i++) {
            assertThat(basicFrom(address, "stranger" + i + "@corridor.test", "demo").getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        }

        assertThat(basicFrom(address, "admin@corridor.test", "demo").getStatusCode())
            .isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(basicFrom("203.0.113.8", "admin@corridor.test", "demo").getStatusCode())
            .as("the same account from elsewhere")
            .isEqualTo(HttpStatus.OK);
    }

    @Test
    void theSignInFormIsThrottledToo() {
        SignInBrowser browser = new SignInBrowser(port);
        Map<String, String> address = from("203.0.113.20");
        for (int i = 0; i < PER_ADDRESS; i++) {
            assertThat(
                    SignInBrowser.location(browser.signInWithPassword("nobody" + i + "@corridor.test", "x", address)))
                .endsWith("/login?error");
        }

        HttpResponse<String> page = browser.signInWithPassword("rivera@corridor.test", "demo", address);

        assertThat(page.statusCode()).isEqualTo(429);
        assertThat(page.headers().firstValue("Retry-After")).isPresent();
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(page.body()).contains("Too many sign-in attempts", "Try again in");
    }

    @Test
    void signingInRightTakesNothingFromTheLimits() {
        for (int i = 0; i < 4 * PER_ADDRESS; i++) {
            assertThat(basicFrom("203.0.113.30", "rivera@corridor.test", "demo").getStatusCode())
                .isEqualTo(HttpStatus.OK);
        }
    }

    /**
     * An unknown email and a wrong password: interleaved, after a warm-up, each from its
     * own address and account so the throttle stays out of it; medians, so one pause of
     * the collector does not decide. Spring's default would check an unknown email
     * against a BCrypt hash: tens of milliseconds more than a wrong password.
     */
    @Test
    void anUnknownEmailTakesAboutAsLongAsAWrongPassword() {
        List<String> students = jdbc.queryForList("select p.email from person p join person_role r "
                + "on p.id = r.person_id where r.role = 'STUDENT' and p.email like '%@corridor.test' order by p.email",
                String.class)
            .stream()
            .limit(14)
            .toList();
        assertThat(students).hasSize(14);
        basicFrom("192.0.2.200", "warm-up@corridor.test", "x");
        basicFrom("192.0.2.201", students.get(13), "x");
        List<Long> unknown = new ArrayList<>();
        List<Long> wrong = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            unknown.add(timed("192.0.2." + i, "nobody" + i + "@corridor.test"));
            wrong.add(timed("192.0.2." + (100 + i), students.get(i)));
        }

        long difference = Math.abs(median(unknown) - median(wrong));

        assertThat(Duration.ofNanos(difference)).as("unknown %s, wrong %s (ns)", unknown, wrong)
            .isLessThan(Duration.ofMillis(15));
    }

    private long timed(String address, String email) {
        long start = System.nanoTime();
        HttpStatus status = HttpStatus.valueOf(basicFrom(address, email, "wrong").getStatusCode().value());
        long took = System.nanoTime() - start;
        assertThat(status).isEqualTo(HttpStatus.UNAUTHORIZED);
        return took;
    }

    private static long median(List<Long> times) {
        List<Long> sorted = new ArrayList<>(times);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

}
