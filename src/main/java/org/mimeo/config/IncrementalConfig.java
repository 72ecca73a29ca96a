package org.mimeo.config;

import jakarta.persistence.MappedSuperclass;

/** Columns of inserter and updater replications: the control column and, for updaters, the replication key. */
@MappedSuperclass
public abstract class IncrementalConfig extends KeyedConfig {

    protected IncrementalConfig() {
    }

    protected IncrementalConfig(String type) {
        super(type);
    }

    /** "inserter" or "updater": the type name of the REST contract. */
    public String kind() {
        return getType().substring(0, getType().indexOf('_'));
    }

    public abstract boolean isTimeBased();

    /** The boundary as text: an interval for time-based, an integer for serial. */
    public abstract String boundaryText();
}
