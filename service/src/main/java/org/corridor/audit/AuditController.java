package org.corridor.audit;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import org.corridor.pass.PassHistory;
import org.corridor.security.Caller;

/** What happened to a pass, step by step, who did it and what the rules said. */
@RestController
class AuditController {
    private final PassHistory history;

    AuditController(PassHistory history) {
        this.history = history;
    }

    @GetMapping("/api/audit/passes/{id}")
    PassHistory.Timeline pass(Caller caller, @PathVariable String id) {
        return history.of(caller, id);
    }
}
