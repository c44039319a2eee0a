package org.corridor.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.StandardClaimNames;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.util.StringUtils;

import org.corridor.person.Person;

/**
 * Sign-in with Google, Microsoft or another OpenID provider: the provider has proven an
 * email (its id token is verified before this runs), and the Corridor person with that
 * email is signed in, by the same rule as every sign-in ({@link AccountByEmail}). No
 * match is the {@link PassFailure}.
 * <p>
 * Which email: the id token's {@code email}; for Microsoft, when the token has none, its
 * {@code preferred_username} (the account's sign-in name, usually the school email
 * address).
 * <p>
 * Verified: an {@code email_verified} of false is always refused. When the claim is
 * missing, only the Microsoft registration is let through: Microsoft Entra ID does not
 * send {@code email_verified} at all, and it leaves out an {@code email} whose domain the
 * account's organisation has not verified (the application's
 * {@code removeUnverifiedEmailClaim} behaviour, the default for multi-tenant applications
 * registered since June 2023), while {@code preferred_username} must be in one of the
 * organisation's verified domains. Other providers that do not say the email is verified
 * are refused; Google always says.
 * <p>
 * The user-info endpoint is not called: the id token says all Corridor needs.
 */
final class ProviderSignIn implements OAuth2UserService<OidcUserRequest, OidcUser> {

    static final String EMAIL_NOT_VERIFIED = "email_not_verified";
    static final String NO_EMAIL = "no_email";

    private static final Logger log = LoggerFactory.getLogger(ProviderSignIn.class);

    private final AccountByEmail accounts;

    ProviderSignIn(AccountByEmail accounts) {
        this.accounts = accounts;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        String provider = request.getClientRegistration().getRegistrationId();
        String providerName = request.getClientRegistration().getClientName();
        OidcIdToken token = request.getIdToken();
        String email = email(provider, token);
        if (!StringUtils.hasText(email)) {
            log.info("Sign-in with {} refused: the id token has no email", provider);
            throw refused(NO_EMAIL, providerName + " did not say which email address you signed in with, and Corridor "
                    + "finds your account by it. Ask your school's Corridor administrator.");
        }
        Boolean verified = token.getEmailVerified();
        if (Boolean.FALSE.equals(verified) || (verified == null && !ProviderRegistrations.MICROSOFT.equals(provider))) {
            log.info("Sign-in with {} refused: the email is not verified", provider);
            throw refused(EMAIL_NOT_VERIFIED, providerName + " does not confirm that the email address of the account "
                    + "you signed in with is verified, so Corridor cannot tell whose account it is. Verify it with "
                    + providerName + ", or sign in with your school account.");
        }
        Person person = accounts.find(email).orElseThrow(() -> {
            log.info("Sign-in with {} refused: no Corridor account for the email", provider);
            return PassFailure.noAccount(email.strip());
        });
        log.info("Signed in with {}: person {}", provider, person.getId());
        return new ProviderSignedIn(SignedIn.of(person, null), token);
    }

    private static String email(String provider, OidcIdToken token) {
        String email = token.getEmail();
        if (!StringUtils.hasText(email) && ProviderRegistrations.MICROSOFT.equals(provider)) {
            email = token.getClaimAsString(StandardClaimNames.PREFERRED_USERNAME);
        }
        return email;
    }

    private static OAuth2AuthenticationException refused(String code, String why) {
        return new OAuth2AuthenticationException(new OAuth2Error(code, why, null), why);
    }

}
