package org.corridor.kiosk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import org.corridor.problem.ApiProblem;

/**
 * The buckets behind the slow-down, without a server: the API tests cover a kiosk's wrong
 * numbers end to end; wrong pairing codes are counted per address, which every test of
 * one server shares, so they are checked here.
 */
class KioskSlowDownTest {

    private final KioskSlowDown slowDown = new KioskSlowDown();

    @Test
    void aKioskWaitsAfterItsWrongTriesAndAnotherDoesNot() {
        for (int i = 0; i < KioskSlowDown.WRONG_TRIES; i++) {
            slowDown.check("kiosk-1");
            slowDown.wrong("kiosk-1");
        }

        ApiProblem refused = catchThrowableOfType(ApiProblem.class, () -> slowDown.check("kiosk-1"));

        assertThat(refused.status()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(Integer.parseInt(refused.headers().get(HttpHeaders.RETRY_AFTER))).isBetween(1, 60);
        assertThatNoException().isThrownBy(() -> slowDown.check("kiosk-2"));
    }

    @Test
    void wrongPairingCodesFromOneAddressSlowPairingDownThere() {
        for (int i = 0; i < KioskSlowDown.WRONG_CODES; i++) {
            slowDown.checkPairing("203.0.113.9");
            slowDown.wrongPairing("203.0.113.9");
        }

        ApiProblem refused = catchThrowableOfType(ApiProblem.class, () -> slowDown.checkPairing("203.0.113.9"));

        assertThat(refused.status()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(refused.toProblemDetail().getType().toString()).endsWith("/pairing-slowed-down");
        assertThatNoException().isThrownBy(() -> slowDown.checkPairing("198.51.100.7"));
    }

}
