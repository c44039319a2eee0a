package org.corridor.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.corridor.problem.ProblemTypes;

/** 401 and 403 from the security filters, in the same problem format as every other error. */
@Component
class ProblemResponses {
    private final ObjectMapper json;

    ProblemResponses(ObjectMapper json) {
        this.json = json;
    }

    AuthenticationEntryPoint unauthenticated() {
        return (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Corridor\"");
            write(response, HttpStatus.UNAUTHORIZED, "unauthenticated", "Sign-in required",
                    "Sign in with your school account to use Corridor.");
        };
    }

    AccessDeniedHandler denied() {
        return (request, response, e) -> write(response, HttpStatus.FORBIDDEN, "forbidden", "Not allowed",
                e instanceof CsrfException
                        ? "A signed-in browser must send the X-XSRF-TOKEN header, copied from the XSRF-TOKEN cookie."
                        : "Your account is not allowed to do this.");
    }

    private void write(HttpServletResponse response, HttpStatus status, String type, String title, String detail)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(ProblemTypes.uri(type));
        problem.setTitle(title);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
