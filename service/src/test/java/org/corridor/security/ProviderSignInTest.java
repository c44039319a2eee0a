package org.corridor.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.corridor.testing.ApiTest;
import org.corridor.testing.OnMariaDb;

/**
 * Sign-in with an OpenID provider, the real way: Corridor redirects to a provider running
 * in the test ({@link LocalOpenIdProvider}), the provider sends the browser back with a
 * code, Corridor redeems it, verifies the id token and signs in the person with the
 * token's email. Two registrations point at that provider: "test", a generic one found by
 * discovery, and "microsoft", Corridor's own Microsoft registration with its authority
 * moved to the local provider. The demo's password sign-in stays.
 */
@OnMariaDb
class ProviderSignInTest extends ApiTest {

    private static final String JSON = "application/json";

    private static final LocalOpenIdProvider provider = LocalOpenIdProvider
        .start(Map.of("corridor-test", "test-secret", "corridor-microsoft", "microsoft-secret"));

    private static final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    int port;

    private SignInBrowser browser;

    @DynamicPropertySource
    static void providers(DynamicPropertyRegistry properties) {
        properties.add("spring.security.oauth2.client.registration.test.client-id", () -> "corridor-test");
        properties.add("spring.security.oauth2.client.registration.test.client-secret", () -> "test-secret");
        properties.add("spring.security.oauth2.client.registration.test.scope", () -> "openid,profile,email");
        properties.add("spring.security.oauth2.client.provider.test.issuer-uri", provider::issuer);
        properties.add("corridor.oidc.microsoft.client-id", () -> "corridor-microsoft");
        properties.add("corridor.oidc.microsoft.client-secret", () -> "microsoft-secret");
        properties.add("corridor.oidc.microsoft.authority", provider::issuer);
        // Its own engine: this context runs beside the other MariaDB tests' context.
        properties.add("camunda.bpm.process-engine-name", () -> "providerSignInTests");
    }

    @AfterAll
    static void stopProvider() {
        provider.close();
    }

    @BeforeEach
    void freshBrowser() {
        browser = new SignInBrowser(port);
    }

    @Test
    void knownTeacherSignsInAndIsThatPerson() {
        provider.signsInAs(Map.of("email", "rivera@corridor.test", "email_verified", true));

        HttpResponse<String> answer = browser.signInWith("test");

        assertThat(SignInBrowser.location(answer)).endsWith("/teacher.html");
        JsonNode me = me();
        assertThat(me.get("id").asText()).isEqualTo(person("rivera").getId());
        assertThat(me.get("roles").toString()).contains("TEACHER");
    }

    @Test
    void emailMatchesWhateverItsCase() {
        provider.signsInAs(Map.of("email", "Rivera@Corridor.TEST", "email_verified", true));

        browser.signInWith("test");

        assertThat(me().get("id").asText()).isEqualTo(person("rivera").getId());
    }

    @Test
    void unknownEmailGetsThePassFailurePage() {
        provider.signsInAs(Map.of("email", "nobody@corridor.test", "email_verified", true));

        HttpResponse<String> answer = browser.signInWith("test");

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(answer.body())
            .contains("Pass failure: no Corridor account for nobody@corridor.test in this district.");
        assertThat(browser.get("/api/me", JSON).statusCode()).isEqualTo(401);
    }

    @Test
    void unknownEmailAskingForJsonGetsThePassFailureProblem() {
        provider.signsInAs(Map.of("email", "nobody@corridor.test", "email_verified", true));

        HttpResponse<String> answer = browser.signInWith("test", JSON);

        assertThat(answer.statusCode()).isEqualTo(403);
        JsonNode problem = read(answer);
        assertThat(problem.get("type").asText()).isEqualTo("https://corridor.org/problems/pass-failure");
        assertThat(problem.get("detail").asText()).isEqualTo(PassFailure.detail("nobody@corridor.test"));
    }

    @Test
    void unverifiedEmailIsRefused() {
        provider.signsInAs(Map.of("email", "rivera@corridor.test", "email_verified", false));

        HttpResponse<String> answer = browser.signInWith("test", JSON);

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(read(answer).get("detail").asText()).contains("is verified");
        assertThat(browser.get("/api/me", JSON).statusCode()).isEqualTo(401);
    }

