package org.mimeo.config;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.DynamicUpdate;

/** Logdel replication (mimeo.refresh_config_logdel). */
@Entity
@DynamicUpdate
@Table(name = "refresh_config_logdel", schema = "mimeo")
public class RefreshConfigLogdel extends QueueConfig {

    public static final String TYPE = "logdel";

    public RefreshConfigLogdel() {
        super(TYPE);
    }

    @Override
    public boolean keepsDeletedRows() {
        return true;
    }
}
