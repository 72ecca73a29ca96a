package org.mimeo.job;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.listener.ChunkListener;
import jakarta.batch.api.listener.AbstractStepListener;
import jakarta.batch.runtime.Metric;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.mimeo.internal.MimeoLogger;

/**
 * Writes each step's start, end, counts and failure into the execution log. On a copy step it also
 * announces each chunk's rows ({@link RowsCommitted}) from inside the chunk's transaction: JBeret calls
 * {@code afterChunk} before it commits, so observers that wait for the commit count each block once.
 */
@Dependent
@Named("stepAuditListener")
public class StepAuditListener extends AbstractStepListener implements ChunkListener {

    @Inject
    StepContext stepContext;

    @Inject
    JobContext jobContext;

    @Inject
    JobLog log;

    @Inject
    @BatchProperty
    String destTable;

    @Inject
    Event<RowsCommitted> rowsCommitted;

    /** The step's row count (its persistent user data, which the writer raises) when the chunk began. */
    private long rowsBeforeChunk;

    @Override
    public void beforeStep() {
        log.info("Step " + stepContext.getStepName() + " started for " + destTable);
    }

    @Override
    public void afterStep() {
        Exception failure = stepContext.getException();
        if (failure != null) {
            MimeoLogger.LOG.stepFailed(stepContext.getStepName(), jobContext.getExecutionId(), destTable, jobContext.getExecutionId(), failure);
            log.error("Step " + stepContext.getStepName() + " failed" + code(failure) + ": " + describe(failure));
            return;
        }
        StringBuilder counts = new StringBuilder();
        for (Metric m : stepContext.getMetrics()) {
            if (m.getValue() != 0) {
                counts.append(counts.isEmpty() ? "" : ", ").append(m.getType().name().toLowerCase()).append('=').append(m.getValue());
            }
        }
        Object rows = stepContext.getPersistentUserData();
        log.info("Step " + stepContext.getStepName() + " ended with exit status " + stepContext.getExitStatus()
                + (rows instanceof Long n ? ", " + n + " rows copied" : "")
                + (counts.isEmpty() ? "" : " (" + counts + ")"));
    }

    @Override
    public void beforeChunk() {
        rowsBeforeChunk = rowsSoFar();
    }

    @Override
    public void afterChunk() {
        long rows = rowsSoFar() - rowsBeforeChunk;
        if (rows > 0) {
            rowsCommitted.fire(new RowsCommitted(destTable, rows));
        }
    }

    @Override
    public void onError(Exception e) {
        // the chunk rolls back: nothing of it is announced
    }

    private long rowsSoFar() {
        return stepContext.getPersistentUserData() instanceof Long n ? n : 0L;
    }

    /** The contract's error code of the first MimeoException in the chain, e.g. " (source_unreachable)", so operators can grep for it. */
    static String code(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof org.mimeo.error.MimeoException m) {
                return " (" + m.failure().code() + ")";
            }
        }
        return "";
    }

    static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null && text.length() < 2000; t = t.getCause()) {
            if (!text.isEmpty()) {
                text.append(" <- ");
            }
            text.append(t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage());
        }
        return text.toString();
    }
}
