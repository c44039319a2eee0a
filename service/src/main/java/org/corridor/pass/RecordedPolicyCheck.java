package org.corridor.pass;

import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import org.corridor.location.LocationRepository;
import org.corridor.rules.Severity;
import org.corridor.workflow.pass.PolicyCheck;

/**
 * The lifecycle's first step: the district's policy judges the new pass, and the flags it
 * raises are recorded on the pass with the facts that raised them. Runs inside the
 * engine's transaction, as the transitions do.
 */
@Component
class RecordedPolicyCheck implements PolicyCheck {

    private final PassRepository passes;

    private final PassPolicy policy;

    private final LocationRepository locations;

    private final Places places;

    RecordedPolicyCheck(PassRepository passes, PassPolicy policy, LocationRepository locations, Places places) {
        this.places = places;
        this.passes = passes;
        this.policy = policy;
        this.locations = locations;
    }

    /**
     * A pass that may start without approval (auto, proxy, appointment) may be out before
     * this transaction ends, so it counts who is out at its destination under the
     * destination's lock, as an approval does (see {@link PassDecisions#approve}); the
     * lock is held until the pass is active and committed. A regular request only waits
     * for a teacher, who counts again under the lock when approving. An auto or proxy
     * pass already took the lock in {@link PassRequests} before its insert; taking it
     * again is a no-op.
     */
    @Override
    public boolean blocks(String passId) {
        Pass pass = passes.findById(passId)
            .orElseThrow(() -> new IllegalStateException("the process of pass " + passId + " has no pass"));
        if (pass.getPassType() != PassType.REGULAR) {
            locations.lockById(pass.getDestinationId());
        }
        PassPolicy.Outcome outcome = policy.evaluate(pass);
        // The hallway limit's flag, for the teacher who may decide the student's request;
        // an auto pass counts under the hallway's lock, which it holds until it starts.
        pass.recordEvaluation(Places.with(outcome.flags(), switch (pass.getPassType()) {
            case REGULAR -> places.hallLimitFlag(pass);
            case AUTO -> places.hallLimitFlagLocked(pass);
            default -> java.util.Optional.<org.corridor.rules.RaisedFlag>empty();
        }), outcome.factsJson());
        if (pass.hasBlockingFlag()) {
            pass.recordDenyReason(pass.getFlags()
                .stream()
                .filter(f -> f.getSeverity() == Severity.BLOCK)
                .map(PassFlag::getStudentMessage)
                .collect(Collectors.joining("; ")));
            return true;
        }
        return false;
    }

}
