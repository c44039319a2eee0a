package org.corridor.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import org.corridor.CorridorApplication;
import org.corridor.persistence.DatabaseRequired;

/**
 * With no profile named Corridor is production: people sign in with an identity provider
 * only (no password form, no HTTP Basic), and without a provider or a database configured
 * Corridor does not start at all, saying how to run the demo instead. Runs on H2 named
 * explicitly: what is tested is which sign-in exists, not what the database answers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "spring.datasource.url=jdbc:h2:mem:corridor-production-sign-in;DB_CLOSE_DELAY=-1",
                "camunda.bpm.process-engine-name=productionSignInTests" })
class ProductionSignInTest {

    private static final LocalOpenIdProvider provider = LocalOpenIdProvider
        .start(Map.of("corridor-test", "test-secret"));

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry properties) {
        properties.add("spring.security.oauth2.client.registration.test.client-id", () -> "corridor-test");
        properties.add("spring.security.oauth2.client.registration.test.client-secret", () -> "test-secret");
        properties.add("spring.security.oauth2.client.registration.test.scope", () -> "openid,profile,email");
        properties.add("spring.security.oauth2.client.provider.test.issuer-uri", provider::issuer);
    }

    @AfterAll
    static void stopProvider() {
        provider.close();
    }

    @Test
    void signInPageIsCorridorsOwn() {
        HttpResponse<String> page = new SignInBrowser(port).get("/login", "text/html");

        // its script shows what /api/sign-in-options says: the provider, no password form
        // (next test)
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Sign in to Corridor", "src=\"/login.js\"");
    }

    @Test
    void startPageIsToldThereIsNoPasswordSignIn() {
        HttpResponse<String> answer = new SignInBrowser(port).get("/api/sign-in-options", "application/json");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("\"password\":false", "/oauth2/authorization/test");
    }

    @Test
    void httpBasicIsNotASignIn() {
        String demoPassword = java.util.Base64.getEncoder().encodeToString("admin@corridor.test:demo".getBytes());

        HttpResponse<String> answer = new SignInBrowser(port).get("/api/me", "application/json",
                Map.of("Authorization", "Basic " + demoPassword));

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.headers().firstValue("WWW-Authenticate")).isEmpty();
    }

    @Test
    void apiDocumentAndExplorerAreOffUnlessTurnedOn() {
        SignInBrowser browser = new SignInBrowser(port);

        for (String path : List.of("/v3/api-docs", "/swagger-ui.html", "/swagger-ui/index.html")) {
            HttpResponse<String> answer = browser.get(path, "application/json");

            assertThat(answer.statusCode()).as(path).isEqualTo(404);
            assertThat(answer.headers().firstValue("Content-Type")).as(path).hasValue("application/problem+json");
        }
    }

    @Test
    void passwordFormIsNotASignIn() {
        SignInBrowser browser = new SignInBrowser(port);

        HttpResponse<String> answer = browser.signInWithPassword("admin@corridor.test", "demo");

        assertThat(answer.statusCode()).as("POST /login: %s", answer.body()).isBetween(400, 499);
        assertThat(browser.get("/api/me", "application/json").statusCode()).isEqualTo(401);
    }

    @Test
    void withoutAnyProviderCorridorRefusesToStartAndSaysHowToRunTheDemo() {
        SpringApplicationBuilder production = new SpringApplicationBuilder(CorridorApplication.class);

        assertThatThrownBy(
                () -> production.run("--spring.datasource.url=jdbc:h2:mem:corridor-no-sign-in;DB_CLOSE_DELAY=-1",
                        "--camunda.bpm.process-engine-name=noSignInTests", "--server.port=0"))
            .rootCause()
            .hasMessage(SecurityConfiguration.NO_SIGN_IN)
            .hasMessageContaining("java -jar service/target/corridor.jar --spring.profiles.active=demo");
    }

    @Test
    void withoutADatabaseCorridorRefusesToStartRatherThanUseAnInMemoryOne() {
        SpringApplicationBuilder production = new SpringApplicationBuilder(CorridorApplication.class);

        assertThatThrownBy(() -> production.run("--server.port=0",
                "--spring.security.oauth2.client.registration.test.client-id=corridor-test",
                "--spring.security.oauth2.client.registration.test.client-secret=test-secret",
                "--spring.security.oauth2.client.provider.test.issuer-uri=" + provider.issuer()))
            .isInstanceOf(IllegalStateException.class)
            .hasMessage(DatabaseRequired.NO_DATABASE)
            .hasMessageContaining("java -jar service/target/corridor.jar --spring.profiles.active=demo");
    }

}
