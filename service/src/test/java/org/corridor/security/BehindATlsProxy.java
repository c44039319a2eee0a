package org.corridor.security;

import java.util.List;
import java.util.Map;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

import org.corridor.testing.ApiTest;
import org.corridor.testing.OnMariaDb;

/**
 * Corridor as operators run it behind a TLS proxy: forwarded headers honoured
 * ({@code server.forward-headers-strategy=native}; the test's calls come from 127.0.0.1,
 * a trusted proxy address), an OpenID provider registered (never called: only the
 * redirect to it is looked at), and a small sign-in throttle so a test reaches it in a
 * few attempts. Each test sends its own client address ({@code X-Forwarded-For}), so the
 * tests do not use up each other's attempts.
 */
@OnMariaDb
abstract class BehindATlsProxy extends ApiTest {

    static final int PER_ACCOUNT = 3;

    static final int PER_ADDRESS = 5;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void proxy(DynamicPropertyRegistry properties) {
        properties.add("server.forward-headers-strategy", () -> "native");
        properties.add("corridor.sign-in.failures-per-account", () -> PER_ACCOUNT);
        properties.add("corridor.sign-in.failures-per-address", () -> PER_ADDRESS);
        properties.add("corridor.sign-in.window", () -> "1h");
        properties.add("spring.security.oauth2.client.registration.school.client-id", () -> "corridor-school");
        properties.add("spring.security.oauth2.client.registration.school.client-secret", () -> "school-secret");
        properties.add("spring.security.oauth2.client.registration.school.scope", () -> "openid,email");
        properties.add("spring.security.oauth2.client.registration.school.authorization-grant-type",
                () -> "authorization_code");
        properties.add("spring.security.oauth2.client.registration.school.redirect-uri",
                () -> "{baseUrl}/login/oauth2/code/{registrationId}");
        properties.add("spring.security.oauth2.client.registration.school.client-name", () -> "School");
        properties.add("spring.security.oauth2.client.provider.school.authorization-uri",
                () -> "https://id.school.test/authorize");
        properties.add("spring.security.oauth2.client.provider.school.token-uri", () -> "https://id.school.test/token");
        properties.add("spring.security.oauth2.client.provider.school.jwk-set-uri",
                () -> "https://id.school.test/jwks");
        properties.add("camunda.bpm.process-engine-name", () -> "behindATlsProxyTests");
    }

    /** {@code GET /api/me} by HTTP Basic from a client address. */
    ResponseEntity<JsonNode> basicFrom(String address, String email, String password) {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        headers.add("X-Forwarded-For", address);
        return http.withBasicAuth(email, password)
            .exchange("/api/me", HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class);
    }

    static Map<String, String> from(String address) {
        return Map.of("X-Forwarded-For", address);
    }

}
