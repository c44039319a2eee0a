package org.corridor.security;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

import org.corridor.problem.ApiProblem;

/**
 * Authenticates a request that carries {@code X-Kiosk-Token} as that kiosk, for this
 * request only: the context is never saved, so no session is created. A token that is
 * unknown or revoked gets a 401 at once and never falls back to another sign-in scheme; a
 * request may not carry a kiosk token and an Authorization header together. Not a bean: a
 * servlet filter bean would also run outside the security chain.
 */
final class KioskTokenFilter extends OncePerRequestFilter {

    private static final int MAX_TOKEN_LENGTH = 200;

    private final KioskCredentials kiosks;

    private final ProblemResponses problems;

    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    KioskTokenFilter(KioskCredentials kiosks, ProblemResponses problems) {
        this.kiosks = kiosks;
        this.problems = problems;
    }

    static boolean carriesToken(HttpServletRequest request) {
        return request.getHeader(KioskSignedIn.HEADER) != null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String token = request.getHeader(KioskSignedIn.HEADER);
        if (token == null) {
            chain.doFilter(request, response);
            return;
        }
        if (request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
            problems.write(response, new ApiProblem(HttpStatus.BAD_REQUEST, "ambiguous-credentials", "Two credentials",
                    "Send either " + KioskSignedIn.HEADER + " or an Authorization header, not both."));
            return;
        }
        token = token.strip();
        Optional<Caller.Kiosk> kiosk = token.isEmpty() || token.length() > MAX_TOKEN_LENGTH ? Optional.empty()
                : kiosks.authenticate(token);
        if (kiosk.isEmpty()) {
            problems.write(response, KioskSignedIn.notRecognised());
            return;
        }
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(new KioskSignedIn(kiosk.get().id()).authentication());
        contexts.setContext(context);
        try {
            chain.doFilter(request, response);
        }
        finally {
            contexts.clearContext();
        }
    }

}
