package org.corridor.audit;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.corridor.pass.PassHistory;
import org.corridor.reads.ReadLog;
import org.corridor.security.Caller;

/**
 * A pass's path through its BPMN processes, for auditors and administrators of its
 * district.
 */
@Service
public class PassPaths {

    private final PassHistory history;

    private final ProcessPaths engine;

    private final ReadLog reads;

    PassPaths(PassHistory history, ProcessPaths engine, ReadLog reads) {
        this.reads = reads;
        this.history = history;
        this.engine = engine;
    }

    public record Path(String passId, List<ProcessPaths.ProcessPath> processes) {
    }

    @Transactional(readOnly = true)
    public Path of(Caller caller, String passId) {
        String student = history.requireAuditable(caller, passId);
        reads.pass(caller, ReadLog.What.PATH, "GET /api/audit/passes/{id}/path", passId, student);
        return new Path(passId, engine.of(passId, caller.districtId()));
    }

}
