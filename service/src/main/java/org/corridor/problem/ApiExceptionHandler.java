package org.corridor.problem;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import org.corridor.persistence.DeadlockRetry;
import org.corridor.rules.CompiledRuleSet;
import org.corridor.workflow.pass.LifecycleConflictException;

/**
 * Every error leaves as an RFC 9457 problem body. Errors are logged or answered, never
 * dropped.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ProblemDetail> refused(ApiProblem problem) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(problem.status());
        problem.headers().forEach((name, value) -> answer.header(name, value));
        return answer.body(problem.toProblemDetail());
    }

    @ExceptionHandler(LifecycleConflictException.class)
    ResponseEntity<ProblemDetail> lifecycleConflict(LifecycleConflictException e) {
        return refused(ApiProblem
            .conflict("pass-state", "Pass changed", "This pass cannot take that step: " + e.getMessage() + ".")
            .with("passId", e.passId()));
    }

    /**
     * A dry-run or replay of a rule set that ran past its time budget (passes get a flag
     * instead).
     */
    @ExceptionHandler(CompiledRuleSet.OverBudgetException.class)
    ResponseEntity<ProblemDetail> ruleSetOverBudget(CompiledRuleSet.OverBudgetException e) {
        return refused(new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "rule-set-over-budget", "Rule set too slow",
                "This rule set ran longer than " + CompiledRuleSet.BUDGET.toSeconds() + " s on these facts and was "
                        + "stopped; passes under it would be flagged \"policy could not be checked\". Simplify its "
                        + "conditions."));
    }

    /** Two writers met on the same row: the later one's version check failed. */
    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> concurrentChange(OptimisticLockingFailureException e) {
        return refused(ApiProblem.conflict("concurrent-change", "Changed at the same moment",
                "Someone else changed this at the same moment. Reload it and try again."));
    }

    /**
     * A lock not granted in time (H2's lock timeout is short) or a deadlock victim
     * (MariaDB): the transaction was rolled back whole, so nothing changed and the same
     * call can simply be made again.
     */
    @ExceptionHandler(PessimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> lockNotGranted(Exception e) {
        log.info("Lock not granted, answered 409 to retry: {}", e.getMessage());
        return refused(ApiProblem.conflict("concurrent-change", "Changed at the same moment",
                "Others were changing this at the same moment. Nothing was changed; try again."));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (DeadlockRetry.isDeadlockVictim(e)) {
            // still losing after the retries (the engine wraps the driver's exception in
            // its own)
            return lockNotGranted(e);
        }
        String reference = UUID.randomUUID().toString();
        log.error("Unexpected error, reference {}", reference, e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side. Nothing was changed. Reference: " + reference);
        problem.setType(ProblemTypes.uri("internal"));
        problem.setTitle("Internal error");
        problem.setProperty("reference", reference);
        return ResponseEntity.internalServerError().body(problem);
    }

    /** A constrained header or query parameter of a {@code @Validated} controller. */
    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> invalidParameter(ConstraintViolationException e) {
        return invalid(e.getConstraintViolations().stream().map(v -> {
            String field = null;
            for (Path.Node node : v.getPropertyPath()) {
                field = node.getName();
            }
            return new FieldError(field, v.getMessage());
        }).toList());
    }

    /**
     * The same, from Spring's own method validation (controllers without
     * {@code @Validated}).
     */
    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = e.getParameterValidationResults()
            .stream()
            .flatMap(r -> r.getResolvableErrors()
                .stream()
                .map(error -> new FieldError(r.getMethodParameter().getParameterName(), error.getDefaultMessage())))
            .toList();
        return ResponseEntity.badRequest().body(invalid(errors).getBody());
    }

    private static ResponseEntity<ProblemDetail> invalid(List<FieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request has " + errors.size() + " invalid field(s): "
                        + String.join(", ", errors.stream().map(FieldError::field).toList()) + ".");
        problem.setType(ProblemTypes.uri("invalid-input"));
        problem.setTitle("Invalid input");
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = e.getBindingResult()
            .getFieldErrors()
            .stream()
            .map(f -> new FieldError(f.getField(), f.getDefaultMessage()))
            .toList();
        return ResponseEntity.badRequest().body(invalid(errors).getBody());
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof ApiProblem refused) {
                // raised while the body was being read, such as a chunked body over the
                // size limit
                return ResponseEntity.status(refused.status()).body(refused.toProblemDetail());
            }
        }
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
        problem.setType(ProblemTypes.uri("unreadable-body"));
        problem.setTitle("Unreadable request body");
        if (e.getCause() instanceof InvalidFormatException bad && !bad.getPath().isEmpty()) {
            String field = fieldOf(bad.getPath());
            String message = bad.getTargetType().isEnum()
                    ? "must be one of " + Arrays.toString(bad.getTargetType().getEnumConstants())
                    : "has the wrong format";
            problem.setDetail("Field '" + field + "' " + message + ".");
            problem.setProperty("errors", List.of(new FieldError(field, message)));
        }
        else if (e.getCause() instanceof MismatchedInputException bad && !bad.getPath().isEmpty()) {
            String field = fieldOf(bad.getPath());
            problem.setDetail("Field '" + field + "' has the wrong type.");
            problem.setProperty("errors", List.of(new FieldError(field, "has the wrong type")));
        }
        else {
            problem.setDetail("The request body is missing or is not valid JSON.");
        }
        return ResponseEntity.badRequest().body(problem);
    }

    /**
     * The field as the screens name it ({@code [2].startsAt} in a list): an element of a
     * list has no name, only its index, and a problem's field is never empty.
     */
    private static String fieldOf(List<JsonMappingException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference step : path) {
            if (step.getFieldName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(step.getFieldName());
            }
            else if (step.getIndex() >= 0) {
                field.append('[').append(step.getIndex()).append(']');
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }

}
