package org.mimeo.table;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Last step of a table refresh: records the run (the rows and sequences committed in the copy step). */
@Dependent
@Named("tableFinish")
public class TableFinishBatchlet extends AbstractBatchlet {

    @Inject
    TableRefresh refresh;

    @Inject
    @BatchProperty
    String destTable;

    @Override
    public String process() throws Exception {
        refresh.recordRun(destTable);
        return "COMPLETED";
    }
}
