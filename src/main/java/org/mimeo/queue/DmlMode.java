package org.mimeo.queue;

import jakarta.enterprise.context.ApplicationScoped;
import org.mimeo.config.QueueConfig;
import org.mimeo.config.RefreshConfigDml;

/** DML replication (dml_maker, refresh_dml): replays inserts, updates and deletes queued by a trigger on the source. */
@ApplicationScoped
public class DmlMode extends QueueMode {

    @Override
    public String type() {
        return RefreshConfigDml.TYPE;
    }

    @Override
    QueueConfig newConfig() {
        return new RefreshConfigDml();
    }

    @Override
    boolean keepsDeletedRows() {
        return false;
    }
}
