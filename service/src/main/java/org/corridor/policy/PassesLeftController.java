package org.corridor.policy;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import org.corridor.security.Caller;

/** A student's passes left today and this week, under the district's rules. */
@RestController
class PassesLeftController {

    private final PassLimits limits;

    PassesLeftController(PassLimits limits) {
        this.limits = limits;
    }

    @GetMapping("/api/me/passes-left")
    PassLimits.PassesLeft passesLeft(Caller caller) {
        return limits.of(caller);
    }

}
