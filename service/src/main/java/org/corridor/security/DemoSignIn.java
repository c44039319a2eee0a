package org.corridor.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import org.springframework.context.annotation.Profile;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Demo sign-in: every account signs in with its email and the password "demo", by form
 * login or HTTP Basic. Exists only in the demo profile; real districts sign in with their
 * identity provider.
 * <p>
 * An unknown email and a wrong password get the same answer (401, or the sign-in page's
 * error) in about the same time: both look the email up once and compare the password in
 * constant time, so an answer does not tell whether an email has an account. Wrong
 * attempts are counted by {@link SignInThrottle}, per email and per client address.
 */
@Component
@Profile("demo")
class DemoSignIn implements AuthenticationProvider {

    static final String PASSWORD = "demo";

    private final AccountByEmail accounts;

    private final SignInThrottle throttle;

    private final DaoAuthenticationProvider passwords;

    DemoSignIn(AccountByEmail accounts, SignInThrottle throttle) {
        this.accounts = accounts;
        this.throttle = throttle;
        this.passwords = new DaoAuthenticationProvider(this::account);
        // Spring's default encoder would check an unknown email against a BCrypt hash (to
        // hide it by taking as long as a known one): here every password is compared as
        // it is, so the unknown email would take far longer than a wrong password.
        this.passwords.setPasswordEncoder(new PlainPassword());
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String email = authentication.getName();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress()
                : null;
        throttle.check(email, address);
        try {
            return passwords.authenticate(authentication);
        }
        catch (BadCredentialsException wrong) {
            throttle.failed(email, address);
            throw wrong;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /**
     * One statement, no transaction of its own: HTTP Basic signs in on every call. The
     * person read is the call's caller ({@link ReadThisRequest}).
     */
    private UserDetails account(String email) {
        return accounts.find(email).map(person -> {
            ReadThisRequest.remember(person);
            return SignedIn.of(person, PASSWORD);
        }).orElseThrow(() -> new UsernameNotFoundException("no account for this email"));
    }

    /** The demo password, compared in constant time. */
    static final class PlainPassword implements PasswordEncoder {

        @Override
        public String encode(CharSequence raw) {
            return raw.toString();
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            return raw != null && encoded != null && MessageDigest
                .isEqual(raw.toString().getBytes(StandardCharsets.UTF_8), encoded.getBytes(StandardCharsets.UTF_8));
        }

    }

}
