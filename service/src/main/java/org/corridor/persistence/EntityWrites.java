package org.corridor.persistence;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import jakarta.annotation.PostConstruct;
import jakarta.persistence.EntityManagerFactory;

import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.PostDeleteEvent;
import org.hibernate.event.spi.PostDeleteEventListener;
import org.hibernate.event.spi.PostInsertEvent;
import org.hibernate.event.spi.PostInsertEventListener;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.event.spi.PostUpdateEventListener;
import org.hibernate.persister.entity.EntityPersister;
import org.springframework.stereotype.Component;

/**
 * Tells whoever holds an entity's data in memory that Hibernate wrote it (inserted,
 * updated or deleted it), at the flush, inside the writing transaction: every write
 * through JPA, whichever service made it, so no write path can be forgotten. Writes in
 * plain SQL are not seen here; their authors say so themselves.
 */
@Component
public class EntityWrites implements PostInsertEventListener, PostUpdateEventListener, PostDeleteEventListener {

    private final EntityManagerFactory entityManagers;

    private final List<Watch<?>> watches = new CopyOnWriteArrayList<>();

    EntityWrites(EntityManagerFactory entityManagers) {
        this.entityManagers = entityManagers;
    }

    private record Watch<T>(Class<T> type, Consumer<T> written) {

        void tell(Object entity) {
            if (type.isInstance(entity)) {
                written.accept(type.cast(entity));
            }
        }

    }

    /** Calls {@code written} with each entity of the type written from now on. */
    public <T> void watch(Class<T> type, Consumer<T> written) {
        watches.add(new Watch<>(type, written));
    }

    @PostConstruct
    void listen() {
        EventListenerRegistry registry = entityManagers.unwrap(SessionFactoryImplementor.class)
            .getServiceRegistry()
            .getService(EventListenerRegistry.class);
        registry.appendListeners(EventType.POST_INSERT, this);
        registry.appendListeners(EventType.POST_UPDATE, this);
        registry.appendListeners(EventType.POST_DELETE, this);
    }

    @Override
    public void onPostInsert(PostInsertEvent event) {
        written(event.getEntity());
    }

    @Override
    public void onPostUpdate(PostUpdateEvent event) {
        written(event.getEntity());
    }

    @Override
    public void onPostDelete(PostDeleteEvent event) {
        written(event.getEntity());
    }

    private void written(Object entity) {
        watches.forEach(watch -> watch.tell(entity));
    }

    @Override
    public boolean requiresPostCommitHandling(EntityPersister persister) {
        return false;
    }

}
