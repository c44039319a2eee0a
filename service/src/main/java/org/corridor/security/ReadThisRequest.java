package org.corridor.security;

import java.util.Optional;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import org.corridor.person.Person;

/**
 * The person a sign-in of this very request has just read (HTTP Basic signs in on every
 * call): the caller of the call, read fresh already, so {@link CallerResolver} does not
 * read it a second time. Kept as an attribute of the request, so it never outlives it.
 */
final class ReadThisRequest {

    private static final String ATTRIBUTE = ReadThisRequest.class.getName();

    private ReadThisRequest() {
    }

    /** Outside a web request (a test signing in directly) there is nothing to keep. */
    static void remember(Person person) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.setAttribute(ATTRIBUTE, person, RequestAttributes.SCOPE_REQUEST);
        }
    }

    static Optional<Person> person(RequestAttributes request, String personId) {
        return request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) instanceof Person person
                && person.getId().equals(personId) ? Optional.of(person) : Optional.empty();
    }

}
