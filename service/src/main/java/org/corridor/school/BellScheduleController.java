package org.corridor.school;

import java.util.List;

import jakarta.validation.constraints.Size;

import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import org.corridor.security.Caller;

/**
 * A school's bell schedule, read and replaced whole by its administrators (see
 * {@link BellSchedules}).
 */
@RestController
@Validated
@RequestMapping("/api/admin/schools/{id}/periods")
class BellScheduleController {

    private final BellSchedules schedules;

    BellScheduleController(BellSchedules schedules) {
        this.schedules = schedules;
    }

    @GetMapping
    List<BellSchedules.PeriodView> schedule(Caller caller, @PathVariable @Size(max = 36) String id) {
        return schedules.schedule(caller, id);
    }

    @PutMapping
    List<BellSchedules.PeriodView> replace(Caller caller, @PathVariable @Size(max = 36) String id,
            @RequestBody List<BellSchedules.PeriodView> body) {
        return schedules.replace(caller, id, body);
    }

}
