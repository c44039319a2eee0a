package org.corridor.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.HttpCookie;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.apache.catalina.Context;
import org.apache.catalina.Manager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import org.corridor.testing.ApiTest;
import org.corridor.testing.OnMariaDb;

/**
 * A server session (a row of Spring Session's table, shared by every instance) exists
 * only for a browser that signed in: anonymous calls, HTTP Basic and kiosks leave none.
 * The sign-in form needs its CSRF token (login CSRF). Every answer carries a content
 * security policy without inline script, a referrer policy and a permissions policy.
 */
@OnMariaDb
class SessionsAndHeadersTest extends ApiTest {

    @Autowired
    ServletWebServerApplicationContext context;

    @LocalServerPort
    int port;

    @Test
    void threeHundredAnonymousCallsCreateNoSession() {
        List<String> paths = List.of("/api/me", "/api/passes", "/api/admin/locations", "/api/notifications",
                "/api/sign-in-options", "/", "/corridor.css", "/api/does-not-exist");
        Sessions before = sessions();
        SignInBrowser browser = new SignInBrowser(port);

        for (int i = 0; i < 300; i++) {
            HttpResponse<String> answer = browser.get(paths.get(i % paths.size()),
                    i % 2 == 0 ? "*/*" : "application/json");
            assertThat(cookieNames(answer)).doesNotContain("JSESSIONID");
        }

        assertThat(before.madeSince()).isZero();
        assertThat(before.containerSessionsMadeSince()).isZero();
    }

    @Test
    void basicAndKioskCallsCreateNoSession() {
        String kiosk = kioskToken("Room 204");
        Sessions before = sessions();

        for (int i = 0; i < 30; i++) {
            ResponseEntity<JsonNode> basic = get(List.of("ava", "rivera", "admin").get(i % 3), "/api/me");
            assertThat(basic.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(basic.getHeaders().getOrDefault("Set-Cookie", List.of()))
                .noneMatch(c -> c.startsWith("JSESSIONID"));
            assertThat(asKiosk(kiosk, HttpMethod.GET, "/api/me", null).getStatusCode()).isEqualTo(HttpStatus.OK);
        }

        assertThat(before.madeSince()).isZero();
        assertThat(before.containerSessionsMadeSince()).isZero();
    }

    @Test
    void basicAndKioskCallsAreGivenNoCsrfTokenCookie() {
        String kiosk = kioskToken("Room 204");

        ResponseEntity<JsonNode> basic = get("rivera", "/api/me");
        ResponseEntity<JsonNode> atKiosk = asKiosk(kiosk, HttpMethod.GET, "/api/me", null);

        assertThat(List.of(basic, atKiosk)).allSatisfy(
                answer -> assertThat(answer.getHeaders().getOrDefault("Set-Cookie", List.of())).as("cookies set")
                    .noneMatch(c -> c.startsWith("XSRF-TOKEN")));
    }

    @Test
    void signingInByTheFormCreatesOneSession() {
        Sessions before = sessions();

        HttpResponse<String> answer = new SignInBrowser(port).signInWithPassword("okafor@corridor.test", "demo");

        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(SignInBrowser.location(answer)).endsWith("/teacher.html");
        assertThat(cookieNames(answer)).contains("JSESSIONID");
        assertThat(before.madeSince()).isEqualTo(1);
        assertThat(before.containerSessionsMadeSince()).as("Tomcat's own, beside the shared one").isZero();
    }

    @Test
    void anotherSiteCannotPostTheSignInForm() {
        SignInBrowser browser = new SignInBrowser(port);

        HttpResponse<String> forged = browser.postForm(Map.of("username", "rivera@corridor.test", "password", "demo"),
                Map.of("Accept", "application/json"));

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(cookieNames(forged)).doesNotContain("JSESSIONID");
        assertThat(browser.get("/api/me", "application/json").statusCode()).isEqualTo(401);
    }

    @Test
    void pagesAndAnswersCarryTheSecurityHeaders() {
        SignInBrowser browser = new SignInBrowser(port);
        for (String path : List.of("/", "/login", "/teacher.html", "/api/me", "/swagger-ui/index.html")) {
            HttpResponse<String> answer = browser.get(path, "text/html");

            String csp = answer.headers().firstValue("Content-Security-Policy").orElseThrow();
            String scripts = csp.replaceFirst(".*script-src ([^;]*).*", "$1");
            assertThat(scripts).as(path).isEqualTo("'self'");
            assertThat(csp).as(path).contains("frame-ancestors 'none'", "object-src 'none'");
            assertThat(answer.headers().firstValue("Referrer-Policy")).as(path).hasValue("same-origin");
            assertThat(answer.headers().firstValue("Permissions-Policy").orElseThrow()).as(path).contains("camera=()");
            assertThat(answer.headers().firstValue("Strict-Transport-Security")).as("%s over plain http", path)
                .isEmpty();
        }
    }

    @Test
    void theApiExplorerRunsNoInlineScriptAndTheDocumentIsOnInTheDemo() {
        SignInBrowser browser = new SignInBrowser(port);

        HttpResponse<String> explorer = browser.get("/swagger-ui/index.html", "text/html");

        assertThat(explorer.statusCode()).isEqualTo(200);
        assertThat(explorer.body()).containsPattern("<script[^>]+src=");
        assertThat(explorer.body()).doesNotContainPattern("<script(?![^>]*\\ssrc=)[^>]*>");
        assertThat(browser.get("/v3/api-docs", "application/json").statusCode()).isEqualTo(200);
    }

    /**
     * Sessions are kept in the database (Spring Session JDBC): one made is a row with its
     * creation time. The servlet container must make none of its own beside them.
     */
    private Sessions sessions() {
        return new Sessions(System.currentTimeMillis(), containerSessionsMade());
    }

    private final class Sessions {

        private final long since;

        private final long containerSessions;

        Sessions(long since, long containerSessions) {
            this.since = since;
            this.containerSessions = containerSessions;
        }

        long madeSince() {
            return jdbc.queryForObject("select count(*) from SPRING_SESSION where CREATION_TIME >= ?", Long.class,
                    since);
        }

        long containerSessionsMadeSince() {
            return containerSessionsMade() - containerSessions;
        }

    }

    private long containerSessionsMade() {
        TomcatWebServer server = (TomcatWebServer) context.getWebServer();
        Context webapp = (Context) server.getTomcat().getHost().findChildren()[0];
        Manager manager = webapp.getManager();
        return manager.getSessionCounter();
    }

    private static List<String> cookieNames(HttpResponse<?> answer) {
        return answer.headers()
            .allValues("Set-Cookie")
            .stream()
            .flatMap(header -> HttpCookie.parse(header).stream())
            .map(HttpCookie::getName)
            .toList();
    }

}
