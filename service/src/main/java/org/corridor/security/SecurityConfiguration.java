package org.corridor.security;

import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.logout.LogoutFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.util.StringUtils;

@Configuration
class SecurityConfiguration {

    static final String LOGIN = "/login";

    static final String KIOSK_PAGE = "/kiosk";

    static final String KIOSK_PAIRING = "/api/kiosk/pair";
    static final String NO_SIGN_IN = "No sign-in is configured: outside the demo profile Corridor signs people in "
            + "only with an identity provider. Set CORRIDOR_OIDC_GOOGLE_CLIENT_ID and CORRIDOR_OIDC_GOOGLE_CLIENT_SECRET, "
            + "or CORRIDOR_OIDC_MICROSOFT_CLIENT_ID and CORRIDOR_OIDC_MICROSOFT_CLIENT_SECRET, or a registration under "
            + "spring.security.oauth2.client.registration (docs/operators.md, \"Sign-in with Google or Microsoft\"). To try "
            + "Corridor with its demo school and password sign-in instead: java -jar service/target/corridor.jar "
            + "--spring.profiles.active=demo";

    /**
     * Password sign-in (form and HTTP Basic) exists only with {@link DemoSignIn}, in the
     * demo profile; sign-in with identity providers only when one is configured
     * ({@link ProviderRegistrations}). With neither, nobody could sign in, so Corridor
     * refuses to start and says why.
     */
    @Bean
    SecurityFilterChain corridor(HttpSecurity http, ProblemResponses problems, KioskCredentials kiosks,
            ObjectProvider<DemoSignIn> demo, ObjectProvider<ProviderSignIn> providers) throws Exception {
        boolean passwords = demo.getIfAvailable() != null;
        ProviderSignIn providerSignIn = providers.getIfAvailable();
        if (!passwords && providerSignIn == null) {
            throw new IllegalStateException(NO_SIGN_IN);
        }
        LandingPages landing = new LandingPages();
        if (passwords) {
            // Corridor's own sign-in page (login.html, behind GET /login:
            // WebConfiguration) replaces the one
            // Spring Security would generate; it posts to /login as that one did.
            http.formLogin(
                    form -> form.loginPage(LOGIN).successHandler(landing).failureHandler(problems.formLoginFailed()))
                // HTTP Basic proves who calls on every call: nothing is kept, no session
                .httpBasic(basic -> basic.authenticationEntryPoint(problems.unauthenticated(true))
                    .securityContextRepository(new RequestAttributeSecurityContextRepository()));
        }
        if (providerSignIn != null) {
            http.oauth2Login(login -> login.userInfoEndpoint(userInfo -> userInfo.oidcUserService(providerSignIn))
                // The provider's tokens are not used after sign-in: kept in the session,
                // they end with it
                // (Spring's default keeps them in memory for good).
                .authorizedClientRepository(new HttpSessionOAuth2AuthorizedClientRepository())
                .loginPage(LOGIN)
                .successHandler(landing)
                .failureHandler(problems.providerSignInFailed()));
        }
        http.authorizeHttpRequests(requests -> requests
            .requestMatchers("/", "/index.html", "/*.css", "/*.js", "/favicon.ico", "/favicon.svg", "/error",
                    "/actuator/health", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", LOGIN, "/login.html",
                    SignInOptionsController.PATH)
            .permitAll()
            // The kiosk page and its pairing: a device that has no credential yet.
            .requestMatchers(KIOSK_PAGE, KIOSK_PAGE + ".html", KIOSK_PAIRING)
            .permitAll()
            .anyRequest()
            .authenticated())
            // Before logout and every sign-in: a kiosk request is decided by its token
            // alone.
            .addFilterBefore(new KioskTokenFilter(kiosks, problems), LogoutFilter.class)
            .logout(logout -> logout.logoutSuccessUrl(LOGIN + "?signed-out"))
            // A session only for a browser that signs in: the address a browser was going
            // to
            // is kept for after sign-in only for a page it navigated to, never for a call
            // to
            // the API (an anonymous call would otherwise leave a session behind).
            .requestCache(cache -> cache.requestCache(pagesOnly()))
            .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", PERMISSIONS_POLICY))
                // sent only over TLS (as the request arrived, or as a trusted proxy says)
                .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000)))
            .exceptionHandling(errors -> errors
                .defaultAuthenticationEntryPointFor(problems.unauthenticated(passwords),
                        new AntPathRequestMatcher("/api/**"))
                .accessDeniedHandler(problems.denied()))
            // Browser sessions need the CSRF token. A call without a session cookie
            // carries no ambient
            // authority to forge: either it sends its own credentials (HTTP Basic, a
            // kiosk token, later a
            // bearer token) or it is unauthenticated and gets a 401. A browser cannot be
            // made to send
            // X-Kiosk-Token cross-site (a custom header needs a CORS preflight, which
            // Corridor does not grant).
            //
            // The web front end (admin-ui) is a single-page application: its scripts read
            // the XSRF-TOKEN
            // cookie and send it back raw as X-XSRF-TOKEN, while server-rendered forms
            // (/login, /logout)
            // carry the masked token of the _csrf attribute. Spring Security reference,
            // "Single-Page
            // Applications": SpaCsrfTokenRequestHandler accepts both, and loads the
            // deferred token on
            // every request so that the cookie is written before a script needs it.
            //
            // The sign-in form itself needs the token too (login CSRF: another site must
            // not
            // sign a browser in as someone else); the page gets it from
            // /api/sign-in-options.
            .csrf(csrf -> csrf.csrfTokenRepository(csrfCookie())
                .csrfTokenRequestHandler(new SpaCsrfTokenRequestHandler())
                .ignoringRequestMatchers(request -> carriesCredentials(request)
                        || request.getRequestedSessionId() == null && !signInForm(request)));
        return http.build();
    }

    /**
     * Scripts, styles, images and connections from Corridor itself only; no inline script
     * (the pages have none, PagesTest). Style attributes stay allowed: the charting and
     * diagram libraries set them.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /** Nothing of Corridor needs these. */
    static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
            + "interest-cohort=()";

    /**
     * HTTP Basic (later a bearer token) or a kiosk token: proof sent with the call
     * itself.
     */
    static boolean carriesCredentials(HttpServletRequest request) {
        return request.getHeader(HttpHeaders.AUTHORIZATION) != null || KioskTokenFilter.carriesToken(request);
    }

    private static boolean signInForm(HttpServletRequest request) {
        return "POST".equals(request.getMethod()) && (request.getContextPath() + LOGIN).equals(request.getRequestURI());
    }

    private static RequestCache pagesOnly() {
        HttpSessionRequestCache cache = new HttpSessionRequestCache();
        cache.setRequestMatcher(request -> "GET".equals(request.getMethod())
                && !request.getRequestURI().startsWith(request.getContextPath() + "/api/")
                && String.valueOf(request.getHeader(HttpHeaders.ACCEPT)).contains(MediaType.TEXT_HTML_VALUE));
        return cache;
    }

    /**
     * The token's cookie, readable by the pages' scripts; {@code SameSite=Lax}, and
     * {@code Secure} when the request came over TLS.
     */
    private static CookieCsrfTokenRepository csrfCookie() {
        CookieCsrfTokenRepository cookie = CookieCsrfTokenRepository.withHttpOnlyFalse();
        cookie.setCookieCustomizer(c -> c.sameSite("Lax"));
        return cookie;
    }

    /**
     * No observation of Spring Security's filters, sign-ins or authorization decisions.
     * {@code management.observations.enable.spring.security=false} only makes each
     * observation a no-op: the decorator still wrapped every filter of every call in one
     * (about 4% of a call's CPU in the bell rush). Nothing reads them: only health is
     * exposed.
     */
    @Bean
    static SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** Picked up by Spring Security's filter chain proxy, which consults the firewall. */
    @Bean
    RequestRejectedHandler rejectedRequests(ProblemResponses problems) {
        return problems.rejected();
    }

    /**
     * BREACH protection (a masked token) for the token rendered into pages, and the raw
     * cookie value accepted from a header, as the Spring Security reference configures a
     * single-page application.
     */
    static final class SpaCsrfTokenRequestHandler implements CsrfTokenRequestHandler {

        private final CsrfTokenRequestHandler plain = new CsrfTokenRequestAttributeHandler();

        private final CsrfTokenRequestHandler xor = new XorCsrfTokenRequestAttributeHandler();

        @Override
        public void handle(HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> csrfToken) {
            // masked token in the _csrf attribute, for the forms Spring Security renders
            xor.handle(request, response, csrfToken);
            // render the token value to a cookie by causing the deferred token to be
            // loaded; not for a call with its own credentials, which CSRF does not
            // concern and which has no page script to read the cookie: each of them
            // would otherwise make a token and send a cookie nobody uses
            if (!carriesCredentials(request)) {
                csrfToken.get();
            }
        }

        @Override
        public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken csrfToken) {
            String headerValue = request.getHeader(csrfToken.getHeaderName());
            // a header (X-XSRF-TOKEN) carries the raw cookie value; a form parameter
            // (_csrf) the masked one
            return (StringUtils.hasText(headerValue) ? plain : xor).resolveCsrfTokenValue(request, csrfToken);
        }

    }

}
