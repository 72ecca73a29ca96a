package org.mimeo.table;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.mimeo.job.RefreshBatchlet;

/** Last step of a table refresh: records the run (the rows and sequences committed in the copy step). */
@Dependent
@Named("tableFinish")
public class TableFinishBatchlet extends RefreshBatchlet {

    @Inject
    TableRefresh refresh;

    @Override
    public String process() throws Exception {
        refresh.recordRun(destTable);
        return "COMPLETED";
    }
}
