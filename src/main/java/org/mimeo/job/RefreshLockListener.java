package org.mimeo.job;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Releases the table's advisory lock when its job ends, however it ends. */
@Dependent
@Named("refreshLockListener")
public class RefreshLockListener extends AbstractJobListener {

    @Inject
    RefreshLocks locks;

    @Inject
    @BatchProperty
    String destTable;

    @Override
    public void afterJob() {
        locks.release(destTable);
    }
}
