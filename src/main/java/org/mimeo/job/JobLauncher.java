package org.mimeo.job;

import jakarta.batch.operations.JobExecutionAlreadyCompleteException;
import jakarta.batch.operations.JobExecutionNotMostRecentException;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.JobRestartException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import org.mimeo.error.Failure;
import org.mimeo.error.MimeoException;
import org.mimeo.internal.MimeoLogger;
import org.mimeo.internal.Settings;
import org.mimeo.internal.MimeoMessages;

/** Starts, restarts, stops and waits for Mimeo's batch jobs, and records each execution in mimeo.job_run. */
@ApplicationScoped
public class JobLauncher {

    public static final Set<BatchStatus> RUNNING = EnumSet.of(BatchStatus.STARTING, BatchStatus.STARTED, BatchStatus.STOPPING);
    private static final Set<String> RUNNING_NAMES = Set.of("STARTING", "STARTED", "STOPPING");

    @Inject
    JobRuns runs;

    @Inject
    RefreshLocks locks;

    @Inject
    RunningCopies copies;

    @Inject
    jakarta.enterprise.event.Event<RefreshRefused> refused;

    public static JobOperator operator() {
        return BatchRuntime.getJobOperator();
    }

    public static String serverId() {
        return Settings.nodeName();
    }

    /** Takes the table's lock (409 already_running when another refresh holds it), then starts the job, which releases it when it ends. */
    public long start(String jobName, String destTable, RefreshParameters parameters) {
        return startWaitingForLock(jobName, destTable, parameters, null);
    }

    /**
     * As {@link #start}, but with {@code lockWaitSeconds} &gt; 0 waits up to that long for the running
     * refresh to end. Only a final refusal is recorded as already running.
     */
    public long startWaitingForLock(String jobName, String destTable, RefreshParameters parameters, Integer lockWaitSeconds) {
        String token = java.util.UUID.randomUUID().toString();
        acquire(destTable, token, lockWaitSeconds);
        long id;
        try {
            id = operator().start(jobName, parameters.toProperties(destTable, token));
        } catch (RuntimeException e) {
            locks.release(destTable, token);
            throw e;
        }
        runs.record(id, destTable, jobName, serverId(), null);
        MimeoLogger.LOG.jobStarted(jobName, destTable, id);
        return id;
    }

    private void acquire(String destTable, String token, Integer lockWaitSeconds) {
        long deadline = System.nanoTime() + (lockWaitSeconds == null ? 0 : lockWaitSeconds * 1_000_000_000L);
        while (!locks.tryLock(destTable, token)) {
            if (System.nanoTime() - deadline >= 0) {
                String message = MimeoMessages.MSG.refreshAlreadyRunning(destTable);
                runs.recordAttempt(destTable, "ALREADY_RUNNING", message);
                refused.fire(new RefreshRefused(destTable));
                throw new MimeoException(Failure.ALREADY_RUNNING, message);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MimeoException(Failure.ALREADY_RUNNING, MimeoMessages.MSG.lockWaitInterrupted(destTable));
            }
        }
    }

    public long restart(long executionId) {
        JobRuns.Run run = runs.find(executionId).orElseThrow(() -> MimeoException.notFound(MimeoMessages.MSG.noSuchExecution(executionId)));
        BatchStatus status = operator().getJobExecution(executionId).getBatchStatus();
        if (status != BatchStatus.FAILED && status != BatchStatus.STOPPED) {
            throw MimeoException.conflict(MimeoMessages.MSG.notRestartable(executionId, status));
        }
        for (JobRuns.Run newer : runs.list(run.destTable(), 50)) {
            if (newer.restartOf() != null && newer.restartOf() == executionId) {
                throw MimeoException.conflict(MimeoMessages.MSG.alreadyRestarted(executionId, newer.executionId()));
            }
            if (newer.executionId() > executionId && newer.restartOf() == null
                    && operator().getJobExecution(newer.executionId()).getBatchStatus() == BatchStatus.COMPLETED) {
                throw MimeoException.conflict(MimeoMessages.MSG.supersededExecution(executionId, run.destTable(), newer.executionId()));
            }
        }
        String token = java.util.UUID.randomUUID().toString();
        acquire(run.destTable(), token, null);
        long id;
        try {
            id = operator().restart(executionId, RefreshParameters.restartOverrides(token));
        } catch (JobRestartException | JobExecutionNotMostRecentException | JobExecutionAlreadyCompleteException e) {
            locks.release(run.destTable(), token);
            throw MimeoException.conflict(MimeoMessages.MSG.restartRefused(executionId, e.getMessage()));
        } catch (RuntimeException e) {
            locks.release(run.destTable(), token);
            throw e;
        }
        runs.record(id, run.destTable(), run.jobName(), serverId(), executionId);
        MimeoLogger.LOG.jobStarted(run.jobName(), run.destTable(), id);
        return id;
    }

    public void stop(long executionId) {
        runs.find(executionId).orElseThrow(() -> MimeoException.notFound(MimeoMessages.MSG.noSuchExecution(executionId)));
        BatchStatus status = operator().getJobExecution(executionId).getBatchStatus();
        if (!RUNNING.contains(status)) {
            throw MimeoException.conflict(MimeoMessages.MSG.notStoppable(executionId, status));
        }
        operator().stop(executionId);
        copies.stop(executionId);
    }

    /** Runs {@code work} while holding the table's lock (409 already_running when a refresh holds it). */
    public void whileLocked(String destTable, Runnable work) {
        String token = java.util.UUID.randomUUID().toString();
        if (!locks.tryLock(destTable, token)) {
            throw new MimeoException(Failure.ALREADY_RUNNING, MimeoMessages.MSG.refreshRunning(destTable));
        }
        try {
            work.run();
        } finally {
            locks.release(destTable, token);
        }
    }

    /**
     * Waits until the execution ended and its end is stored in the job repository (JBeret updates its
     * in-memory status a moment before it writes the row), or until the timeout.
     */
    public JobExecution awaitEnd(long executionId, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long sleepMillis = 5;
        while (true) {
            JobExecution execution = operator().getJobExecution(executionId);
            boolean ended = !RUNNING.contains(execution.getBatchStatus()) && !runs.storedStatus(executionId).map(RUNNING_NAMES::contains).orElse(true);
            if (ended || System.nanoTime() > deadline) {
                return operator().getJobExecution(executionId);
            }
            try {
                Thread.sleep(sleepMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return execution;
            }
            sleepMillis = Math.min(50, sleepMillis * 2);
        }
    }
}
