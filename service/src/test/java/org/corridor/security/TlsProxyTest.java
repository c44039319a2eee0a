package org.corridor.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.HttpCookie;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Behind a proxy that ends TLS and says so ({@code X-Forwarded-Proto: https}), cookies
 * are Secure, HSTS is sent and the address the identity provider sends the browser back
 * to is https; the same request over plain http gets none of these.
 */
class TlsProxyTest extends BehindATlsProxy {

    private static final Map<String, String> OVER_TLS = Map.of("X-Forwarded-Proto", "https", "X-Forwarded-For",
            "192.0.2.50");

    private static final Map<String, String> PLAIN = Map.of("X-Forwarded-For", "192.0.2.51");

    /**
     * The test's client speaks plain http to Corridor, so it would not send back a Secure
     * cookie by itself (a browser talking https to the proxy would): the XSRF-TOKEN
     * cookie is sent back by hand.
     */
    @Test
    void signedInOverTlsTheCookiesAreSecureHttpOnlyAndSameSiteLax() throws Exception {
        SignInBrowser browser = new SignInBrowser(port);
        HttpResponse<String> options = browser.get("/api/sign-in-options", "application/json", OVER_TLS);
        String tokenCookie = setCookie(options, "XSRF-TOKEN");
        assertThat(tokenCookie).containsIgnoringCase("; Secure").containsIgnoringCase("SameSite=Lax");
        JsonNode csrf = new ObjectMapper().readTree(options.body()).get("csrf");
        Map<String, String> headers = new HashMap<>(OVER_TLS);
        headers.put("Cookie", tokenCookie.split(";", 2)[0]);

        HttpResponse<String> answer = browser.postForm(Map.of("username", "rivera@corridor.test", "password", "demo",
                csrf.get("parameterName").asText(), csrf.get("token").asText()), headers);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(302);
        String session = setCookie(answer, "JSESSIONID");
        assertThat(session).containsIgnoringCase("; Secure")
            .containsIgnoringCase("; HttpOnly")
            .containsIgnoringCase("SameSite=Lax");
        assertThat(answer.headers().firstValue("Strict-Transport-Security"))
            .hasValue("max-age=31536000 ; includeSubDomains");
    }

    @Test
    void overPlainHttpTheSessionCookieIsNotSecureAndNoHsts() {
        HttpResponse<String> answer = new SignInBrowser(port).signInWithPassword("auditor@corridor.test", "demo",
                PLAIN);

        assertThat(answer.statusCode()).isEqualTo(302);
        String session = setCookie(answer, "JSESSIONID");
        assertThat(session).doesNotContainIgnoringCase("Secure")
            .containsIgnoringCase("; HttpOnly")
            .containsIgnoringCase("SameSite=Lax");
        assertThat(answer.headers().firstValue("Strict-Transport-Security")).isEmpty();
    }

    @Test
    void theProviderSendsTheBrowserBackToAnHttpsAddress() {
        SignInBrowser browser = new SignInBrowser(port);

        HttpResponse<String> toProvider = browser.get("/oauth2/authorization/school", "text/html", OVER_TLS);

        String location = SignInBrowser.location(toProvider);
        assertThat(location).startsWith("https://id.school.test/authorize?");
        String redirectUri = URLDecoder.decode(location.replaceFirst(".*[?&]redirect_uri=([^&]+).*", "$1"),
                StandardCharsets.UTF_8);
        assertThat(redirectUri).startsWith("https://").endsWith("/login/oauth2/code/school");
        assertThat(setCookie(toProvider, "JSESSIONID")).containsIgnoringCase("; Secure");
    }

    @Test
    void overPlainHttpTheProviderSendsTheBrowserBackOverHttp() {
        HttpResponse<String> toProvider = new SignInBrowser(port).get("/oauth2/authorization/school", "text/html",
                PLAIN);

        String redirectUri = URLDecoder.decode(
                SignInBrowser.location(toProvider).replaceFirst(".*[?&]redirect_uri=([^&]+).*", "$1"),
                StandardCharsets.UTF_8);
        assertThat(redirectUri).startsWith("http://localhost:" + port + "/");
    }

    private static String setCookie(HttpResponse<?> answer, String name) {
        List<String> headers = answer.headers()
            .allValues("Set-Cookie")
            .stream()
            .filter(header -> HttpCookie.parse(header)
                .stream()
                .anyMatch(c -> c.getName().equals(name) && !c.getValue().isEmpty()))
            .toList();
        assertThat(headers).as("Set-Cookie %s in %s", name, answer.headers().map()).isNotEmpty();
        return headers.get(headers.size() - 1);
    }

}
