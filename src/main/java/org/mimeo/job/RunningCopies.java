package org.mimeo.job;

import jakarta.annotation.PreDestroy;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.mimeo.internal.MimeoLogger;
import org.postgresql.core.BaseConnection;

/**
 * The copies running in this server, by execution id, so that a stop (or the server's shutdown) cancels
 * the COPY on both ends at once instead of waiting for the block to end. Cancelling sends PostgreSQL's
 * cancel request, which fails the statement on that server; the chunk's transaction rolls back, so the
 * block is copied again, whole, when the execution is restarted.
 */
@ApplicationScoped
public class RunningCopies {

    private final Map<Long, List<BaseConnection>> running = new ConcurrentHashMap<>();
    private final Set<Long> stopRequested = ConcurrentHashMap.newKeySet();

    /**
     * Registers the connections of a block being written until the returned handle is closed. They are
     * unwrapped here, on the writer's thread: the container's connection wrapper serialises calls, so a
     * stop could not reach the driver through it while the COPY runs.
     */
    public AutoCloseable register(long executionId, Connection source, Connection destination) throws SQLException {
        running.put(executionId, List.of(source.unwrap(BaseConnection.class), destination.unwrap(BaseConnection.class)));
        return () -> running.remove(executionId);
    }

    /** Called with the batch runtime's own stop: cancels the execution's running COPY, if any. */
    public void stop(long executionId) {
        stopRequested.add(executionId);
        List<BaseConnection> connections = running.get(executionId);
        if (connections != null) {
            MimeoLogger.LOG.copyCancelled(executionId);
            connections.forEach(RunningCopies::cancel);
        }
    }

    public boolean stopRequested(long executionId) {
        return stopRequested.contains(executionId);
    }

    /**
     * At the end of a job: a step that failed because its COPY was cancelled by a stop makes the batch
     * runtime call the job FAILED; it was stopped, so it ends STOPPED (restartable all the same).
     */
    public void endOfJob(JobContext job) {
        if (stopRequested.remove(job.getExecutionId()) && job.getBatchStatus() == BatchStatus.FAILED) {
            try {
                // JBeret's JobContextImpl has a public setter the jakarta.batch interface lacks
                job.getClass().getMethod("setBatchStatus", BatchStatus.class).invoke(job, BatchStatus.STOPPED);
            } catch (ReflectiveOperationException e) {
                // it stays FAILED, which is restartable as well
            }
        }
    }

    private static void cancel(BaseConnection c) {
        try {
            c.cancelQuery();
        } catch (SQLException ignored) {
            // the connection is gone already: nothing runs on it
        }
    }

    @PreDestroy
    void cancelAll() {
        if (!running.isEmpty()) {
            MimeoLogger.LOG.copiesCancelledAtShutdown(running.size());
            running.keySet().forEach(this::stop);
        }
    }
}
