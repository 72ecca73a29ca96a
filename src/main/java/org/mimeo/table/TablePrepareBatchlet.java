package org.mimeo.table;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.mimeo.job.JobLog;

/** First step of a table refresh: empties the destination table. */
@Dependent
@Named("tablePrepare")
public class TablePrepareBatchlet extends AbstractBatchlet {

    @Inject
    TableRefresh refresh;

    @Inject
    JobLog log;

    @Inject
    @BatchProperty
    String destTable;

    @Inject
    @BatchProperty
    String truncateCascade;

    @Override
    public String process() throws Exception {
        log.info(refresh.truncate(destTable, truncateCascade == null || truncateCascade.isBlank() ? null : Boolean.valueOf(truncateCascade)));
        return "COPY";
    }
}
