package org.corridor.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;

import org.corridor.testing.ApiTest;
import org.corridor.testing.OnMariaDb;

/**
 * An adult who signs in with an email Corridor does not know is told so, not just
 * refused.
 */
@OnMariaDb
class PassFailureTest extends ApiTest {

    @Test
    void unknownEmailGetsPassFailureProblem() {
        var answer = basic("nobody@corridor.test", "demo");

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(answer.getBody().get("type").asText()).isEqualTo("https://corridor.org/problems/pass-failure");
        assertThat(answer.getBody().get("detail").asText()).isEqualTo("Pass failure: no Corridor account for "
                + "nobody@corridor.test in this district. Ask your school's Corridor administrator to add you.");
    }

    @Test
    void wrongPasswordStaysPlain401() {
        var answer = basic("rivera@corridor.test", "not-the-password");

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(answer.getBody().get("type").asText()).isEqualTo("https://corridor.org/problems/unauthenticated");
    }

    @Test
    void unknownEmailWithWrongPasswordStaysPlain401() {
        var answer = basic("nobody@corridor.test", "not-the-password");

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void formSignInWithUnknownEmailShowsPassFailure() {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", "nobody@corridor.test");
        form.add("password", "demo");
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);

        var answer = http.postForEntity("/login", new HttpEntity<>(form, headers), String.class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(answer.getBody()).contains("Pass failure: no Corridor account for nobody@corridor.test");
    }

    private ResponseEntity<JsonNode> basic(String email, String password) {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        return http.withBasicAuth(email, password)
            .exchange("/api/me", HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class);
    }

}
