package org.corridor.security;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

import org.corridor.person.Role;

/**
 * Where a person goes after signing in: back to the screen they asked for before signing
 * in, if any; otherwise the screen of their role. Someone with several roles lands on the
 * first in this order (an administrator who also teaches starts at the console and has
 * the teacher screen in its navigation).
 */
final class LandingPages extends SavedRequestAwareAuthenticationSuccessHandler {

    record Landing(Role role, String page) {
    }

    static final List<Landing> LANDINGS = List.of(new Landing(Role.ADMIN, "/admin.html"),
            new Landing(Role.TEACHER, "/teacher.html"), new Landing(Role.AUDITOR, "/auditor.html"),
            new Landing(Role.STUDENT, "/student.html"));

    LandingPages() {
        setDefaultTargetUrl("/");
    }

    @Override
    protected String determineTargetUrl(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) {
        return landingOf(authentication);
    }

    static String landingOf(Authentication authentication) {
        List<String> authorities = authentication.getAuthorities()
            .stream()
            .map(GrantedAuthority::getAuthority)
            .toList();
        return LANDINGS.stream()
            .filter(l -> authorities.contains("ROLE_" + l.role().name()))
            .map(Landing::page)
            .findFirst()
            .orElse("/");
    }

}
