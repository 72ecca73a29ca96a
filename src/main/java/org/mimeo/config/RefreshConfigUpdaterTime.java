package org.mimeo.config;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.DynamicUpdate;

/** Updater replication with a time-based control column (mimeo.refresh_config_updater_time). */
@Entity
@DynamicUpdate
@Table(name = "refresh_config_updater_time", schema = "mimeo")
public class RefreshConfigUpdaterTime extends TimeIncrementalConfig {

    public static final String TYPE = "updater_time";

    public RefreshConfigUpdaterTime() {
        super(TYPE);
    }
}
