package org.corridor.security;

import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.stereotype.Component;

import org.corridor.person.Accounts;
import org.corridor.person.Person;

/**
 * The one rule every sign-in follows to find the Corridor person behind a proven email:
 * the email, case-insensitively. An email is unique only within a district, so an email
 * that could mean people of two districts signs no one in.
 */
@Component
class AccountByEmail {

    private static final Logger log = LoggerFactory.getLogger(AccountByEmail.class);

    private final Accounts people;

    AccountByEmail(Accounts people) {
        this.people = people;
    }

    /**
     * The person with this email, or empty; refuses an email that several districts use.
     */
    Optional<Person> find(String email) {
        // Someone removed from the roster cannot sign in; their passes and history stay.
        List<Person> matches = people.withEmailKey(Person.emailKey(email.strip()));
        if (matches.size() > 1) {
            log.warn("Sign-in refused: the email matches {} accounts in different districts", matches.size());
            throw new InternalAuthenticationServiceException("This email belongs to accounts in several districts.");
        }
        return matches.stream().findFirst();
    }

}
