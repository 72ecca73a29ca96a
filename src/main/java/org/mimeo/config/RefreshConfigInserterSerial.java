package org.mimeo.config;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.DynamicUpdate;

/** Inserter replication with a serial-based control column (mimeo.refresh_config_inserter_serial). */
@Entity
@DynamicUpdate
@Table(name = "refresh_config_inserter_serial", schema = "mimeo")
public class RefreshConfigInserterSerial extends SerialIncrementalConfig {

    public static final String TYPE = "inserter_serial";

    public RefreshConfigInserterSerial() {
        super(TYPE);
    }
}
