package org.mimeo.replication;

import jakarta.annotation.Resource;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.mimeo.config.ConfigRepository;
import org.mimeo.config.RefreshConfig;
import org.mimeo.error.Failure;
import org.mimeo.error.MimeoException;
import org.mimeo.internal.MimeoLogger;
import org.mimeo.internal.MimeoMessages;
import org.mimeo.internal.Settings;
import org.mimeo.job.FaultInjection;
import org.mimeo.job.JobLauncher;
import org.mimeo.job.JobLogStore;
import org.mimeo.replication.Replications.Made;

/**
 * The one maker every replication type runs: validate, describe the source, check the destination, create the
 * source and destination objects, record the configuration, load the data; and undo when a step fails. A type
 * says what differs in its {@link MakerSteps}. Creating and recording share one destination transaction, run
 * under the destination's advisory lock; the initial load runs as the type's refresh job after it commits.
 */
@ApplicationScoped
public class Maker {

    private static final int LOAD_LOCK_WAIT_SECONDS = 60;

    @Resource(lookup = "java:jboss/datasources/MimeoDS")
    DataSource destination;

    @Inject
    ConfigRepository config;

    @Inject
    SourceAccess sources;

    @Inject
    JobLauncher jobs;

    @Inject
    JobLogStore jobLog;

    @Inject
    Transactions tx;

    @Inject
    ReservedDestinations reserved;

    @Inject
    Destroyer destroyer;

    public Made make(ReplicationMode mode, MakeRequest request, boolean wait) {
        reserved.require(request.destTable());
        RefreshConfig created = makeLocked(mode, request);
        MimeoLogger.LOG.replicationCreated(created.getDestTable(), created.getType(), request.sourceId(), request.sourceTable());
        if (!mode.loadsInitially(created, request)) {
            return new Made(created, null, null);
        }
        long executionId;
        try {
            // a refresh called right after the maker may hold the lock for a moment; waiting beats undoing the maker
            executionId = jobs.startWaitingForLock(mode.jobName(), created.getDestTable(), mode.initialLoadParameters(request), LOAD_LOCK_WAIT_SECONDS);
        } catch (RuntimeException e) {
            String undoError = undo(mode, created.getDestTable());
            if (undoError != null) {
                MimeoLogger.LOG.makerUndoFailed(created.getDestTable(), -1, e.getMessage(), undoError);
            }
            throw e;
        }
        if (!wait) {
            return new Made(created, executionId, BatchStatus.STARTED);
        }
        JobExecution execution = jobs.awaitEnd(executionId, Settings.maxWait());
        if (JobLauncher.RUNNING.contains(execution.getBatchStatus())) {
            // still loading after the longest wait an HTTP worker may be tied: answer like wait=false
            return new Made(created, executionId, BatchStatus.STARTED);
        }
        if (execution.getBatchStatus() != BatchStatus.COMPLETED) {
            throw loadFailed(mode, created.getDestTable(), executionId, execution.getBatchStatus());
        }
        return new Made(config.replication(created.getDestTable()), executionId, execution.getBatchStatus());
    }

    /**
     * The "already managed?" check and the maker run under the destination's advisory lock, so of two makers
     * of one destination at once exactly one makes it; the other gets 409 conflict before it creates anything.
     */
    private RefreshConfig makeLocked(ReplicationMode mode, MakeRequest request) {
        AtomicReference<RefreshConfig> created = new AtomicReference<>();
        AtomicBoolean entered = new AtomicBoolean();
        try {
            jobs.whileLocked(request.destTable(), () -> {
                entered.set(true);
                if (config.findReplication(request.destTable()).isPresent()) {
                    throw MimeoException.conflict(MimeoMessages.MSG.alreadyManaged(request.destTable()));
                }
                created.set(tx.inNew(() -> create(mode.maker(request))));
            });
        } catch (MimeoException e) {
            if (!entered.get() && e.failure() == Failure.ALREADY_RUNNING) {
                throw MimeoException.conflict(MimeoMessages.MSG.destinationBusy(request.destTable()));
            }
            throw e;
        }
        return created.get();
    }

    /** The steps, in the caller's transaction; objects created outside it (on the source) are removed again when a later step fails. */
    RefreshConfig create(MakerSteps steps) {
        MakeRequest request = steps.request;
        steps.validate();
        steps.described(SourceDescription.read(sources, sources.mapping(request.sourceId()), steps.src, request.filterArray(),
                request.condition(), steps.readsIndexes()));
        steps.checkSource();
        try (Connection d = destination.getConnection()) {
            steps.checkDestination(d);
        } catch (SQLException e) {
            throw notCreated(request, steps, e);
        }
        steps.createSourceObjects();
        FaultInjection.afterMakerStep(FaultInjection.MAKER_SOURCE_OBJECTS, request.faultAfter());
        try (Connection d = destination.getConnection()) {
            steps.createDestination(d);
            RefreshConfig made = fill(steps.configure(d), request);
            config.add(made);
            steps.recorded(d);
            return made;
        } catch (SQLException | RuntimeException e) {
            steps.removeSourceObjects();
            throw e instanceof RuntimeException r ? r : notCreated(request, steps, (SQLException) e);
        }
    }

    /** Copies the options every replication type has from the request into the new configuration row. */
    private static RefreshConfig fill(RefreshConfig made, MakeRequest request) {
        made.setDestTable(request.destTable());
        made.setSourceTable(request.sourceTable());
        made.setSourceId(request.sourceId());
        made.setFilter(request.filterArray());
        made.setCondition(request.condition());
        made.setPeriod(request.period());
        made.setBatchLimit(request.batchLimit());
        return made;
    }

    private static MimeoException notCreated(MakeRequest request, MakerSteps steps, SQLException e) {
        return MimeoException.invalid(MimeoMessages.MSG.destinationNotCreated(request.type(), steps.dest, e.getMessage()));
    }

    /** The initial load failed: the maker's work is removed again, and the error says whether that worked. */
    private MimeoException loadFailed(ReplicationMode mode, String destTable, long executionId, BatchStatus status) {
        String cause = Replications.lastError(jobLog, executionId);
        String undoError = undo(mode, destTable);
        if (undoError == null) {
            MimeoLogger.LOG.makerRolledBack(destTable, executionId, cause);
            return new MimeoException(Failure.SOURCE_ERROR, MimeoMessages.MSG.initialLoadUndone(destTable, executionId, status, cause));
        }
        MimeoLogger.LOG.makerUndoFailed(destTable, executionId, cause, undoError);
        return new MimeoException(Failure.SOURCE_ERROR, MimeoMessages.MSG.initialLoadNotUndone(destTable, executionId, status, cause, undoError));
    }

    /** Removes what the maker made; returns why that failed (null when it worked), so the caller keeps the first error. */
    private String undo(ReplicationMode mode, String destTable) {
        try {
            tx.inNew(() -> config.findReplication(destTable).ifPresent(c -> destroyer.destroy(mode, c, false)));
            return null;
        } catch (RuntimeException e) {
            return e.getMessage() == null ? e.toString() : e.getMessage();
        }
    }
}
