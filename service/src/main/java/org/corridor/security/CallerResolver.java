package org.corridor.security;

import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import org.corridor.person.PersonRepository;
import org.corridor.problem.ApiProblem;

/** Gives controllers a {@link Caller}: the person behind the session, read fresh from the database. */
@Component
class CallerResolver implements HandlerMethodArgumentResolver {
    private final PersonRepository people;

    CallerResolver(PersonRepository people) {
        this.people = people;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Caller.class;
    }

    @Override
    public Caller resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                                  WebDataBinderFactory binders) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof SignedIn signedIn) {
            return people.findById(signedIn.personId()).map(Caller::new)
                    .orElseThrow(() -> ApiProblem.forbidden("Your Corridor account no longer exists."));
        }
        throw ApiProblem.forbidden("No Corridor account is signed in.");
    }
}
