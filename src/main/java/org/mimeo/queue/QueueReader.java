package org.mimeo.queue;

import jakarta.batch.api.BatchProperty;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.sql.Connection;
import java.sql.SQLException;
import org.mimeo.copy.Block;
import org.mimeo.copy.BlockCheckpoint;
import org.mimeo.copy.BlockPlan;
import org.mimeo.copy.BlockPlanner;
import org.mimeo.copy.BlockReader;
import org.mimeo.copy.SnapshotReader;
import org.mimeo.source.SourceCatalog;
import org.mimeo.source.SourceRelation;

/**
 * Reads a dml/logdel run in one REPEATABLE READ snapshot of the source: normally blocks of about
 * {@code blockRows} queue entries after the committed position, up to the queue's end when the run
 * started (or {@code limit} entries); for a repull, the blocks of a full copy of the source table.
 */
@Dependent
@Named("queueReader")
public class QueueReader extends SnapshotReader {

    @Inject
    QueueCopySpecs specs;

    /** At most this many queue entries per run (null: up to the queue's end when the run started). */
    @Inject
    @BatchProperty
    Integer limit;

    @Inject
    @BatchProperty
    boolean repull;

    private QueueCopySpecs.Prepared prepared;
    private QueuePosition upTo;
    private QueuePosition committed;
    private BlockPlan plan;
    private int next;
    private Long sourceWrites;

    @Override
    public void open(Serializable checkpoint) throws Exception {
        prepared = specs.prepare(destTable, repull);
        sourceWrites = repull ? BlockReader.writesBeforeSnapshot(sources, prepared.spec()) : null;
        openSnapshot(prepared.mapping(), source -> {
            if (repull) {
                openRepull(source, checkpoint);
            } else {
                openReplay(source, checkpoint);
            }
        });
    }

    /**
     * Queue entry ids are taken when a change is queued, not when its transaction commits: a lower id may
     * still commit after a higher one is visible. So a run takes only the entries of transactions older
     * than its snapshot's xmin (all ended, none can add entries below them), in (transaction id, entry id)
     * order; younger ones wait for the next run.
     */
    private void openReplay(Connection source, Serializable checkpoint) throws SQLException {
        if (checkpoint instanceof QueueCheckpoint saved && saved.version() == QueueCheckpoint.CURRENT_VERSION) {
            upTo = saved.upTo();
            committed = saved.committed();
            log.info("Resuming the queue replay into " + prepared.spec().target() + " after queue position " + committed.xid() + "/" + committed.id());
        } else {
            committed = QueuePosition.of(prepared.config().getLastQueuePosition());
            QueuePosition end = SourceQueue.lastFinished(source, prepared.config().queue(), committed, SourceQueue.snapshotXmin(source));
            end = end == null ? committed : end;
            QueuePosition limited = limit == null || end.equals(committed) ? null
                    : SourceQueue.nth(source, prepared.config().queue(), committed, end, limit);
            upTo = limited == null ? end : limited;
            log.info(upTo.equals(committed) ? "No queued changes for " + destTable
                    : "Replaying the queued changes of " + prepared.config().getControl() + " after position " + committed.xid() + "/" + committed.id()
                    + " up to " + upTo.xid() + "/" + upTo.id() + " into " + destTable);
        }
        session.begin(source, prepared.spec(), null, false, 0, -1);
    }

    private void openRepull(Connection source, Serializable checkpoint) throws SQLException {
        SourceRelation relation = SourceCatalog.relation(source, prepared.spec().sourceTable(), prepared.mapping().getId());
        if (checkpoint instanceof BlockCheckpoint saved && saved.validFor(sourceWrites)) {
            plan = saved.plan();
            next = saved.nextBlock();
        } else {
            plan = BlockPlanner.plan(source, relation, blockRows);
            next = 0;
        }
        log.info("Repulling " + prepared.spec().sourceTable() + " into " + prepared.spec().target() + " in " + plan.size() + " block(s)");
        session.begin(source, prepared.spec(), plan.keyColumn(), checkpoint != null && next == 0 && !prepared.config().keepsDeletedRows(), next,
                plan.size());
    }

    @Override
    public Object readItem() throws SQLException {
        if (repull) {
            return next < plan.size() ? plan.block(next++) : null;
        }
        if (committed.compareTo(upTo) >= 0) {
            return null;
        }
        QueuePosition end = SourceQueue.nth(snapshot(), prepared.config().queue(), committed, upTo, blockRows);
        end = end == null ? upTo : end;
        Block block = new Block.QueueRange(committed.xid(), committed.id(), end.xid(), end.id());
        committed = end;
        return block;
    }

    @Override
    public Serializable checkpointInfo() {
        return repull ? new BlockCheckpoint(BlockCheckpoint.CURRENT_VERSION, plan, next, sourceWrites)
                : new QueueCheckpoint(QueueCheckpoint.CURRENT_VERSION, upTo, committed);
    }
}
