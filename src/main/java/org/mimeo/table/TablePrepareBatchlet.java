package org.mimeo.table;

import jakarta.batch.api.BatchProperty;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.mimeo.job.RefreshBatchlet;

/**
 * First step of a table refresh: says how the table will be reloaded. It changes nothing: the truncate
 * runs in the copy step's transaction, so readers keep the previous rows until the reload commits.
 */
@Dependent
@Named("tablePrepare")
public class TablePrepareBatchlet extends RefreshBatchlet {

    @Inject
    TableRefresh refresh;

    /** Overrides the replication's truncateCascade (null: as configured). */
    @Inject
    @BatchProperty
    Boolean truncateCascade;

    @Override
    public String process() throws Exception {
        boolean cascade = refresh.cascade(destTable, truncateCascade);
        log.info("Reloading " + destTable + " in one transaction: TRUNCATE" + (cascade ? " CASCADE" : "")
                + ", all blocks and the sequence reset commit together; readers wait on the truncate's lock, then see the new rows");
        return "COPY";
    }
}
