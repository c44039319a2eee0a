package org.corridor.pass;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import org.corridor.security.Caller;

/** A destination teacher's arrivals and who is in the room now. */
@RestController
class ArrivalsController {

    private final Arrivals arrivals;

    ArrivalsController(Arrivals arrivals) {
        this.arrivals = arrivals;
    }

    @GetMapping("/api/arrivals")
    ArrivalsView arrivals(Caller caller) {
        return arrivals.of(caller);
    }

}
