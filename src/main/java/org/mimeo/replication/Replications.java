package org.mimeo.replication;

import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.mimeo.config.ConfigRepository;
import org.mimeo.config.RefreshConfig;
import org.mimeo.config.RefreshConfigTable;
import org.mimeo.error.Failure;
import org.mimeo.error.MimeoException;
import org.mimeo.internal.MimeoLogger;
import org.mimeo.internal.MimeoMessages;
import org.mimeo.internal.Settings;
import org.mimeo.job.JobLauncher;
import org.mimeo.job.JobLogStore;
import org.mimeo.job.RefreshParameters;
import org.mimeo.table.TableMode;

/** Makers, refreshes and destroyers of every replication type, each type's specifics in its {@link ReplicationMode}. */
@ApplicationScoped
public class Replications {

    /** A maker's result: the configuration and, when data was pulled, the initial load's execution. */
    public record Made(RefreshConfig config, Long executionId, BatchStatus loadStatus) {
    }

    private static final int LOAD_LOCK_WAIT_SECONDS = 60;

    @Inject
    @Any
    Instance<ReplicationMode> modes;

    @Inject
    ConfigRepository config;

    @Inject
    JobLauncher jobs;

    @Inject
    JobLogStore jobLog;

    @Inject
    Transactions tx;

    @Inject
    org.mimeo.job.AuditTrail audit;

    @Inject
    ReservedDestinations reserved;

    public ReplicationMode mode(String type) {
        for (ReplicationMode m : modes) {
            if (m.type().equals(type)) {
                return m;
            }
        }
        throw MimeoException.invalid(MimeoMessages.MSG.unknownType(type, types()));
    }

    public ReplicationMode modeOf(RefreshConfig c) {
        for (ReplicationMode m : modes) {
            if (m.handles(c.getType())) {
                return m;
            }
        }
        throw new IllegalStateException("no mode for stored type " + c.getType());
    }

    public List<String> types() {
        return modes.stream().map(ReplicationMode::type).sorted().toList();
    }

    /** The maker, recorded in the audit trail however it ends. */
    public Made make(MakeRequest request, boolean wait) {
        long started = System.nanoTime();
        try {
            Made made = makeUnaudited(request, wait);
            audit.record(request.destTable(), "make " + request.type(), made.loadStatus() == null ? "COMPLETED" : made.loadStatus().name(),
                    (System.nanoTime() - started) / 1_000_000, made.executionId(), "from source " + request.sourceId() + " table " + request.sourceTable());
            return made;
        } catch (RuntimeException e) {
            audit.record(request.destTable(), "make " + request.type(), "FAILED", (System.nanoTime() - started) / 1_000_000, null, e.getMessage());
            throw e;
        }
    }

    private Made makeUnaudited(MakeRequest request, boolean wait) {
        ReplicationMode mode = mode(request.type());
        reserved.require(request.destTable());
        boolean load = request.pullData() && !(mode instanceof TableMode table && table.existedBefore(request));
        RefreshConfig created = makeLocked(mode, request);
        MimeoLogger.LOG.replicationCreated(created.getDestTable(), created.getType(), request.sourceId(), request.sourceTable());
        if (!load) {
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
            String cause = lastError(executionId);
            String undoError = undo(mode, created.getDestTable());
            String failed = "The initial load of " + created.getDestTable() + " failed (execution " + executionId + ", " + execution.getBatchStatus()
                    + "): " + cause;
            if (undoError == null) {
                MimeoLogger.LOG.makerRolledBack(created.getDestTable(), executionId, cause);
                throw new MimeoException(Failure.SOURCE_ERROR, failed + ". Nothing was kept; fix the cause and create the replication again");
            }
            MimeoLogger.LOG.makerUndoFailed(created.getDestTable(), executionId, cause, undoError);
            throw new MimeoException(Failure.SOURCE_ERROR, failed + ". Removing what the maker had created failed too, so the replication"
                    + " is still there: " + undoError + ". Destroy it (DELETE /replications/{destTable}) when that is fixed, then create it again");
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
                    throw alreadyManaged(request.destTable());
                }
                created.set(tx.inNew(() -> mode.make(request)));
            });
        } catch (MimeoException e) {
            if (!entered.get() && e.failure() == Failure.ALREADY_RUNNING) {
                throw MimeoException.conflict("Destination table " + request.destTable() + " is being made or refreshed right now; it is already"
                        + " managed by mimeo or about to be: destroy it first or choose another destTable");
            }
            throw e;
        }
        return created.get();
    }

    private static MimeoException alreadyManaged(String destTable) {
        return MimeoException.conflict("Destination table " + destTable + " is already managed by mimeo; destroy it first or choose another destTable");
    }

    /** Removes what the maker made; returns why that failed (null when it worked), so the caller keeps the first error. */
    private String undo(ReplicationMode mode, String destTable) {
        try {
            tx.inNew(() -> config.findReplication(destTable).ifPresent(c -> mode.destroy(c, false)));
            return null;
        } catch (RuntimeException e) {
            return e.getMessage() == null ? e.toString() : e.getMessage();
        }
    }

    private String lastError(long executionId) {
        return jobLog.entries(executionId).stream()
                .filter(e -> e.level().equals("ERROR"))
                .reduce((a, b) -> b)
                .map(JobLogStore.Entry::message)
                .orElse("see GET /mimeo/api/executions/" + executionId);
    }

    public long refresh(String destTable, RefreshRequest request, Integer lockWaitSeconds) {
        RefreshConfig c = config.replication(destTable);
        ReplicationMode mode = modeOf(c);
        RefreshParameters parameters = mode.refreshParameters(c, request)
                .withRunOptions(request.blockRows(), request.debug(), request.faultAfterBlocks(), request.faultKind());
        return jobs.startWaitingForLock(mode.jobName(), c.getDestTable(), parameters, lockWaitSeconds);
    }

    /** Waits for the execution to end, at most {@link Settings#maxWait()}; it may still be running then. */
    public JobExecution await(long executionId) {
        return jobs.awaitEnd(executionId, Settings.maxWait());
    }

    public void destroy(String destTable, boolean archive) {
        RefreshConfig c = config.replication(destTable);
        ReplicationMode mode = modeOf(c);
        long started = System.nanoTime();
        try {
            jobs.whileLocked(c.getDestTable(), () -> tx.inNew(() -> mode.destroy(config.replication(c.getDestTable()), archive)));
        } catch (RuntimeException e) {
            audit.record(c.getDestTable(), "destroy " + c.getType(), "FAILED", (System.nanoTime() - started) / 1_000_000, null, e.getMessage());
            throw e;
        }
        boolean adopted = c instanceof RefreshConfigTable t && t.isAdopted();
        audit.record(c.getDestTable(), "destroy " + c.getType(), "COMPLETED", (System.nanoTime() - started) / 1_000_000, null,
                archive ? "destination kept (archive)" : adopted ? "destination kept (adopted table)" : "destination removed");
        MimeoLogger.LOG.replicationDestroyed(c.getDestTable(), c.getType(), archive || adopted ? "; destination data kept" : "");
    }
}
