package org.corridor.problem;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * A refusal a person can read: the status, a short title, a sentence saying why, and any
 * facts a client needs to recover (the open pass, the new flags). Thrown before anything
 * is changed.
 */
public class ApiProblem extends RuntimeException {

    private final HttpStatus status;

    private final String type;

    private final String title;

    private final Map<String, Object> properties = new LinkedHashMap<>();

    private final Map<String, String> headers = new LinkedHashMap<>();

    public ApiProblem(HttpStatus status, String type, String title, String detail) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
    }

    public static ApiProblem notFound(String what, String id) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "not-found", what + " not found",
                "There is no " + what.toLowerCase() + " " + id + " in your district.");
    }

    public static ApiProblem forbidden(String detail) {
        return new ApiProblem(HttpStatus.FORBIDDEN, "forbidden", "Not allowed", detail);
    }

    public static ApiProblem conflict(String type, String title, String detail) {
        return new ApiProblem(HttpStatus.CONFLICT, type, title, detail);
    }

    public ApiProblem with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    /** A header of the answer, such as the {@code Retry-After} of a 429. */
    public ApiProblem withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public HttpStatus status() {
        return status;
    }

    public ProblemDetail toProblemDetail() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, getMessage());
        problem.setType(ProblemTypes.uri(type));
        problem.setTitle(title);
        properties.forEach(problem::setProperty);
        return problem;
    }

}
