package org.corridor.request;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import org.corridor.pass.RequestReceipts;
import org.corridor.pass.PassView;
import org.corridor.security.Caller;

/**
 * The teacher's Requests tab: every pending request sent to them, each with its current
 * flags.
 */
@RestController
class RequestsController {

    private final RequestReceipts passes;

    RequestsController(RequestReceipts passes) {
        this.passes = passes;
    }

    @GetMapping("/api/requests")
    List<PassView> requests(Caller caller) {
        return passes.requestsFor(caller);
    }

    /**
     * The administrator's Requests view: pending requests of their schools that were
     * escalated unopened.
     */
    @GetMapping("/api/admin/requests")
    List<PassView> escalated(Caller caller) {
        return passes.escalatedFor(caller);
    }

}
