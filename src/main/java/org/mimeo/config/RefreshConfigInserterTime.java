package org.mimeo.config;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.DynamicUpdate;

/** Inserter replication with a time-based control column (mimeo.refresh_config_inserter_time). */
@Entity
@DynamicUpdate
@Table(name = "refresh_config_inserter_time", schema = "mimeo")
public class RefreshConfigInserterTime extends TimeIncrementalConfig {

    public static final String TYPE = "inserter_time";

    public RefreshConfigInserterTime() {
        super(TYPE);
    }
}
