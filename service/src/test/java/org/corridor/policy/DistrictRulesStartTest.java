package org.corridor.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.corridor.cluster.Broadcasts;
import org.corridor.rules.DefaultRuleSet;

/**
 * The start-up compile of the districts' active versions runs off the thread that
 * announces the application ready, so health does not wait for the compiler, and still
 * leaves each version compiled before any request asks for it.
 */
class DistrictRulesStartTest {

    private final RuleSet active = RuleSet.active("district-1", 1, DefaultRuleSet.drl(), "admin", "default",
            Instant.parse("2026-12-05T08:00:00Z"));

    /** Held shut until a test opens it: the active versions cannot be read until then. */
    private final CountDownLatch database = new CountDownLatch(1);

    private final DistrictRules rules = new DistrictRules(slowRepository(), new OneInstance());

    @AfterEach
    void openTheDatabase() {
        database.countDown();
    }

    @Test
    void readyEventReturnsWhileTheActiveVersionsAreStillBeingRead() {
        Instant before = Instant.now();

        rules.compileActiveVersionsInBackground();

        assertThat(Duration.between(before, Instant.now())).isLessThan(Duration.ofSeconds(5));
        assertThat(rules.isCompiled(active.getId())).isFalse();
    }

    @Test
    void activeVersionIsCompiledAfterStartWithoutAnyRequest() throws InterruptedException {
        rules.compileActiveVersionsInBackground();
        database.countDown();

        assertThat(eventuallyCompiled(Duration.ofSeconds(60))).isTrue();
    }

    private boolean eventuallyCompiled(Duration within) throws InterruptedException {
        Instant deadline = Instant.now().plus(within);
        while (Instant.now().isBefore(deadline)) {
            if (rules.isCompiled(active.getId())) {
                return true;
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
        return false;
    }

    /**
     * Answers the reads of the start-up compile and of a request, from the one active
     * version; the list of active versions only once the latch is open.
     */
    private RuleSetRepository slowRepository() {
        return (RuleSetRepository) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { RuleSetRepository.class }, (proxy, method, args) -> switch (method.getName()) {
                    case "findByStatus" -> {
                        if (!database.await(60, TimeUnit.SECONDS)) {
                            throw new IllegalStateException("the test never opened the database");
                        }
                        yield List.of(active);
                    }
                    case "idOf" -> Optional.of(active.getId());
                    case "findById" -> Optional.of(active);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static final class OneInstance implements Broadcasts {

        @Override
        public void publish(String topic, String message) {
        }

        @Override
        public void subscribe(String topic, Consumer<String> listener) {
        }

        @Override
        public boolean clustered() {
            return false;
        }

    }

}