    @Test
    void emailNotSaidToBeVerifiedIsRefusedOutsideMicrosoft() {
        provider.signsInAs(Map.of("email", "rivera@corridor.test"));

        HttpResponse<String> answer = browser.signInWith("test");

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.body()).contains("Sign-in failed");
        assertThat(browser.get("/api/me", JSON).statusCode()).isEqualTo(401);
    }

    @Test
    void emailOfPeopleInTwoDistrictsSignsNoOneIn() {
        jdbc.update("insert into district (id, name, version) values ('other-district', 'Other District', 0)");
        jdbc.update("insert into person (id, district_id, email, email_key, given_name, family_name, version) "
                + "values ('other-rivera', 'other-district', 'Rivera@corridor.test', 'rivera@corridor.test', 'Ana', "
                + "'Rivera', 0)");
        try {
            provider.signsInAs(Map.of("email", "rivera@corridor.test", "email_verified", true));

            HttpResponse<String> answer = browser.signInWith("test", JSON);

            assertThat(answer.statusCode()).isEqualTo(401);
            assertThat(read(answer).get("detail").asText()).contains("several districts");
            assertThat(browser.get("/api/me", JSON).statusCode()).isEqualTo(401);
        }
        finally {
            jdbc.update("delete from person where id = 'other-rivera'");
            jdbc.update("delete from district where id = 'other-district'");
        }
    }

    @Test
    void microsoftAccountSignsInWhenTheIssuerIsItsOwnTenants() {
        String tenant = "6f1c3a52-1b1e-4d7e-9a5b-0c7d9e2f4a11";
        provider.signsInAs(microsoft(tenant, tenant, Map.of("email", "okafor@corridor.test")));

        HttpResponse<String> answer = browser.signInWith("microsoft");

        assertThat(SignInBrowser.location(answer)).endsWith("/teacher.html");
        assertThat(me().get("id").asText()).isEqualTo(person("okafor").getId());
    }

    @Test
    void microsoftIssuerOfAnotherTenantThanTheTokensIsRefused() {
        provider.signsInAs(microsoft("6f1c3a52-1b1e-4d7e-9a5b-0c7d9e2f4a11", "0b8a2d64-5c3f-4e21-8d9a-7e6f5a4b3c22",
                Map.of("email", "okafor@corridor.test")));

        HttpResponse<String> answer = browser.signInWith("microsoft", JSON);

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(read(answer).get("detail").asText()).contains("is not its tenant's issuer");
        assertThat(browser.get("/api/me", JSON).statusCode()).isEqualTo(401);
    }

    @Test
    void microsoftAccountWithoutEmailSignsInByItsSignInName() {
        String tenant = "6f1c3a52-1b1e-4d7e-9a5b-0c7d9e2f4a11";
        provider.signsInAs(microsoft(tenant, tenant, Map.of("preferred_username", "chen@corridor.test")));

        browser.signInWith("microsoft");

        assertThat(me().get("id").asText()).isEqualTo(person("chen").getId());
    }

    @Test
    void administratorSignedInWithProviderCanActAsTeacher() {
        provider.signsInAs(Map.of("email", "admin@corridor.test", "email_verified", true));
        browser.signInWith("test");

        HttpResponse<String> answer = browser.get("/api/me", JSON, Map.of("X-Act-As", person("rivera").getId()));

        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode me = read(answer);
        assertThat(me.get("id").asText()).isEqualTo(person("rivera").getId());
        assertThat(me.get("impersonatedBy").get("id").asText()).isEqualTo(person("admin").getId());
    }

    @Test
    void demoPasswordSignInStillWorksBesideProviders() {
        HttpResponse<String> answer = browser.signInWithPassword("ava@corridor.test", "demo");

        assertThat(SignInBrowser.location(answer)).endsWith("/student.html");
        assertThat(me().get("id").asText()).isEqualTo(person("ava").getId());
    }

    @Test
    void signInPageIsCorridorsWithTheDemoForm() {
        HttpResponse<String> page = browser.get("/login", "text/html");

        // the providers' buttons are drawn from /api/sign-in-options (below);
        // SignInBrowserTest shows them
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Sign in to Corridor", "src=\"/login.js\"", "name=\"password\"");
    }

    @Test
    void startPageIsToldOfEveryProviderAndOfPasswordSignIn() {
        JsonNode options = read(browser.get("/api/sign-in-options", JSON));

        assertThat(options.get("password").asBoolean()).isTrue();
        assertThat(options.get("providers").findValuesAsText("href"))
            .containsExactlyInAnyOrder("/oauth2/authorization/test", "/oauth2/authorization/microsoft");
        assertThat(options.get("providers").findValuesAsText("name")).contains("Microsoft");
    }

    private JsonNode me() {
        HttpResponse<String> answer = browser.get("/api/me", JSON);
        assertThat(answer.statusCode()).as("GET /api/me: %s", answer.body()).isEqualTo(200);
        return read(answer);
    }

    /**
     * Claims of a Microsoft id token: the account's tenant, an issuer naming
     * issuerTenant, no email_verified.
     */
    private static Map<String, Object> microsoft(String tenant, String issuerTenant, Map<String, Object> more) {
        Map<String, Object> claims = new HashMap<>(more);
        claims.put("tid", tenant);
        claims.put("iss", provider.issuer() + "/" + issuerTenant + "/v2.0");
        return claims;
    }

    private static JsonNode read(HttpResponse<String> answer) {
        try {
            return json.readTree(answer.body());
        }
        catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + answer.body(), e);
        }
    }

}
