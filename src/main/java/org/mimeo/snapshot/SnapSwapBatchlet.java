package org.mimeo.snapshot;

import jakarta.batch.api.BatchProperty;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.mimeo.job.RefreshBatchlet;

/** Last step of a snap refresh: makes the loaded table visible through the view. */
@Dependent
@Named("snapSwap")
public class SnapSwapBatchlet extends RefreshBatchlet {

    @Inject
    SnapshotRefresh refresh;

    /** Whether a rebuilt table gets the source's indexes; true unless the refresh said false. */
    @Inject
    @BatchProperty
    Boolean index;

    @Override
    public String process() throws Exception {
        SnapshotRefresh.Outcome outcome = refresh.swap(destTable, index == null || index);
        log.info(outcome.message());
        return outcome.exitStatus();
    }
}
