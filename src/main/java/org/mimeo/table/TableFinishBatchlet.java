package org.mimeo.table;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.mimeo.job.JobLog;

/** Last step of a table refresh: resets the configured sequences and records the run. */
@Dependent
@Named("tableFinish")
public class TableFinishBatchlet extends AbstractBatchlet {

    @Inject
    TableRefresh refresh;

    @Inject
    JobLog log;

    @Inject
    @BatchProperty
    String destTable;

    @Override
    public String process() throws Exception {
        refresh.finish(destTable).forEach(log::info);
        return "COMPLETED";
    }
}
