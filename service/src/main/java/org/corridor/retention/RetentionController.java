package org.corridor.retention;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import org.corridor.security.Caller;

/** How long the district keeps each kind of record, and what the purge last removed. */
@RestController
class RetentionController {

    private final Retention retention;

    RetentionController(Retention retention) {
        this.retention = retention;
    }

    @GetMapping("/api/admin/retention")
    Retention.View view(Caller caller) {
        return retention.view(caller);
    }

    @PutMapping("/api/admin/retention")
    Retention.View change(Caller caller, @RequestBody(required = false) RetentionSettings settings) {
        return retention.change(caller, settings);
    }

}
