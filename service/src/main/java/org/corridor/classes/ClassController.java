package org.corridor.classes;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import org.corridor.person.Role;
import org.corridor.security.Caller;

/** The teacher's view of the class they are running now. */
@RestController
@RequestMapping("/api/classes")
class ClassController {

    private final CurrentClasses currentClasses;

    ClassController(CurrentClasses currentClasses) {
        this.currentClasses = currentClasses;
    }

    /**
     * The sections the teacher teaches (as main or co-teacher) whose period is in session
     * now, each with its students sorted by name and the badge of the pass each one is
     * out on, if any. An administrator impersonating a teacher sees that teacher's
     * classes.
     */
    @GetMapping("/current")
    ClassesView current(Caller caller) {
        caller.require(Role.TEACHER, "see the class they are running");
        return currentClasses.of(caller.person());
    }

}
