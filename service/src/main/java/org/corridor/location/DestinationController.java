package org.corridor.location;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import org.corridor.security.Caller;

@RestController
class DestinationController {

    private final Destinations destinations;

    DestinationController(Destinations destinations) {
        this.destinations = destinations;
    }

    @GetMapping("/api/schools/{schoolId}/destinations")
    List<Destinations.DestinationView> destinations(Caller caller, @PathVariable String schoolId) {
        return destinations.of(caller, schoolId);
    }

}
