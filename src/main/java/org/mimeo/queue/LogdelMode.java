package org.mimeo.queue;

import jakarta.enterprise.context.ApplicationScoped;
import org.mimeo.config.QueueConfig;
import org.mimeo.config.RefreshConfigLogdel;

/** Logdel replication (logdel_maker, refresh_logdel): like dml, but deleted rows stay, stamped mimeo_source_deleted. */
@ApplicationScoped
public class LogdelMode extends QueueMode {

    @Override
    public String type() {
        return RefreshConfigLogdel.TYPE;
    }

    @Override
    QueueConfig newConfig() {
        return new RefreshConfigLogdel();
    }

    @Override
    boolean keepsDeletedRows() {
        return true;
    }
}
