package org.mimeo.job;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.batch.runtime.BatchStatus;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Duration;

/**
 * Makes sure a job runs under its table's advisory lock, and releases the lock when the job ends,
 * however it ends. Jobs started through Mimeo's API hold it already; one started or restarted from the
 * management CLI or console takes it here, and fails when another refresh of the table holds it.
 * Announces the refusal ({@link RefreshRefused}) and the end of every execution ({@link RefreshEnded}).
 */
@Dependent
@Named("refreshLockListener")
public class RefreshLockListener extends AbstractJobListener {

    @Inject
    RefreshLocks locks;

    @Inject
    @BatchProperty
    String destTable;

    @Inject
    @BatchProperty
    String lockToken;

    @Inject
    jakarta.batch.runtime.context.JobContext jobContext;

    @Inject
    Event<RefreshRefused> refused;

    @Inject
    Event<RefreshEnded> ended;

    private long startedNanos;

    private String token() {
        return lockToken == null || lockToken.isBlank() ? "execution-" + jobContext.getExecutionId() : lockToken;
    }

    @Override
    public void beforeJob() {
        startedNanos = System.nanoTime();
        if (!locks.holdsFor(destTable, token()) && !locks.tryLock(destTable, "execution-" + jobContext.getExecutionId())) {
            refused.fire(new RefreshRefused(destTable));
            throw new IllegalStateException("A refresh of " + destTable + " is already running; this execution did not start");
        }
    }

    @Inject
    RunningCopies copies;

    @Override
    public void afterJob() {
        copies.endOfJob(jobContext);
        locks.release(destTable, token());
        locks.release(destTable, "execution-" + jobContext.getExecutionId());
        ended.fire(new RefreshEnded(destTable, jobContext.getJobName(), outcome(jobContext.getBatchStatus()),
                Duration.ofNanos(System.nanoTime() - startedNanos)));
    }

    /** JBeret settles STARTED and STOPPING only after the job listeners ran. */
    static String outcome(BatchStatus status) {
        return switch (status) {
            case STARTED -> BatchStatus.COMPLETED.name();
            case STOPPING -> BatchStatus.STOPPED.name();
            default -> status.name();
        };
    }
}
