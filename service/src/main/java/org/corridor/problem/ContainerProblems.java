package org.corridor.problem;

import org.springframework.http.HttpStatus;

/**
 * The problem for a status the servlet container chose without Corridor's code running:
 * the status's own words, and no echo of the request (it can carry anything).
 */
final class ContainerProblems {

    private ContainerProblems() {
    }

    static ApiProblem of(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> new ApiProblem(status, "not-found", "Not found", "There is nothing at this address.");
            case METHOD_NOT_ALLOWED -> new ApiProblem(status, "method-not-allowed", "Method not allowed",
                    "This address does not answer that method.");
            case BAD_REQUEST -> new ApiProblem(status, "rejected-request", "Request refused",
                    "The request is malformed or its address contains something Corridor does not accept, such as "
                            + "an encoded slash.");
            default -> status.is5xxServerError()
                    ? new ApiProblem(status, "internal", "Internal error",
                            "Something went wrong on our side. Nothing was changed.")
                    : new ApiProblem(status, status.getReasonPhrase().toLowerCase().replace(' ', '-'),
                            status.getReasonPhrase(), "The request was refused (" + status.value() + ").");
        };
    }

}
