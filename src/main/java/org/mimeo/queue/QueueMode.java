package org.mimeo.queue;

import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.mimeo.config.QueueConfig;
import org.mimeo.config.RefreshConfig;
import org.mimeo.error.MimeoException;
import org.mimeo.internal.MimeoMessages;
import org.mimeo.job.RefreshParameters;
import org.mimeo.replication.MakeRequest;
import org.mimeo.replication.MakerSteps;
import org.mimeo.replication.RefreshRequest;
import org.mimeo.replication.ReplicationMode;
import org.mimeo.replication.SourceAccess;
import org.mimeo.sql.Identifiers;
import org.mimeo.sql.QualifiedName;

/**
 * What dml and logdel replication share: the maker ({@link QueueMaker}), the refresh job's parameters, and
 * the destroyer's first step, which drops the replication's objects on the source.
 */
abstract class QueueMode implements ReplicationMode {

    @Inject
    SourceAccess sources;

    @Inject
    MakerIntents intents;

    abstract QueueConfig newConfig();

    abstract boolean keepsDeletedRows();

    @Override
    public String jobName() {
        return type();
    }

    @Override
    public MakerSteps maker(MakeRequest request) {
        return new QueueMaker(request, this, sources, intents);
    }

    @Override
    public RefreshParameters initialLoadParameters(MakeRequest request) {
        return RefreshParameters.queue(null, true);
    }

    @Override
    public RefreshParameters refreshParameters(RefreshConfig c, RefreshRequest request) {
        return RefreshParameters.queue(request.limit() != null ? request.limit() : c.getBatchLimit(), request.repull());
    }

    /** Drops exactly the replication's own source objects, trigger first; when that fails nothing is dropped on either side. */
    @Override
    public void dropSourceObjects(RefreshConfig c) {
        QueueConfig q = (QueueConfig) c;
        try (Connection s = sources.open(sources.mapping(q.getSourceId()))) {
            s.setAutoCommit(false);
            SourceQueue.drop(s, q.source(), List.of(q.getQueueTriggers()), QualifiedName.parse(q.getQueueFunction()), q.queue());
            s.commit();
        } catch (SQLException e) {
            throw MimeoException.sourceError(MimeoMessages.MSG.sourceObjectsNotDestroyed(c.getDestTable(), e.getMessage(),
                    Arrays.stream(q.getQueueTriggers()).map(t -> "DROP TRIGGER IF EXISTS " + Identifiers.quote(t) + " ON " + q.source().sql())
                            .collect(Collectors.joining("; "))), e);
        }
    }
}
