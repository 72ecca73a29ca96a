package org.mimeo.job;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Makes sure a job runs under its table's advisory lock, and releases the lock when the job ends,
 * however it ends. Jobs started through Mimeo's API hold it already; one started or restarted from the
 * management CLI or console takes it here, and fails when another refresh of the table holds it.
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

    private String token() {
        return lockToken == null || lockToken.isBlank() ? "execution-" + jobContext.getExecutionId() : lockToken;
    }

    @Override
    public void beforeJob() {
        if (!locks.holdsFor(destTable, token()) && !locks.tryLock(destTable, "execution-" + jobContext.getExecutionId())) {
            throw new IllegalStateException("A refresh of " + destTable + " is already running; this execution did not start");
        }
    }

    @Inject
    org.mimeo.copy.RunningCopies copies;

    @Override
    public void afterJob() {
        copies.endOfJob(jobContext);
        locks.release(destTable, token());
        locks.release(destTable, "execution-" + jobContext.getExecutionId());
    }
}
