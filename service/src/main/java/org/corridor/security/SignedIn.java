package org.corridor.security;

import java.util.Collection;
import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import org.corridor.person.Person;

/**
 * The session's principal: just the person's id, so roles and district are always read
 * fresh.
 */
public record SignedIn(String personId, String email, String password, List<String> roles) implements UserDetails {

    static SignedIn of(Person person, String password) {
        return new SignedIn(person.getId(), person.getEmail(), password,
                person.getRoles().stream().map(Enum::name).sorted().toList());
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList();
    }

    @Override
    public String getPassword() {
        return password;
    }

    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public String toString() {
        return "SignedIn[" + personId + "]";
    }
}
