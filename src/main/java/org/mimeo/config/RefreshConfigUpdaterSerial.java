package org.mimeo.config;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.DynamicUpdate;

/** Updater replication with a serial-based control column (mimeo.refresh_config_updater_serial). */
@Entity
@DynamicUpdate
@Table(name = "refresh_config_updater_serial", schema = "mimeo")
public class RefreshConfigUpdaterSerial extends SerialIncrementalConfig {

    public static final String TYPE = "updater_serial";

    public RefreshConfigUpdaterSerial() {
        super(TYPE);
    }
}
