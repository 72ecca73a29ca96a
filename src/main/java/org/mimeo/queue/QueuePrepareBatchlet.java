package org.mimeo.queue;

import jakarta.batch.api.BatchProperty;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.mimeo.job.RefreshBatchlet;

/** First step of a dml/logdel run: trim what earlier runs committed from the source queue; prepare a repull. */
@Dependent
@Named("queuePrepare")
public class QueuePrepareBatchlet extends RefreshBatchlet {

    @Inject
    QueueRefresh refresh;

    @Inject
    @BatchProperty
    boolean repull;

    @Override
    public String process() throws Exception {
        int trimmed = refresh.trimQueue(destTable);
        if (trimmed > 0) {
            log.info("Removed " + trimmed + " source queue entries committed by earlier runs");
        }
        if (repull) {
            log.info(refresh.prepareRepull(destTable));
        }
        return "COPY";
    }
}
