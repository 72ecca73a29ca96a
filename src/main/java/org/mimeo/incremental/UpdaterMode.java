package org.mimeo.incremental;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.mimeo.config.IncrementalConfig;
import org.mimeo.config.RefreshConfigUpdaterSerial;
import org.mimeo.config.RefreshConfigUpdaterTime;
import org.mimeo.replication.MakeRequest;
import org.mimeo.replication.ReplicationKeys;
import org.mimeo.replication.SourceDescription;
import org.mimeo.source.Column;

/**
 * Updater replication (updater_maker, refresh_updater): rows with new control values replace the
 * destination's rows of the same key. The key is the source's primary key, else its oldest unique
 * index over NOT NULL columns, unless pkName/pkType name one (as a view needs).
 */
@ApplicationScoped
public class UpdaterMode extends IncrementalMode {

    @Override
    public String type() {
        return "updater";
    }

    @Override
    IncrementalConfig newConfig(boolean timeBased) {
        return timeBased ? new RefreshConfigUpdaterTime() : new RefreshConfigUpdaterSerial();
    }

    @Override
    List<Column> key(MakeRequest request, SourceDescription source) {
        return ReplicationKeys.resolve(sources, request, source);
    }
}
