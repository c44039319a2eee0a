package org.corridor.persistence;

import java.util.UUID;

import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

/**
 * Ids are chosen here, not by the database, so the same migrations run on H2 and MariaDB
 * and an id can be handed to the engine before the row is flushed. The version makes
 * concurrent writers fail instead of overwriting each other.
 */
@MappedSuperclass
public abstract class Identified {

    @Id
    private String id = UUID.randomUUID().toString();

    @Version
    private Long version;

    protected Identified() {
    }

    /** One read outside the persistence context, as it is stored. */
    protected Identified(String id, Long version) {
        this.id = id;
        this.version = version;
    }

    public String getId() {
        return id;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Identified that && getClass() == that.getClass() && id.equals(that.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

}
