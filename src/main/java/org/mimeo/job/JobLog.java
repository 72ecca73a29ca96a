package org.mimeo.job;

import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

/** The execution log as seen from inside a running job: entries go to the current execution. */
@Dependent
public class JobLog {

    @Inject
    JobContext jobContext;

    @Inject
    JobLogStore store;

    private Boolean debug;

    public void info(String message) {
        store.append(jobContext.getExecutionId(), "INFO", message);
    }

    public void warn(String message) {
        store.append(jobContext.getExecutionId(), "WARNING", message);
    }

    public void error(String message) {
        store.append(jobContext.getExecutionId(), "ERROR", message);
    }

    /** Written only when the refresh was started with {@code debug: true}. */
    public void debug(String message) {
        if (debug == null) {
            debug = RefreshParameters.of(BatchRuntime.getJobOperator().getParameters(jobContext.getExecutionId())).debug();
        }
        if (debug) {
            store.append(jobContext.getExecutionId(), "DEBUG", message);
        }
    }
}
