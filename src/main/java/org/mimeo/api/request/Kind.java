package org.mimeo.api.request;

import org.mimeo.config.IncrementalConfig;
import org.mimeo.config.QueueConfig;
import org.mimeo.config.RefreshConfig;
import org.mimeo.config.RefreshConfigSnap;
import org.mimeo.config.RefreshConfigTable;

/**
 * Bean Validation groups, one per kind of stored replication: refresh and PATCH bodies are one shape for
 * every type, and the rules of the replication's kind are selected by validating in its group.
 */
public final class Kind {

    public interface Snap {
    }

    public interface Table {
    }

    public interface Incremental {
    }

    public interface TimeBased {
    }

    public interface Serial {
    }

    public interface Queue {
    }

    private Kind() {
    }

    /** The groups whose rules apply to requests about {@code config}. */
    public static Class<?>[] of(RefreshConfig config) {
        if (config instanceof RefreshConfigSnap) {
            return new Class<?>[] {Snap.class};
        }
        if (config instanceof RefreshConfigTable) {
            return new Class<?>[] {Table.class};
        }
        if (config instanceof IncrementalConfig incremental) {
            return new Class<?>[] {Incremental.class, incremental.isTimeBased() ? TimeBased.class : Serial.class};
        }
        if (config instanceof QueueConfig) {
            return new Class<?>[] {Queue.class};
        }
        throw new IllegalStateException("no request rules for stored type " + config.getType());
    }
}
