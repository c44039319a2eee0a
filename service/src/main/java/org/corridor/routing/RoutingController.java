package org.corridor.routing;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.corridor.security.Caller;

/**
 * {@code GET /api/admin/routing?studentId=&teacherId=&at=&limit=}: where a request from
 * the student would go at that moment and why, and where their recent requests went.
 * Administrators and auditors; read only.
 */
@RestController
class RoutingController {

    private final RoutingDiagnosis diagnosis;

    RoutingController(RoutingDiagnosis diagnosis) {
        this.diagnosis = diagnosis;
    }

    @GetMapping("/api/admin/routing")
    RoutingAnswer routing(Caller caller, @RequestParam(required = false) String studentId,
            @RequestParam(required = false) String studentNumber, @RequestParam(required = false) String teacherId,
            @RequestParam(required = false) String at, @RequestParam(required = false) String limit) {
        return diagnosis.diagnose(caller, new RoutingDiagnosis.Question(given(studentId), given(studentNumber),
                given(teacherId), given(at), given(limit)));
    }

    /** An empty parameter is as if it were not sent. */
    private static String given(String parameter) {
        return parameter == null || parameter.isBlank() ? null : parameter.strip();
    }

}
