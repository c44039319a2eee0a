package org.corridor.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import org.corridor.testing.ApiTest;
import org.corridor.testing.OnMariaDb;

/**
 * The demo's password sign-in does not tell who has an account: an unknown email answers
 * exactly as a wrong password does (and in about the same time:
 * {@link SignInThrottleTest}). (The pass failure, which names the email, is for sign-in
 * with an identity provider, where the person proved the email is theirs:
 * {@link ProviderSignInTest}.)
 */
@OnMariaDb
class PassFailureTest extends ApiTest {

    @LocalServerPort
    int port;

    @Test
    void unknownEmailWithTheDemoPasswordAnswersAsAWrongPassword() {
        var unknown = basic("nobody@corridor.test", "demo");
        var wrong = basic("rivera@corridor.test", "not-the-password");

        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(wrong.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(unknown.getBody()).isEqualTo(wrong.getBody());
        assertThat(unknown.getBody().get("type").asText()).isEqualTo("https://corridor.org/problems/unauthenticated");
        assertThat(unknown.getBody().toString()).doesNotContain("nobody");
        assertThat(unknown.getHeaders().get("WWW-Authenticate")).isEqualTo(wrong.getHeaders().get("WWW-Authenticate"));
    }

    @Test
    void unknownEmailWithWrongPasswordIsTheSame401() {
        var answer = basic("nobody@corridor.test", "not-the-password");

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(answer.getBody().get("type").asText()).isEqualTo("https://corridor.org/problems/unauthenticated");
    }

    @Test
    void formSignInWithUnknownEmailGoesBackToTheSignInPageAsAWrongPassword() {
        HttpResponse<String> unknown = new SignInBrowser(port).signInWithPassword("nobody@corridor.test", "demo");
        HttpResponse<String> wrong = new SignInBrowser(port).signInWithPassword("chen@corridor.test", "not-demo");

        assertThat(unknown.statusCode()).isEqualTo(302);
        assertThat(SignInBrowser.location(unknown)).endsWith("/login?error");
        assertThat(SignInBrowser.location(wrong)).isEqualTo(SignInBrowser.location(unknown));
        assertThat(unknown.body()).isEqualTo(wrong.body());
    }

    private ResponseEntity<JsonNode> basic(String email, String password) {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        return http.withBasicAuth(email, password)
            .exchange("/api/me", HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class);
    }

}
