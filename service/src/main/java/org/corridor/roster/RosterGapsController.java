package org.corridor.roster;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import org.corridor.security.Caller;

/** The roster's gaps of one school, for its administrators. */
@RestController
class RosterGapsController {

    private final RosterGaps gaps;

    RosterGapsController(RosterGaps gaps) {
        this.gaps = gaps;
    }

    @GetMapping("/api/admin/schools/{id}/roster-gaps")
    RosterGaps.Report of(Caller caller, @PathVariable String id) {
        return gaps.of(caller, id);
    }

}
