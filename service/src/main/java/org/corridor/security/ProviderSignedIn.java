package org.corridor.security;

import java.util.Objects;

import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

/**
 * The session's principal after signing in with an identity provider: the Corridor
 * person, as a {@link SignedIn} (so roles and district are read fresh, as for every other
 * sign-in), with the verified id token Spring Security keeps beside it. Its name is the
 * person's id, so anything that logs the principal logs an id, never the email in the
 * token.
 */
final class ProviderSignedIn extends DefaultOidcUser {

    /** Kept in a shared session (Spring Session JDBC) as a serialized object. */
    private static final long serialVersionUID = 1L;

    private final SignedIn signedIn;

    ProviderSignedIn(SignedIn signedIn, OidcIdToken idToken) {
        super(signedIn.getAuthorities(), idToken, IdTokenClaimNames.SUB);
        this.signedIn = signedIn;
    }

    SignedIn signedIn() {
        return signedIn;
    }

    @Override
    public String getName() {
        return signedIn.personId();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ProviderSignedIn that && super.equals(that) && signedIn.equals(that.signedIn);
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), signedIn);
    }

    @Override
    public String toString() {
        return "ProviderSignedIn[" + signedIn.personId() + "]";
    }

}
