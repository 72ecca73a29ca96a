package org.mimeo.queue;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import org.mimeo.copy.Block;
import org.mimeo.copy.BlockCheckpoint;
import org.mimeo.copy.BlockPlan;
import org.mimeo.copy.BlockPlanner;
import org.mimeo.copy.BlockReader;
import org.mimeo.copy.CopySession;
import org.mimeo.job.JobLog;
import org.mimeo.source.SourceCatalog;
import org.mimeo.source.SourceConnections;
import org.mimeo.source.SourceRelation;
import org.mimeo.source.WriteStats;

/**
 * Reads a dml/logdel run in one REPEATABLE READ snapshot of the source: normally blocks of about
 * {@code blockRows} queue entries after the committed position, up to the queue's end when the run
 * started (or {@code limit} entries); for a repull, the blocks of a full copy of the source table.
 */
@Dependent
@Named("queueReader")
public class QueueReader extends AbstractItemReader {

    @Inject
    StepContext stepContext;

    @Inject
    QueueCopySpecs specs;

    @Inject
    SourceConnections sources;

    @Inject
    JobLog log;

    @Inject
    @BatchProperty
    String destTable;

    @Inject
    @BatchProperty
    String blockRows;

    @Inject
    @BatchProperty
    String limit;

    @Inject
    @BatchProperty
    String repull;

    private Connection source;
    private QueueCopySpecs.Prepared prepared;
    private boolean repulling;
    private QueuePosition upTo;
    private QueuePosition committed;
    private BlockPlan plan;
    private int next;
    private Long sourceWrites;

    @Override
    public void open(Serializable checkpoint) throws Exception {
        repulling = "true".equals(repull);
        prepared = specs.prepare(destTable, repulling);
        sourceWrites = repulling ? BlockReader.writesBeforeSnapshot(sources, prepared.spec()) : null;
        source = sources.openSnapshot(prepared.mapping());
        try {
            if (repulling) {
                openRepull(checkpoint);
            } else {
                openReplay(checkpoint);
            }
        } catch (SQLException | RuntimeException e) {
            source.close();
            source = null;
            throw e;
        }
    }

    /**
     * Queue entry ids are taken when a change is queued, not when its transaction commits: a lower id may
     * still commit after a higher one is visible. So a run takes only the entries of transactions older
     * than its snapshot's xmin (all ended, none can add entries below them), in (transaction id, entry id)
     * order; younger ones wait for the next run.
     */
    private void openReplay(Serializable checkpoint) throws SQLException {
        if (checkpoint instanceof QueueCheckpoint saved && saved.version() == QueueCheckpoint.CURRENT_VERSION) {
            upTo = saved.upTo();
            committed = saved.committed();
            log.info("Resuming the queue replay into " + prepared.spec().target() + " after queue position " + committed.xid() + "/" + committed.id());
        } else {
            committed = QueuePosition.of(prepared.config().getLastQueuePosition());
            QueuePosition end = SourceQueue.lastFinished(source, prepared.config().queue(), committed, SourceQueue.snapshotXmin(source));
            end = end == null ? committed : end;
            QueuePosition limited = limit == null || limit.isBlank() || end.equals(committed) ? null
                    : SourceQueue.nth(source, prepared.config().queue(), committed, end, Long.parseLong(limit));
            upTo = limited == null ? end : limited;
            log.info(upTo.equals(committed) ? "No queued changes for " + destTable
                    : "Replaying the queued changes of " + prepared.config().getControl() + " after position " + committed.xid() + "/" + committed.id()
                    + " up to " + upTo.xid() + "/" + upTo.id() + " into " + destTable);
        }
        stepContext.setTransientUserData(new CopySession(source, prepared.spec(), new BlockPlan(List.of(), null), false, 0, -1));
    }

    private void openRepull(Serializable checkpoint) throws SQLException {
        SourceRelation relation = SourceCatalog.relation(source, prepared.spec().sourceTable(), prepared.mapping().getId());
        if (checkpoint instanceof BlockCheckpoint saved && (!saved.plan().isPhysical() || Objects.equals(saved.sourceWrites(), sourceWrites))) {
            plan = saved.plan();
            next = saved.nextBlock();
        } else {
            plan = BlockPlanner.plan(source, relation, blockRows == null || blockRows.isBlank() ? 100_000L : Long.parseLong(blockRows));
            next = 0;
        }
        log.info("Repulling " + prepared.spec().sourceTable() + " into " + prepared.spec().target() + " in " + plan.blocks().size() + " block(s)");
        stepContext.setTransientUserData(new CopySession(source, prepared.spec(), plan,
                checkpoint != null && next == 0 && !prepared.config().keepsDeletedRows(), next, plan.blocks().size()));
    }

    @Override
    public Object readItem() throws SQLException {
        if (repulling) {
            return next < plan.blocks().size() ? plan.blocks().get(next++) : null;
        }
        if (committed.compareTo(upTo) >= 0) {
            return null;
        }
        long perBlock = blockRows == null || blockRows.isBlank() ? 100_000L : Long.parseLong(blockRows);
        QueuePosition end = SourceQueue.nth(source, prepared.config().queue(), committed, upTo, perBlock);
        end = end == null ? upTo : end;
        Block block = new Block.QueueRange(committed.xid(), committed.id(), end.xid(), end.id());
        committed = end;
        return block;
    }

    @Override
    public Serializable checkpointInfo() {
        return repulling ? new BlockCheckpoint(BlockCheckpoint.CURRENT_VERSION, plan, next, sourceWrites)
                : new QueueCheckpoint(QueueCheckpoint.CURRENT_VERSION, upTo, committed);
    }

    @Override
    public void close() throws Exception {
        if (source != null) {
            source.close();
            source = null;
        }
    }
}
