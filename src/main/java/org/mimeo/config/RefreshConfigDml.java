package org.mimeo.config;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.DynamicUpdate;

/** Dml replication (mimeo.refresh_config_dml). */
@Entity
@DynamicUpdate
@Table(name = "refresh_config_dml", schema = "mimeo")
public class RefreshConfigDml extends QueueConfig {

    public static final String TYPE = "dml";

    public RefreshConfigDml() {
        super(TYPE);
    }

    @Override
    public boolean keepsDeletedRows() {
        return false;
    }
}
