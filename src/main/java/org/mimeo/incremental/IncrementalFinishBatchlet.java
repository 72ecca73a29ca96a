package org.mimeo.incremental;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Last step of an inserter or updater run: records the successful run (last_value already moved with each block). */
@Dependent
@Named("incrementalFinish")
public class IncrementalFinishBatchlet extends AbstractBatchlet {

    @Inject
    IncrementalRefresh refresh;

    @Inject
    @BatchProperty
    String destTable;

    @Override
    public String process() {
        refresh.finish(destTable);
        return "COMPLETED";
    }
}
