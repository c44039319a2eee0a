package org.corridor.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.corridor.testing.ApiTest;
import org.corridor.testing.OnMariaDb;

/**
 * The web front end's scripts send the XSRF-TOKEN cookie back raw as X-XSRF-TOKEN (Spring
 * Security's single-page-application setup); a browser session without it cannot change
 * anything.
 */
@OnMariaDb
class SpaCsrfTest extends ApiTest {

    /**
     * Like a browser's fetch, but redirects are not followed: the sign-in's own cookies
     * are wanted.
     */
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @LocalServerPort
    int port;

    private HttpRequest.Builder to(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    }

    /**
     * Ms Rivera's browser session (JSESSIONID), signed in through the form as the sign-in
     * page does it: with the CSRF token /api/sign-in-options gives (and its cookie).
     */
    private String session() throws IOException, InterruptedException {
        HttpResponse<String> options = client.send(
                to("/api/sign-in-options").header("Accept", "application/json").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode csrf = new ObjectMapper().readTree(options.body()).get("csrf");
        String form = "username=" + URLEncoder.encode("rivera@corridor.test", StandardCharsets.UTF_8)
                + "&password=demo&" + csrf.get("parameterName").asText() + "="
                + URLEncoder.encode(csrf.get("token").asText(), StandardCharsets.UTF_8);
        HttpResponse<String> answer = client
            .send(to("/login").header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", "XSRF-TOKEN=" + cookie(options, "XSRF-TOKEN"))
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(302);
        return cookie(answer, "JSESSIONID");
    }

    /**
     * The page's first call after signing in: it is given the token cookie the scripts
     * read.
     */
    private String tokenCookie(String session) throws IOException, InterruptedException {
        return cookie(client.send(to("/api/me").header("Cookie", "JSESSIONID=" + session)
            .header("Accept", "application/json")
            .GET()
            .build(), HttpResponse.BodyHandlers.ofString()), "XSRF-TOKEN");
    }

    private int markAllSeen(String session, String token, boolean sendHeader) throws IOException, InterruptedException {
        HttpRequest.Builder request = to("/api/notifications/seen")
            .header("Cookie", "JSESSIONID=" + session + "; XSRF-TOKEN=" + token)
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.noBody());
        if (sendHeader) {
            request.header("X-XSRF-TOKEN", token);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String cookie(HttpResponse<?> answer, String name) {
        return answer.headers()
            .allValues("Set-Cookie")
            .stream()
            .flatMap(header -> HttpCookie.parse(header).stream())
            .filter(c -> c.getName().equals(name) && !c.getValue().isEmpty())
            .map(HttpCookie::getValue)
            .reduce((first, last) -> last)
            .orElse(null);
    }

    @Test
    void signedInPageIsGivenTheTokenCookie() throws Exception {
        assertThat(tokenCookie(session())).isNotBlank();
    }

    @Test
    void sessionCallWithTheRawCookieTokenInTheHeaderIsAccepted() throws Exception {
        String session = session();
        String token = tokenCookie(session);

        assertThat(markAllSeen(session, token, true)).isEqualTo(200);
    }

    @Test
    void sessionCallWithoutTheTokenHeaderIsRefused() throws Exception {
        String session = session();
        String token = tokenCookie(session);

        assertThat(markAllSeen(session, token, false)).isEqualTo(403);
    }

}
