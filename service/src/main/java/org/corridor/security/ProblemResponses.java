package org.corridor.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.corridor.problem.ApiProblem;
import org.corridor.problem.ProblemTypes;

/**
 * 401 and 403 from the security filters, in the same problem format as every other error.
 */
@Component
class ProblemResponses {

    private final ObjectMapper json;

    ProblemResponses(ObjectMapper json) {
        this.json = json;
    }

    /**
     * No credentials or wrong ones (an unknown email and a wrong password alike): 401.
     * Too many wrong ones: 429 ({@link SignInThrottle}). The Basic challenge is sent only
     * where Basic sign-in exists (the demo): elsewhere it would make a browser ask for a
     * password that nothing accepts.
     */
    AuthenticationEntryPoint unauthenticated(boolean basic) {
        return (request, response, e) -> {
            if (e instanceof SignInThrottle.Throttled throttled) {
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds()));
                write(response, throttled(throttled));
                return;
            }
            if (basic) {
                response.setHeader("WWW-Authenticate", "Basic realm=\"Corridor\"");
            }
            write(response, HttpStatus.UNAUTHORIZED, "unauthenticated", "Sign-in required",
                    "Sign in with your school account to use Corridor.");
        };
    }

    /**
     * Form login: a wrong password or an unknown email goes back to the sign-in page,
     * which says the email or the password is wrong; too many attempts are 429 with
     * {@code Retry-After}, as a short page (or a problem, to a client that asks for
     * JSON).
     */
    AuthenticationFailureHandler formLoginFailed() {
        SimpleUrlAuthenticationFailureHandler backToLogin = new SimpleUrlAuthenticationFailureHandler("/login?error");
        return (request, response, e) -> {
            if (!(e instanceof SignInThrottle.Throttled throttled)) {
                backToLogin.onAuthenticationFailure(request, response, e);
                return;
            }
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds()));
            ApiProblem problem = throttled(throttled);
            if (wantsJson(request)) {
                write(response, problem);
            }
            else {
                page(request, response, problem.status(), "Too many sign-in attempts",
                        problem.toProblemDetail().getDetail());
            }
        };
    }

    private static ApiProblem throttled(SignInThrottle.Throttled throttled) {
        return new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, "sign-in-throttled", "Too many sign-in attempts",
                "Too many failed sign-in attempts for this account or from this address. Try again in "
                        + throttled.retryAfterSeconds() + " seconds.")
            .with("retryAfter", throttled.retryAfterSeconds());
    }

    /**
     * Sign-in with an identity provider ends at Corridor's redirect endpoint, in the
     * browser that started it, so the answer is a short page saying what happened; a
     * client that asks for JSON gets the same as a problem. No Corridor person for the
     * email is the pass failure (403); anything else refused (an unverified email, an id
     * token that fails its checks, a sign-in cancelled at the provider) is 401.
     */
    AuthenticationFailureHandler providerSignInFailed() {
        return (request, response, e) -> {
            ApiProblem problem = e instanceof PassFailure.NoAccount noAccount ? noAccount.problem()
                    : new ApiProblem(HttpStatus.UNAUTHORIZED, "sign-in-failed", "Sign-in failed", providerFailure(e));
            if (wantsJson(request)) {
                write(response, problem);
            }
            else {
                ProblemDetail detail = problem.toProblemDetail();
                page(request, response, problem.status(), detail.getTitle(), detail.getDetail());
            }
        };
    }

    private static String providerFailure(AuthenticationException e) {
        if (e instanceof InternalAuthenticationServiceException) {
            return e.getMessage(); // written by Corridor for a person to read
                                   // (AccountByEmail)
        }
        if (!(e instanceof OAuth2AuthenticationException oauth)) {
            return "Sign-in did not succeed. Try again.";
        }
        String code = oauth.getError().getErrorCode();
        return switch (code) {
            case ProviderSignIn.EMAIL_NOT_VERIFIED, ProviderSignIn.NO_EMAIL -> oauth.getError().getDescription();
            case "access_denied" -> "Sign-in was cancelled at the identity provider. Sign in again to use Corridor.";
            case "authorization_request_not_found" ->
                "This sign-in was not started in this browser, or it took " + "too long. Sign in again.";
            case "invalid_id_token" -> "The identity provider's answer did not pass Corridor's checks ("
                    + oauth.getError().getDescription() + ").";
            default -> "Sign-in with the identity provider did not succeed (" + code + "). Try again.";
        };
    }

    private static boolean wantsJson(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return accept != null && accept.contains("json") && !accept.contains(MediaType.TEXT_HTML_VALUE);
    }

    private static void page(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String title,
            String detail) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.TEXT_HTML_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        // Corridor's look (admin-ui's stylesheet and icon), and no script: a refused
        // sign-in has no session
        String context = request.getContextPath();
        response.getWriter()
            .write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                    + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" + "<title>"
                    + HtmlUtils.htmlEscape(title) + " — Corridor</title>" + "<link rel=\"icon\" href=\"" + context
                    + "/favicon.svg\" type=\"image/svg+xml\">" + "<link rel=\"stylesheet\" href=\"" + context
                    + "/corridor.css\"></head><body>" + "<header class=\"bar\"><a class=\"brand\" href=\"" + context
                    + "/\">Corridor</a></header>" + "<main id=\"main\" class=\"narrow\"><h1>"
                    + HtmlUtils.htmlEscape(title) + "</h1>" + "<p class=\"problem\" role=\"alert\">"
                    + HtmlUtils.htmlEscape(detail) + "</p>" + "<ul class=\"screens\"><li><a href=\"" + context
                    + "/login\">Sign in again</a></li></ul>" + "</main></body></html>");
    }

    /**
     * The firewall's refusals (an encoded slash, percent or dot, a semicolon, a double
     * slash, a method outside the usual ones): a method is answered 405 with the methods
     * Corridor knows, anything else 400. The detail does not echo the request: it can
     * carry anything.
     */
    RequestRejectedHandler rejected() {
        return (request, response, e) -> {
            if (!KNOWN_METHODS.contains(request.getMethod())) {
                response.setHeader(HttpHeaders.ALLOW, String.join(", ", KNOWN_METHODS));
                write(response, HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "Method not allowed",
                        "Corridor answers " + String.join(", ", KNOWN_METHODS) + " only.");
                return;
            }
            write(response, HttpStatus.BAD_REQUEST, "rejected-request", "Request refused",
                    "The address contains something Corridor does not accept, such as an encoded slash, percent "
                            + "sign or dot, a semicolon, or a double slash.");
        };
    }

    /** The methods the firewall lets through (StrictHttpFirewall's default). */
    private static final List<String> KNOWN_METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE",
            "OPTIONS");

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
