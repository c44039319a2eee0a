package org.corridor.security;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import org.corridor.person.Person;
import org.corridor.person.PersonRepository;
import org.corridor.person.Role;
import org.corridor.problem.ApiProblem;

/**
 * Gives controllers a {@link Caller}: the person behind the session or the kiosk behind
 * the token, read fresh from the database, so a removed person or a revoked kiosk is
 * refused at once (once per call: a sign-in of the same call has read it already, see
 * {@link ReadThisRequest}).
 * <p>
 * Impersonation: an administrator covering a class sends {@code X-Act-As: <teacher's id>}
 * and sees that teacher's screens (requests tab, current class) exactly as the teacher
 * would. The caller then holds both identities: {@link Caller#person()} is the teacher,
 * {@link Caller#impersonator()} the administrator, and every action records both
 * ({@link Caller#signedInId()} as the actor, {@link Caller#onBehalfOfId()} for whom), so
 * the audit timeline never shows the teacher doing what an administrator did. Only
 * administrators may do it, only as a teacher of their own district.
 */
@Component
class CallerResolver implements HandlerMethodArgumentResolver {

    static final String ACT_AS = "X-Act-As";

    private final PersonRepository people;

    private final KioskCredentials kiosks;

    CallerResolver(PersonRepository people, KioskCredentials kiosks) {
        this.people = people;
        this.kiosks = kiosks;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Caller.class;
    }

    @Override
    public Caller resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
            WebDataBinderFactory binders) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        String actAs = request.getHeader(ACT_AS);
        if (auth != null && auth.getPrincipal() instanceof KioskSignedIn kiosk) {
            if (actAs != null) {
                throw ApiProblem.forbidden("A kiosk cannot act as another person.");
            }
            return kiosks.current(kiosk.kioskId()).map(Caller::kiosk).orElseThrow(KioskSignedIn::notRecognised);
        }
        if (auth != null && auth.getPrincipal() instanceof ProviderSignedIn viaProvider) {
            return person(viaProvider.signedIn(), actAs, request);
        }
        if (auth != null && auth.getPrincipal() instanceof SignedIn signedIn) {
            return person(signedIn, actAs, request);
        }
        throw ApiProblem.forbidden("No Corridor account is signed in.");
    }

    private Caller person(SignedIn signedIn, String actAs, NativeWebRequest request) {
        Person person = ReadThisRequest.person(request, signedIn.personId())
            .or(() -> people.findWithRoles(signedIn.personId()))
            .orElseThrow(() -> ApiProblem.forbidden("Your Corridor account no longer exists."));
        if (person.isRemoved()) {
            throw ApiProblem.forbidden("Your Corridor account was removed from the school's roster.");
        }
        return actAs == null ? new Caller(person) : actingAs(person, actAs.strip());
    }

    private Caller actingAs(Person admin, String teacherId) {
        if (!admin.has(Role.ADMIN)) {
            throw ApiProblem.forbidden("Only an administrator can act as a teacher (" + ACT_AS + ").");
        }
        if (teacherId.length() > 36) {
            throw ApiProblem.notFound("Person", "named in " + ACT_AS);
        }
        Person teacher = people.findByIdAndDistrictId(teacherId, admin.getDistrictId())
            .orElseThrow(() -> ApiProblem.notFound("Person", teacherId));
        if (!teacher.has(Role.TEACHER)) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "act-as-not-teacher", "Not a teacher",
                    "An administrator can act only as a teacher; " + teacher.getName() + " (" + teacher.getId()
                            + ") is not a teacher.");
        }
        return new Caller(teacher, admin, null);
    }

}
