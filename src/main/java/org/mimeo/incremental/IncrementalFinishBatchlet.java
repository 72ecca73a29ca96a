package org.mimeo.incremental;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.mimeo.job.RefreshBatchlet;

/** Last step of an inserter or updater run: records the successful run (last_value already moved with each block). */
@Dependent
@Named("incrementalFinish")
public class IncrementalFinishBatchlet extends RefreshBatchlet {

    @Inject
    IncrementalRefresh refresh;

    @Override
    public String process() {
        refresh.finish(destTable);
        return "COMPLETED";
    }
}
