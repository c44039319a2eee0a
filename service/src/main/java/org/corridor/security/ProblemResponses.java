package org.corridor.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.corridor.problem.ApiProblem;
import org.corridor.problem.ProblemTypes;

/** 401 and 403 from the security filters, in the same problem format as every other error. */
@Component
class ProblemResponses {
    private final ObjectMapper json;

    ProblemResponses(ObjectMapper json) {
        this.json = json;
    }

    /** No credentials or wrong ones: 401. Right credentials but no Corridor person: the pass failure. */
    AuthenticationEntryPoint unauthenticated() {
        return (request, response, e) -> {
            if (e instanceof PassFailure.NoAccount noAccount) {
                write(response, noAccount.problem());
                return;
            }
            response.setHeader("WWW-Authenticate", "Basic realm=\"Corridor\"");
            write(response, HttpStatus.UNAUTHORIZED, "unauthenticated", "Sign-in required",
                    "Sign in with your school account to use Corridor.");
        };
    }

    /**
     * Form login: a wrong password goes back to the sign-in page; the pass failure is a short page that
     * says what happened, since the standard sign-in page can only say "Invalid credentials".
     */
    AuthenticationFailureHandler formLoginFailed() {
        SimpleUrlAuthenticationFailureHandler backToLogin = new SimpleUrlAuthenticationFailureHandler("/login?error");
        return (request, response, e) -> {
            if (!(e instanceof PassFailure.NoAccount noAccount)) {
                backToLogin.onAuthenticationFailure(request, response, e);
                return;
            }
            response.setStatus(HttpStatus.FORBIDDEN.value());
            response.setContentType(MediaType.TEXT_HTML_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                    + "<title>Pass failure</title></head><body><h1>Pass failure</h1><p>"
                    + HtmlUtils.htmlEscape(PassFailure.detail(noAccount.email()))
                    + "</p><p><a href=\"" + request.getContextPath() + "/login\">Sign in again</a></p></body></html>");
        };
    }

    AccessDeniedHandler denied() {
        return (request, response, e) -> write(response, HttpStatus.FORBIDDEN, "forbidden", "Not allowed",
                e instanceof CsrfException
                        ? "A signed-in browser must send the X-XSRF-TOKEN header, copied from the XSRF-TOKEN cookie."
                        : "Your account is not allowed to do this.");
    }

    void write(HttpServletResponse response, ApiProblem problem) throws IOException {
        response.setStatus(problem.status().value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem.toProblemDetail());
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
