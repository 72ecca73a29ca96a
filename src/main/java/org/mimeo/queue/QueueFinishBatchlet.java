package org.mimeo.queue;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.mimeo.job.RefreshBatchlet;

/** Last step of a dml/logdel run: record it (committed), then remove the replayed entries from the source queue. */
@Dependent
@Named("queueFinish")
public class QueueFinishBatchlet extends RefreshBatchlet {

    @Inject
    QueueRefresh refresh;

    @Override
    public String process() {
        refresh.finish(destTable);
        int trimmed = refresh.trimQueue(destTable);
        log.info("Removed " + trimmed + " replayed entries from the source queue");
        return "COMPLETED";
    }
}
