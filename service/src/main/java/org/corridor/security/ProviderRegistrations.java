package org.corridor.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.autoconfigure.security.oauth2.client.ClientsConfiguredCondition;
import org.springframework.boot.autoconfigure.security.oauth2.client.OAuth2ClientProperties;
import org.springframework.boot.autoconfigure.security.oauth2.client.OAuth2ClientPropertiesMapper;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.security.config.oauth2.client.CommonOAuth2Provider;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenValidator;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.util.StringUtils;

/**
 * Sign-in with identity providers, present only when at least one is configured: Google
 * ({@code corridor.oidc.google.*}), Microsoft ({@code corridor.oidc.microsoft.*}), and
 * any other OpenID provider through Spring Boot's own
 * {@code spring.security.oauth2.client.*} properties. Without any, none of these beans
 * exists and {@link SecurityConfiguration} configures no OpenID Connect login.
 * <p>
 * Spring Boot would build the registrations of its own properties only; this repository
 * holds those and Corridor's two, so that Boot's backs off and there is exactly one.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(ProviderRegistrations.AnyProviderConfigured.class)
@EnableConfigurationProperties({ SignInProviders.class, OAuth2ClientProperties.class })
class ProviderRegistrations {

    static final String GOOGLE = "google";
    static final String MICROSOFT = "microsoft";

    private static final String REDIRECT_URI = "{baseUrl}/{action}/oauth2/code/{registrationId}";

    @Bean
    ClientRegistrationRepository clientRegistrations(SignInProviders providers, OAuth2ClientProperties generic) {
        Map<String, ClientRegistration> registrations = new LinkedHashMap<>(
                new OAuth2ClientPropertiesMapper(generic).asClientRegistrations());
        List<ClientRegistration> corridors = new ArrayList<>();
        if (providers.googleOn()) {
            corridors.add(google(providers.google()));
        }
        if (providers.microsoftOn()) {
            corridors.add(microsoft(providers.microsoft()));
        }
        for (ClientRegistration registration : corridors) {
            if (registrations.putIfAbsent(registration.getRegistrationId(), registration) != null) {
                throw new IllegalStateException("Two sign-in registrations are named \""
                        + registration.getRegistrationId() + "\": configure it either by corridor.oidc."
                        + registration.getRegistrationId() + ".* or by spring.security.oauth2.client.registration."
                        + registration.getRegistrationId() + ".*, not both.");
            }
        }
        return new InMemoryClientRegistrationRepository(List.copyOf(registrations.values()));
    }

    /**
     * Id tokens are checked as Spring checks them (signature, audience, times, nonce,
     * issuer); Microsoft's issuer is checked by {@link MicrosoftIssuer} instead, because
     * a multi-tenant application's issuer names the account's own tenant, which no
     * registration can know in advance.
     */
    @Bean
    JwtDecoderFactory<ClientRegistration> idTokenDecoders(SignInProviders providers) {
        OAuth2TokenValidator<Jwt> microsoftIssuer = providers.microsoftOn() ? new MicrosoftIssuer(
                providers.microsoft().authorityOrDefault(), providers.microsoft().tenantOrDefault()) : null;
        OidcIdTokenDecoderFactory decoders = new OidcIdTokenDecoderFactory();
        decoders.setJwtValidatorFactory(registration -> {
            OAuth2TokenValidator<Jwt> standard = new DelegatingOAuth2TokenValidator<>(new JwtTimestampValidator(),
                    new OidcIdTokenValidator(registration));
            return microsoftIssuer != null && MICROSOFT.equals(registration.getRegistrationId())
                    ? new DelegatingOAuth2TokenValidator<>(standard, microsoftIssuer) : standard;
        });
        return decoders;
    }

    @Bean
    ProviderSignIn providerSignIn(AccountByEmail accounts) {
        return new ProviderSignIn(accounts);
    }

    private static ClientRegistration google(SignInProviders.Google google) {
        require("GOOGLE", google.clientId(), google.clientSecret());
        // Google's endpoints, issuer (https://accounts.google.com) and scopes (openid,
        // profile, email).
        return CommonOAuth2Provider.GOOGLE.getBuilder(GOOGLE)
            .clientId(google.clientId().strip())
            .clientSecret(google.clientSecret().strip())
            .clientName("Google")
            .build();
    }

    /**
     * Microsoft's endpoints for the tenant, written out rather than discovered at
     * start-up. The registration names no issuer: for {@code organizations} and
     * {@code common} Microsoft's discovery document itself says
     * "https://login.microsoftonline.com/{tenantid}/v2.0", a template, which
     * {@link MicrosoftIssuer} fills with the token's {@code tid}.
     */
    private static ClientRegistration microsoft(SignInProviders.Microsoft microsoft) {
        require("MICROSOFT", microsoft.clientId(), microsoft.clientSecret());
        String tenant = microsoft.tenantOrDefault();
        if (!MicrosoftIssuer.MULTI_TENANT.contains(tenant.toLowerCase()) && !isUuid(tenant)) {
            throw new IllegalStateException("CORRIDOR_OIDC_MICROSOFT_TENANT is \"" + tenant + "\": it must be "
                    + "\"organizations\" (any work or school account), \"common\", or your directory (tenant) id, "
                    + "a UUID shown on the app registration's overview page.");
        }
        String base = microsoft.authorityOrDefault() + "/" + tenant;
        return ClientRegistration.withRegistrationId(MICROSOFT)
            .clientId(microsoft.clientId().strip())
            .clientSecret(microsoft.clientSecret().strip())
            .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
            .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
            .redirectUri(REDIRECT_URI)
            .scope("openid", "profile", "email")
            .authorizationUri(base + "/oauth2/v2.0/authorize")
            .tokenUri(base + "/oauth2/v2.0/token")
            .jwkSetUri(base + "/discovery/v2.0/keys")
            .userNameAttributeName(IdTokenClaimNames.SUB)
            .clientName("Microsoft")
            .build();
    }

    private static void require(String provider, String clientId, String clientSecret) {
        if (!StringUtils.hasText(clientId) || !StringUtils.hasText(clientSecret)) {
            throw new IllegalStateException("Sign-in with " + provider.charAt(0) + provider.substring(1).toLowerCase()
                    + " needs both CORRIDOR_OIDC_" + provider + "_CLIENT_ID and CORRIDOR_OIDC_" + provider
                    + "_CLIENT_SECRET; only one of them is set.");
        }
    }

    private static boolean isUuid(String value) {
        try {
            return UUID.fromString(value).toString().equalsIgnoreCase(value);
        }
        catch (IllegalArgumentException notUuid) {
            return false;
        }
    }

    /**
     * Corridor's providers or Spring Boot's registrations: any one of them turns sign-in
     * with providers on.
     */
    static final class AnyProviderConfigured extends SpringBootCondition {

        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            boolean corridors = Binder.get(context.getEnvironment())
                .bind("corridor.oidc", SignInProviders.class)
                .map(p -> p.googleOn() || p.microsoftOn())
                .orElse(false);
            if (corridors) {
                return ConditionOutcome.match("corridor.oidc names a provider");
            }
            return new ClientsConfiguredCondition().getMatchOutcome(context, metadata);
        }

    }

}
