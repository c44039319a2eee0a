package org.corridor.security;

import org.springframework.context.annotation.Profile;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Demo sign-in: every account signs in with its email and the password "demo", by form
 * login or HTTP Basic. Exists only in the demo profile; real districts sign in with their
 * identity provider.
 * <p>
 * Someone who gives the demo password with an email that matches nobody has
 * "authenticated" as far as the demo goes, so they get the {@link PassFailure} answer
 * rather than a bare 401. Spring's {@link DaoAuthenticationProvider} would turn the
 * unknown email into BadCredentials; here that is switched off and the unknown email is
 * handled deliberately. A wrong password stays a plain 401.
 */
@Component
@Profile("demo")
class DemoSignIn implements AuthenticationProvider {

    static final String PASSWORD = "demo";

    private final AccountByEmail accounts;

    private final DaoAuthenticationProvider passwords;

    DemoSignIn(AccountByEmail accounts) {
        this.accounts = accounts;
        this.passwords = new DaoAuthenticationProvider(this::account);
        this.passwords.setHideUserNotFoundExceptions(false);
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        try {
            return passwords.authenticate(authentication);
        }
        catch (UsernameNotFoundException unknown) {
            if (PASSWORD.equals(authentication.getCredentials())) {
                throw PassFailure.noAccount(authentication.getName().strip());
            }
            throw new BadCredentialsException("Bad credentials");
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** One statement, no transaction of its own: HTTP Basic signs in on every call. */
    private UserDetails account(String email) {
        return accounts.find(email)
            .map(person -> SignedIn.of(person, "{noop}" + PASSWORD))
            .orElseThrow(() -> new UsernameNotFoundException("no account for this email"));
    }

}
