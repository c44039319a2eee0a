package org.corridor.pass;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import org.corridor.security.Caller;

/**
 * Each call that writes runs in its own transaction, restarted if the database chose it
 * as a deadlock victim (the services' {@code RestartOnDeadlock}); its answer is made in
 * that transaction.
 */
@RestController
@Validated
@RequestMapping("/api/passes")
class PassController {

    /**
     * A kiosk's lookup sends the student's PIN in a header, never in the address, which
     * access logs keep.
     */
    static final String PIN_HEADER = "X-Student-Pin";

    private final PassRequests requests;

    private final PassDecisions decisions;

    private final PassQueries queries;

    private final RequestReceipts receipts;

    PassController(PassRequests requests, PassDecisions decisions, PassQueries queries, RequestReceipts receipts) {
        this.requests = requests;
        this.decisions = decisions;
        this.queries = queries;
        this.receipts = receipts;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    PassView request(Caller caller, @Valid @RequestBody NewPass body,
            @RequestHeader(name = "Idempotency-Key", required = false) @Size(max = 100) String idempotencyKey) {
        return requests.request(caller, body, idempotencyKey);
    }

    @GetMapping("/{id}")
    PassView pass(Caller caller, @PathVariable String id) {
        return receipts.open(caller, id);
    }

    @GetMapping
    List<PassView> passes(Caller caller, @RequestParam(required = false) PassState state,
            @RequestParam(required = false) @Size(max = 36) String schoolId,
            @RequestParam(required = false) @Size(max = 36) String studentId,
            @RequestParam(required = false) @Size(min = 1, max = 64) String studentNumber,
            @RequestHeader(name = PIN_HEADER, required = false) @Size(max = 64) String pin) {
        if (studentNumber != null) {
            return queries.atKiosk(caller, studentNumber, pin);
        }
        return queries.list(caller, state, schoolId, studentId);
    }

    @PostMapping("/{id}/approve")
    PassView approve(Caller caller, @PathVariable String id, @Valid @RequestBody(required = false) Approval body) {
        return decisions.approve(caller, id, body);
    }

    @PostMapping("/{id}/deny")
    PassView deny(Caller caller, @PathVariable String id, @Valid @RequestBody(required = false) Denial body) {
        return decisions.deny(caller, id, body);
    }

    @PostMapping("/{id}/cancel")
    PassView cancel(Caller caller, @PathVariable String id) {
        return decisions.cancel(caller, id);
    }

    @PostMapping("/{id}/check-in")
    PassView checkIn(Caller caller, @PathVariable String id) {
        return decisions.checkIn(caller, id);
    }

    @PostMapping("/{id}/end")
    PassView end(Caller caller, @PathVariable String id) {
        return decisions.end(caller, id);
    }

}
