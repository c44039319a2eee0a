package org.corridor.security;

import java.util.Set;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.util.StringUtils;

/**
 * The issuer check for Microsoft id tokens. A multi-tenant application
 * ({@code organizations} or {@code common}) cannot name one issuer: each account's token
 * is issued by its own tenant, {@code https://login.microsoftonline.com/<tid>/v2.0},
 * where {@code tid} is a claim of the same token. So the issuer must be exactly the one
 * the token's own {@code tid} gives, which is what Microsoft's guidance for multi-tenant
 * validation asks; and when a single tenant is configured, {@code tid} must be that
 * tenant. The signature was checked first against Microsoft's keys, so the claims are
 * Microsoft's.
 */
final class MicrosoftIssuer implements OAuth2TokenValidator<Jwt> {

    static final Set<String> MULTI_TENANT = Set.of("organizations", "common");

    private static final String INVALID = "invalid_id_token";

    private final String authority;

    private final String tenant;

    /** {@code authority} without a trailing slash; {@code tenant} as configured. */
    MicrosoftIssuer(String authority, String tenant) {
        this.authority = authority;
        this.tenant = tenant;
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        String tid = token.getClaimAsString("tid");
        if (!StringUtils.hasText(tid)) {
            return refused("The Microsoft id token names no tenant (tid).");
        }
        if (!MULTI_TENANT.contains(tenant.toLowerCase()) && !tenant.equalsIgnoreCase(tid)) {
            return refused("The Microsoft account belongs to tenant " + tid + ", not to the configured tenant " + tenant
                    + ".");
        }
        String expected = authority + "/" + tid + "/v2.0";
        String issuer = token.getClaimAsString("iss");
        if (!expected.equals(issuer)) {
            return refused(
                    "The Microsoft id token's issuer " + issuer + " is not its tenant's issuer " + expected + ".");
        }
        return OAuth2TokenValidatorResult.success();
    }

    private static OAuth2TokenValidatorResult refused(String why) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error(INVALID, why, null));
    }

}
