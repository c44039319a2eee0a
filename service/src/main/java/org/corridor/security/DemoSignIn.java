package org.corridor.security;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import org.corridor.person.Person;
import org.corridor.person.PersonRepository;

/**
 * Demo sign-in: every account signs in with its email and the password "demo", by form login or HTTP
 * Basic. Exists only in the demo profile; real districts sign in with their identity provider.
 * <p>
 * Someone who gives the demo password with an email that matches nobody has "authenticated" as far
 * as the demo goes, so they get the {@link PassFailure} answer rather than a bare 401. Spring's
 * {@link DaoAuthenticationProvider} would turn the unknown email into BadCredentials; here that is
 * switched off and the unknown email is handled deliberately. A wrong password stays a plain 401.
 */
@Component
@Profile("demo")
class DemoSignIn implements AuthenticationProvider {
    static final String PASSWORD = "demo";
    private static final Logger log = LoggerFactory.getLogger(DemoSignIn.class);

    private final PersonRepository people;
    private final TransactionTemplate readOnly;
    private final DaoAuthenticationProvider passwords;

    DemoSignIn(PersonRepository people, PlatformTransactionManager transactions) {
        this.people = people;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.passwords = new DaoAuthenticationProvider(this::account);
        this.passwords.setHideUserNotFoundExceptions(false);
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        try {
            return passwords.authenticate(authentication);
        } catch (UsernameNotFoundException unknown) {
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

    private UserDetails account(String email) {
        // Someone removed from the roster cannot sign in; their passes and history stay.
        List<Person> matches = readOnly.execute(tx -> people.findByEmailIgnoreCase(email.strip())).stream()
                .filter(p -> !p.isRemoved()).toList();
        if (matches.isEmpty()) {
            throw new UsernameNotFoundException("no account for this email");
        }
        // An email is unique only within a district; a login that could mean two people is refused.
        if (matches.size() > 1) {
            log.warn("Sign-in refused: the email matches {} accounts in different districts", matches.size());
            throw new InternalAuthenticationServiceException("This email belongs to accounts in several districts.");
        }
        return SignedIn.of(matches.get(0), "{noop}" + PASSWORD);
    }
}
