package org.corridor.workflow.pass;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;

/** One in-memory engine per test JVM: no job executor, so timers fire only when a test says so. */
final class InMemoryEngine {
    private static ProcessEngine engine;

    private InMemoryEngine() {
    }

    static synchronized ProcessEngineExtension extension() {
        if (engine == null) {
            var config = new StandaloneInMemProcessEngineConfiguration();
            config.setJdbcUrl("jdbc:h2:mem:workflows;DB_CLOSE_DELAY=-1");
            config.setJobExecutorActivate(false);
            config.setHistory("full");
            config.setExpressionManager(new MockExpressionManager());
            engine = config.buildProcessEngine();
        }
        return ProcessEngineExtension.builder().useProcessEngine(engine).build();
    }
}
