package org.mimeo.incremental;

import jakarta.inject.Inject;
import java.util.List;
import org.mimeo.config.IncrementalConfig;
import org.mimeo.config.RefreshConfig;
import org.mimeo.job.RefreshParameters;
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
    public RefreshParameters initialLoadParameters(MakeRequest request) {
        return RefreshParameters.NONE;
    }

    @Override
    public RefreshParameters refreshParameters(RefreshConfig c, RefreshRequest request) {
        return RefreshParameters.incremental(request.limit() != null ? request.limit() : c.getBatchLimit(), request.repull(),
                request.repullStart(), request.repullEnd(), request.clock());
    }
}
