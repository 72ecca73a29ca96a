package org.mimeo.incremental;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.mimeo.config.IncrementalConfig;
import org.mimeo.config.RefreshConfigInserterSerial;
import org.mimeo.config.RefreshConfigInserterTime;
import org.mimeo.replication.MakeRequest;
import org.mimeo.replication.SourceDescription;
import org.mimeo.source.Column;

/** Inserter replication (inserter_maker, refresh_inserter): appends rows with new control values; needs no key. */
@ApplicationScoped
public class InserterMode extends IncrementalMode {

    @Override
    public String type() {
        return "inserter";
    }

    @Override
    IncrementalConfig newConfig(boolean timeBased) {
        return timeBased ? new RefreshConfigInserterTime() : new RefreshConfigInserterSerial();
    }

    @Override
    List<Column> key(MakeRequest request, SourceDescription source) {
        return null;
    }
}
