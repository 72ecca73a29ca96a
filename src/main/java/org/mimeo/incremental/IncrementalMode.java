package org.mimeo.incremental;

import jakarta.inject.Inject;
import java.util.List;
import java.util.Properties;
import org.mimeo.config.IncrementalConfig;
import org.mimeo.config.RefreshConfig;
import org.mimeo.replication.MakeRequest;
import org.mimeo.replication.MakerSteps;
import org.mimeo.replication.RefreshRequest;
import org.mimeo.replication.ReplicationMode;
import org.mimeo.replication.SourceAccess;
import org.mimeo.replication.SourceDescription;
import org.mimeo.source.Column;

/**
 * What inserter and updater replication share: the maker ({@link IncrementalMaker}), the refresh job's
 * parameters and stored types ({@code inserter_time}, {@code inserter_serial}, ...).
 */
abstract class IncrementalMode implements ReplicationMode {

    @Inject
    SourceAccess sources;

    /** The configuration entity for this kind, time- or serial-based. */
    abstract IncrementalConfig newConfig(boolean timeBased);

    /** The replication key (updater), or null when the kind needs none (inserter). */
    abstract List<Column> key(MakeRequest request, SourceDescription source);

    @Override
    public String jobName() {
        return type();
    }

    @Override
    public boolean handles(String configType) {
        return configType.startsWith(type() + "_");
    }

    @Override
    public MakerSteps maker(MakeRequest request) {
        return new IncrementalMaker(request, this, sources);
    }

    @Override
    public Properties initialLoadParameters(MakeRequest request) {
        return new Properties();
    }

    @Override
    public Properties refreshParameters(RefreshConfig c, RefreshRequest request) {
        Properties p = new Properties();
        Integer limit = request.limit() != null ? request.limit() : c.getBatchLimit();
        if (limit != null) {
            p.setProperty("limit", limit.toString());
        }
        if (request.repull()) {
            p.setProperty("repull", "true");
            if (request.repullStart() != null) {
                p.setProperty("repullStart", request.repullStart());
            }
            if (request.repullEnd() != null) {
                p.setProperty("repullEnd", request.repullEnd());
            }
        }
        if (request.clock() != null) {
            p.setProperty("clock", request.clock());
        }
        return p;
    }
}
