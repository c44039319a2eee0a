package org.corridor.security;

import java.util.List;

import org.springframework.context.annotation.Profile;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import org.corridor.person.Person;
import org.corridor.person.PersonRepository;

/**
 * Demo sign-in: every account signs in with its email and the password "demo". Exists only in the
 * demo profile; real districts sign in with their identity provider.
 */
@Component
@Profile("demo")
class DemoSignIn implements UserDetailsService {
    static final String PASSWORD = "{noop}demo";

    private final PersonRepository people;

    DemoSignIn(PersonRepository people) {
        this.people = people;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String email) {
        List<Person> matches = people.findByEmailIgnoreCase(email.trim());
        // An email is unique only within a district; a login that could mean two people is refused.
        if (matches.size() != 1) {
            throw new UsernameNotFoundException("no single account for this email");
        }
        return SignedIn.of(matches.get(0), PASSWORD);
    }
}
