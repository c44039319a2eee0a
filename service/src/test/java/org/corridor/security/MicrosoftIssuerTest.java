package org.corridor.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Which Microsoft issuers Corridor accepts: the one the token's own tenant gives, and
 * only that.
 */
class MicrosoftIssuerTest {

    private static final String AUTHORITY = "https://login.microsoftonline.com";

    private static final String DISTRICT = "6f1c3a52-1b1e-4d7e-9a5b-0c7d9e2f4a11";

    private static final String ELSEWHERE = "0b8a2d64-5c3f-4e21-8d9a-7e6f5a4b3c22";

    @Test
    void anyOrganisationIsAcceptedWithItsOwnIssuer() {
        var check = new MicrosoftIssuer(AUTHORITY, "organizations");

        assertThat(check.validate(token(ELSEWHERE, AUTHORITY + "/" + ELSEWHERE + "/v2.0")).hasErrors()).isFalse();
    }

    @Test
    void issuerNamingAnotherTenantThanTheTokensIsRefused() {
        var check = new MicrosoftIssuer(AUTHORITY, "organizations");

        assertThat(check.validate(token(ELSEWHERE, AUTHORITY + "/" + DISTRICT + "/v2.0")).hasErrors()).isTrue();
    }

    @Test
    void theTemplateIssuerOfTheDiscoveryDocumentIsRefused() {
        var check = new MicrosoftIssuer(AUTHORITY, "organizations");

        assertThat(check.validate(token(DISTRICT, AUTHORITY + "/{tenantid}/v2.0")).hasErrors()).isTrue();
    }

    @Test
    void tokenWithoutTenantIsRefused() {
        var check = new MicrosoftIssuer(AUTHORITY, "organizations");

        assertThat(check.validate(token(null, AUTHORITY + "/" + DISTRICT + "/v2.0")).hasErrors()).isTrue();
    }

    @Test
    void singleTenantRefusesAccountsOfOtherTenants() {
        var check = new MicrosoftIssuer(AUTHORITY, DISTRICT);

        assertThat(check.validate(token(ELSEWHERE, AUTHORITY + "/" + ELSEWHERE + "/v2.0")).hasErrors()).isTrue();
    }

    @Test
    void singleTenantAcceptsItsOwnAccounts() {
        var check = new MicrosoftIssuer(AUTHORITY, DISTRICT);

        assertThat(check.validate(token(DISTRICT, AUTHORITY + "/" + DISTRICT + "/v2.0")).hasErrors()).isFalse();
    }

    private static Jwt token(String tid, String issuer) {
        Jwt.Builder token = Jwt.withTokenValue("id-token")
            .header("alg", "RS256")
            .claim("iss", issuer)
            .subject("someone")
            .issuedAt(Instant.now())
            .expiresAt(Instant.now().plusSeconds(300));
        if (tid != null) {
            token.claim("tid", tid);
        }
        return token.build();
    }

}
