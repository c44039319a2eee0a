package org.corridor.security;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A browser as far as signing in goes: it keeps cookies per host and follows each
 * redirect itself, so a test sees every step of the dance between Corridor and the
 * identity provider.
 */
final class SignInBrowser {

    private final String corridor;

    private final HttpClient client = HttpClient.newBuilder()
        .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(10))
        .build();

    SignInBrowser(int port) {
        this.corridor = "http://localhost:" + port;
    }

    /**
     * Starts sign-in with the registration, lets the provider send the browser back, and
     * answers what Corridor's redirect endpoint answered (a redirect home when signed in,
     * a page or problem when not).
     */
    HttpResponse<String> signInWith(String registration, String accept) {
        HttpResponse<String> toProvider = get(corridor + "/oauth2/authorization/" + registration, "text/html");
        HttpResponse<String> backToCorridor = get(location(toProvider), "text/html");
        return get(location(backToCorridor), accept);
    }

    HttpResponse<String> signInWith(String registration) {
        return signInWith(registration, "text/html");
    }

    /**
     * The demo's form sign-in as the sign-in page does it: the CSRF token from
     * {@code /api/sign-in-options} (which also sets its cookie), then email, password and
     * token posted to /login.
     */
    HttpResponse<String> signInWithPassword(String email, String password) {
        return signInWithPassword(email, password, Map.of());
    }

    HttpResponse<String> signInWithPassword(String email, String password, Map<String, String> headers) {
        HttpResponse<String> options = get("/api/sign-in-options", "application/json", headers);
        java.util.Map<String, String> fields = new java.util.LinkedHashMap<>();
        fields.put("username", email);
        fields.put("password", password);
        java.util.regex.Matcher csrf = java.util.regex.Pattern
            .compile("\"parameterName\":\"([^\"]+)\",\"token\":\"([^\"]+)\"")
            .matcher(options.body());
        if (csrf.find()) {
            fields.put(csrf.group(1), csrf.group(2));
        }
        return postForm(fields, headers);
    }

    /** A form posted to /login as it is, without asking for a token first. */
    HttpResponse<String> postForm(Map<String, String> fields, Map<String, String> headers) {
        String form = fields.entrySet()
            .stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(corridor + "/login"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form));
        headers.forEach(request::header);
        return send(request.build());
    }

    HttpResponse<String> get(String path, String accept) {
        return get(path, accept, Map.of());
    }

    HttpResponse<String> get(String pathOrUrl, String accept, Map<String, String> headers) {
        String url = pathOrUrl.startsWith("http") ? pathOrUrl : corridor + pathOrUrl;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", accept).GET();
        headers.forEach(request::header);
        return send(request.build());
    }

    static String location(HttpResponse<String> response) {
        if (response.statusCode() != 302) {
            throw new AssertionError("expected a redirect from " + response.uri() + ", got " + response.statusCode()
                    + ": " + response.body());
        }
        return response.headers()
            .firstValue("Location")
            .orElseThrow(() -> new AssertionError("redirect without Location from " + response.uri()));
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException e) {
            throw new AssertionError("request to " + request.uri() + " failed", e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

}
