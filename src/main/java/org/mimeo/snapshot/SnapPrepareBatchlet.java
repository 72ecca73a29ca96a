package org.mimeo.snapshot;

import jakarta.batch.api.BatchProperty;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.mimeo.job.RefreshBatchlet;

/** First step of a snap refresh; its exit status SKIPPED ends the job when the source had no writes. */
@Dependent
@Named("snapPrepare")
public class SnapPrepareBatchlet extends RefreshBatchlet {

    @Inject
    SnapshotRefresh refresh;

    /** Overrides the replication's checkStats (null: as configured). */
    @Inject
    @BatchProperty
    Boolean checkStats;

    @Override
    public String process() throws Exception {
        SnapshotRefresh.Outcome outcome = refresh.prepare(destTable, checkStats);
        log.info(outcome.message());
        return outcome.exitStatus();
    }
}
