package org.corridor.security;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import org.corridor.problem.ApiProblem;

/**
 * A request's principal when it came from a kiosk: just the kiosk's id, so its room and
 * revocation are read fresh. Lives only for the request; a kiosk never has a session.
 */
public record KioskSignedIn(String kioskId) {
    static final String HEADER = "X-Kiosk-Token";

    Authentication authentication() {
        return UsernamePasswordAuthenticationToken.authenticated(this, null,
                List.of(new SimpleGrantedAuthority("ROLE_KIOSK")));
    }

    /** An unknown or revoked token: the device must be given a new one. */
    static ApiProblem notRecognised() {
        return new ApiProblem(HttpStatus.UNAUTHORIZED, "kiosk-token", "Kiosk not recognised",
                "This kiosk's token is unknown or has been revoked. Ask your school's Corridor administrator "
                        + "for a new kiosk token.");
    }

    @Override
    public String toString() {
        return "KioskSignedIn[" + kioskId + "]";
    }
}
