package org.corridor.location;

import java.net.URI;
import java.util.List;

import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import org.corridor.security.Caller;

/**
 * A school's rooms and destinations, as administrators set them up (see
 * {@link SchoolLocations}). Administrators change them; auditors read them.
 */
@RestController
@Validated
@RequestMapping("/api/admin/schools/{schoolId}")
class LocationAdminController {

    private final SchoolLocations locations;

    LocationAdminController(SchoolLocations locations) {
        this.locations = locations;
    }

    /** Every location of the school, classrooms and destinations, by name. */
    @GetMapping("/locations")
    List<LocationView> locations(Caller caller, @PathVariable @Size(max = 36) String schoolId) {
        return locations.locations(caller, schoolId);
    }

    /**
     * Makes a new destination: 201 with its address, 409 for a name the school already
     * uses.
     */
    @PostMapping("/destinations")
    ResponseEntity<LocationView> create(Caller caller, @PathVariable @Size(max = 36) String schoolId,
            @RequestBody LocationChange body) {
        SchoolLocations.Created created = locations.create(caller, schoolId, body);
        return ResponseEntity
            .created(URI.create("/api/admin/schools/" + created.schoolId() + "/locations/" + created.location().id()))
            .body(created.location());
    }

    /**
     * A partial update of a room or destination, validated whole; nothing changes on any
     * refusal.
     */
    @PutMapping("/locations/{id}")
    LocationView change(Caller caller, @PathVariable @Size(max = 36) String schoolId,
            @PathVariable @Size(max = 36) String id, @RequestBody LocationChange body) {
        return locations.change(caller, schoolId, id, body);
    }

    /**
     * Deletes a location nothing refers to; one still referred to is kept, with a 409.
     */
    @DeleteMapping("/locations/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(Caller caller, @PathVariable @Size(max = 36) String schoolId, @PathVariable @Size(max = 36) String id) {
        locations.delete(caller, schoolId, id);
    }

}
