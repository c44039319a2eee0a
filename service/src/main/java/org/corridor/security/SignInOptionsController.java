package org.corridor.security;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * How one can sign in here, for the sign-in page: the identity providers (each with the
 * address that starts its sign-in), whether the demo's password sign-in exists, and the
 * CSRF token its form must carry when the browser already has a session (masked, as
 * Spring Security renders it into its own forms).
 */
@RestController
class SignInOptionsController {

    static final String PATH = "/api/sign-in-options";

    record SignInOptions(List<Provider> providers, boolean password, Csrf csrf) {
    }

    /** The form field and value a sign-in form posts with. */
    record Csrf(String parameterName, String token) {
    }

    record Provider(String id, String name, String href) {
    }

    private final List<Provider> providers;

    private final boolean password;

    SignInOptionsController(ObjectProvider<ClientRegistrationRepository> registrations,
            ObjectProvider<DemoSignIn> demo) {
        List<Provider> found = new ArrayList<>();
        if (registrations.getIfAvailable() instanceof InMemoryClientRegistrationRepository all) {
            for (ClientRegistration r : all) {
                found.add(new Provider(r.getRegistrationId(), r.getClientName(),
                        "/oauth2/authorization/" + r.getRegistrationId()));
            }
        }
        this.providers = List.copyOf(found);
        this.password = demo.getIfAvailable() != null;
    }

    @GetMapping(PATH)
    SignInOptions options(CsrfToken csrf) {
        return new SignInOptions(providers, password,
                csrf == null ? null : new Csrf(csrf.getParameterName(), csrf.getToken()));
    }

}
