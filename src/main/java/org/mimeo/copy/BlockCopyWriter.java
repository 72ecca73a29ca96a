package org.mimeo.copy;

import jakarta.annotation.Resource;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.mimeo.ddl.DestinationDdl;
import org.mimeo.error.Failure;
import org.mimeo.error.MimeoException;
import org.mimeo.job.RunningCopies;
import org.mimeo.internal.MimeoLogger;
import org.mimeo.internal.MimeoMessages;
import org.mimeo.job.FaultInjection;
import org.mimeo.job.JobLog;

/**
 * Writes blocks into the destination through the container's destination datasource, inside the
 * chunk's transaction: the rows and JBeret's checkpoint (stored in the same database) commit together.
 * The source connection and the block counters come from the step's {@link CopySession}; the step's
 * persistent user data counts the rows copied.
 */
@Dependent
@Named("blockCopyWriter")
public class BlockCopyWriter extends AbstractItemWriter {

    @Resource(lookup = "java:jboss/datasources/MimeoDS")
    DataSource destination;

    @Inject
    StepContext stepContext;

    @Inject
    CopySession session;

    @Inject
    protected JobLog log;

    @Inject
    JobContext jobContext;

    @Inject
    RunningCopies running;

    /** Test hook (with {@code faultKind}): fail or halt after this many blocks of the execution, see {@link FaultInjection}. */
    @Inject
    @BatchProperty
    Integer faultAfterBlocks;

    @Inject
    @BatchProperty
    String faultKind;

    @Override
    public void writeItems(List<Object> items) throws Exception {
        long rows = 0;
        long executionId = jobContext.getExecutionId();
        try (Connection dest = destination.getConnection(); AutoCloseable cancellable = running.register(executionId, session.source(), dest)) {
            durableCommit(dest);
            if (session.takeTruncatePending()) {
                emptyTarget(dest, session.spec());
            }
            for (Object item : items) {
                CopyTask task = (CopyTask) item;
                CopySpec spec = session.spec();
                long copied = write(spec, task, dest, executionId);
                if (spec.progress() != null) {
                    spec.progress().written(dest, task.source());
                }
                rows += copied;
                String position = task.blocks() < 0 ? Integer.toString(task.block()) : task.block() + " of " + task.blocks();
                MimeoLogger.LOG.blockCopied(copied, session.spec().target().toString(), position);
                log.debug("Block " + position + ": " + copied + " rows into " + session.spec().target());
                FaultInjection.afterBlock(session.recordBlockWritten(), faultAfterBlocks, faultKind);
            }
            afterBlocks(dest);
        }
        Long before = (Long) stepContext.getPersistentUserData();
        stepContext.setPersistentUserData((before == null ? 0L : before) + rows);
    }

    private long write(CopySpec spec, CopyTask task, Connection dest, long executionId) throws SQLException {
        if (running.stopRequested(executionId)) {
            throw new MimeoException(Failure.CONFLICT, MimeoMessages.MSG.stoppedBeforeBlock(executionId, task.block(), spec.target()));
        }
        try {
            return spec.write(session.source(), task, dest);
        } catch (SQLException e) {
            if (running.stopRequested(executionId)) {
                throw new MimeoException(Failure.CONFLICT, MimeoMessages.MSG.stoppedDuringBlock(executionId, task.block(), spec.target()), e);
            }
            RuntimeException explained = CopyFailures.explain(e, spec, task, session.source(), dest);
            if (explained != null) {
                throw explained;
            }
            throw e;
        }
    }

    /**
     * The chunk's rows, its checkpoint and any position it moves commit together; that commit must survive a
     * crash of the destination even where the DBA runs synchronous_commit = off, or a restart could resume
     * after a block the crash took back (JBeret keeps the checkpoint it saw committed).
     */
    private static void durableCommit(Connection dest) throws SQLException {
        try (Statement st = dest.createStatement()) {
            st.execute("SET LOCAL synchronous_commit = on");
        }
    }

    /** Empties the target before this execution's first block, in the chunk's transaction. */
    protected void emptyTarget(Connection dest, CopySpec spec) throws SQLException {
        DestinationDdl.truncate(dest, spec.target(), false);
    }

    /** Runs after each chunk's blocks, in the chunk's transaction. */
    protected void afterBlocks(Connection dest) throws SQLException {
        // nothing by default
    }
}
