package org.mimeo.queue;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.mimeo.job.JobLog;

/** Last step of a dml/logdel run: record it (committed), then remove the replayed entries from the source queue. */
@Dependent
@Named("queueFinish")
public class QueueFinishBatchlet extends AbstractBatchlet {

    @Inject
    QueueRefresh refresh;

    @Inject
    JobLog log;

    @Inject
    @BatchProperty
    String destTable;

    @Override
    public String process() {
        refresh.finish(destTable);
        int trimmed = refresh.trimQueue(destTable);
        log.info("Removed " + trimmed + " replayed entries from the source queue");
        return "COMPLETED";
    }
}
