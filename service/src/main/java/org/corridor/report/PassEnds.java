package org.corridor.report;

import jakarta.annotation.PostConstruct;
import jakarta.persistence.EntityManagerFactory;

import org.hibernate.action.spi.BeforeTransactionCompletionProcess;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventSource;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.PostInsertEvent;
import org.hibernate.event.spi.PostInsertEventListener;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.event.spi.PostUpdateEventListener;
import org.hibernate.persister.entity.EntityPersister;
import org.springframework.stereotype.Component;

import org.corridor.pass.Pass;
import org.corridor.pass.PassState;

/**
 * Summarizes each pass in the transaction that ends it, however it ends (a teacher, the
 * student, a kiosk, the engine's timers, the policy). Hibernate tells of every pass
 * written whose state became an ended one; the summary is written just before the
 * transaction commits, once everything of it (the pass's flags too) is flushed, on its
 * connection: it commits or rolls back with the pass.
 */
@Component
class PassEnds implements PostUpdateEventListener, PostInsertEventListener {

    private final EntityManagerFactory entityManagers;

    PassEnds(EntityManagerFactory entityManagers) {
        this.entityManagers = entityManagers;
    }

    @PostConstruct
    void listen() {
        EventListenerRegistry registry = entityManagers.unwrap(SessionFactoryImplementor.class)
            .getServiceRegistry()
            .getService(EventListenerRegistry.class);
        registry.appendListeners(EventType.POST_UPDATE, this);
        registry.appendListeners(EventType.POST_INSERT, this);
    }

    @Override
    public void onPostUpdate(PostUpdateEvent event) {
        if (event.getEntity() instanceof Pass pass && ended(pass.getState())) {
            Object before = stateBefore(event.getOldState(), event.getPersister());
            if (before == null || !ended(PassState.valueOf(before.toString()))) {
                summarize(event.getSession(), pass.getId());
            }
        }
    }

    @Override
    public void onPostInsert(PostInsertEvent event) {
        if (event.getEntity() instanceof Pass pass && ended(pass.getState())) {
            summarize(event.getSession(), pass.getId());
        }
    }

    @Override
    public boolean requiresPostCommitHandling(EntityPersister persister) {
        return false;
    }

    private static boolean ended(PassState state) {
        return PassSummaries.ENDED.contains(state.name());
    }

    private static Object stateBefore(Object[] old, EntityPersister persister) {
        if (old == null) {
            return null;
        }
        String[] names = persister.getPropertyNames();
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals("state")) {
                return old[i];
            }
        }
        return null;
    }

    private static void summarize(EventSource session, String passId) {
        session.getActionQueue()
            .registerProcess((BeforeTransactionCompletionProcess) s -> s.doWork(c -> PassSummaries.ended(c, passId)));
    }

}
