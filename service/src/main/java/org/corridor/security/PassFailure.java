package org.corridor.security;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;

import org.corridor.problem.ApiProblem;

/**
 * An adult proved who they are with the identity provider (OpenID Connect) but their
 * sign-in email matches no Corridor person in the district. They get one clear answer:
 * 403, type {@code pass-failure}, naming the email they used and whom to ask.
 * {@link ProviderSignIn} throws {@link NoAccount}, and {@link ProblemResponses} answers
 * it. The demo's password sign-in never gives it: there, an unknown email is answered as
 * a wrong password is, so the answer does not tell who has an account.
 * <p>
 * The email is personal data: it goes into the answer to the person who typed it, never
 * into a log line or an exception message (which frameworks log).
 */
public final class PassFailure {

    public static final String TYPE = "pass-failure";

    private PassFailure() {
    }

    public static ApiProblem problem(String email) {
        return new ApiProblem(HttpStatus.FORBIDDEN, TYPE, "Pass failure", detail(email));
    }

    public static String detail(String email) {
        return "Pass failure: no Corridor account for " + email
                + " in this district. Ask your school's Corridor administrator to add you.";
    }

    public static NoAccount noAccount(String email) {
        return new NoAccount(email);
    }

    /**
     * Authentication succeeded, but no Corridor person has this email. Its message leaves
     * the email out.
     */
    public static final class NoAccount extends AuthenticationException {

        private final transient String email;

        private NoAccount(String email) {
            super("Pass failure: no Corridor account for this email in this district. "
                    + "Ask your school's Corridor administrator to add you.");
            this.email = email;
        }

        public String email() {
            return email;
        }

        public ApiProblem problem() {
            return PassFailure.problem(email);
        }

    }

}
