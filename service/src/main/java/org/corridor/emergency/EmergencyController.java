package org.corridor.emergency;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import org.corridor.security.Caller;

@RestController
@RequestMapping("/api/admin/schools/{schoolId}/emergency")
class EmergencyController {

    private final Emergencies emergencies;

    EmergencyController(Emergencies emergencies) {
        this.emergencies = emergencies;
    }

    /**
     * Ends every pending and active pass at once; answers with the students who were out
     * and where.
     */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Emergencies.Declared declare(Caller caller, @PathVariable String schoolId) {
        return emergencies.declare(caller, schoolId);
    }

    @GetMapping
    Emergencies.Status status(Caller caller, @PathVariable String schoolId) {
        return emergencies.read(caller, schoolId);
    }

    /** Clears the emergency: requests are accepted again. */
    @DeleteMapping
    Emergencies.Status clear(Caller caller, @PathVariable String schoolId) {
        return emergencies.clear(caller, schoolId);
    }

}
