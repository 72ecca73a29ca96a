package org.mimeo.replication;

import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.mimeo.config.ConfigRepository;
import org.mimeo.config.RefreshConfig;
import org.mimeo.error.MimeoException;
import org.mimeo.internal.MimeoLogger;
import org.mimeo.internal.MimeoMessages;
import org.mimeo.internal.Settings;
import org.mimeo.job.JobLauncher;
import org.mimeo.job.JobLogStore;
import org.mimeo.job.RefreshParameters;

/** Makers, refreshes and destroyers of every replication type, each type's specifics in its {@link ReplicationMode}. */
@ApplicationScoped
public class Replications {

    /** A maker's result: the configuration and, when data was pulled, the initial load's execution. */
    public record Made(RefreshConfig config, Long executionId, BatchStatus loadStatus) {
    }

    @Inject
    @Any
    Instance<ReplicationMode> modes;

    @Inject
    ConfigRepository config;

    @Inject
    JobLauncher jobs;

    @Inject
    Transactions tx;

    @Inject
    org.mimeo.job.AuditTrail audit;

    @Inject
    Maker maker;

    @Inject
    Destroyer destroyer;

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
            Made made = maker.make(mode(request.type()), request, wait);
            audit.record(request.destTable(), "make " + request.type(), made.loadStatus() == null ? "COMPLETED" : made.loadStatus().name(),
                    (System.nanoTime() - started) / 1_000_000, made.executionId(), "from source " + request.sourceId() + " table " + request.sourceTable());
            return made;
        } catch (RuntimeException e) {
            audit.record(request.destTable(), "make " + request.type(), "FAILED", (System.nanoTime() - started) / 1_000_000, null, e.getMessage());
            throw e;
        }
    }

    /** The last error an execution logged, or where to look; the maker's answer when its initial load failed. */
    static String lastError(JobLogStore jobLog, long executionId) {
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
            jobs.whileLocked(c.getDestTable(), () -> tx.inNew(() -> destroyer.destroy(mode, config.replication(c.getDestTable()), archive)));
        } catch (RuntimeException e) {
            audit.record(c.getDestTable(), "destroy " + c.getType(), "FAILED", (System.nanoTime() - started) / 1_000_000, null, e.getMessage());
            throw e;
        }
        Optional<String> kept = mode.keeps(c, archive);
        audit.record(c.getDestTable(), "destroy " + c.getType(), "COMPLETED", (System.nanoTime() - started) / 1_000_000, null,
                kept.map(why -> "destination kept (" + why + ")").orElse("destination removed"));
        MimeoLogger.LOG.replicationDestroyed(c.getDestTable(), c.getType(), kept.isPresent() ? "; destination data kept" : "");
    }
}
