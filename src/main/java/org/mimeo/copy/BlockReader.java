package org.mimeo.copy;

import jakarta.batch.api.BatchProperty;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.sql.Connection;
import java.sql.SQLException;
import org.mimeo.internal.MimeoLogger;
import org.mimeo.source.SourceCatalog;
import org.mimeo.source.SourceRelation;
import org.mimeo.source.WriteStats;

/**
 * Reads the blocks of a full copy, planned in the step's source snapshot ({@link SnapshotReader}), so
 * every block of one execution sees the same snapshot.
 * <p>
 * Restart: the plan and position come back from the checkpoint. A page-range plan is only valid while
 * the source has not been written (rows may have moved between pages), so if the source's write
 * counter moved, the copy starts over from its first block and the writer empties the target first.
 * <p>
 * With {@code reload=true} the step is one chunk (its checkpoint algorithm never checkpoints before the
 * reader ends): nothing of an earlier execution can have been committed, so every execution plans the
 * copy afresh, ignores any checkpoint and has the writer empty the target inside the same transaction.
 */
@Dependent
@Named("blockReader")
public class BlockReader extends SnapshotReader {

    @Inject
    @BatchProperty
    String mode;

    /** True: every execution copies all blocks into the emptied target in one transaction (see above). */
    @Inject
    @BatchProperty
    boolean reload;

    /** The copy providers, by the job XML's {@code mode}; a test sets its own. */
    Iterable<CopySpecProvider> providers;

    private BlockPlan plan;
    private int next;
    private Long sourceWrites;

    @Inject
    void providers(@Any Instance<CopySpecProvider> all) {
        this.providers = all;
    }

    @Override
    public void open(Serializable checkpoint) throws Exception {
        CopySpec spec = provider().spec(destTable);
        sourceWrites = writesBeforeSnapshot(sources, spec);
        openSnapshot(spec.source(), source -> plan(source, spec, checkpoint));
    }

    /** Resumes the checkpoint's plan when it is still valid, else plans the copy afresh; begins the session. */
    private void plan(Connection source, CopySpec spec, Serializable checkpoint) throws SQLException {
        SourceRelation relation = SourceCatalog.relation(source, spec.sourceTable(), spec.source().getId());
        boolean truncate = false;
        if (reload) {
            plan = BlockPlanner.plan(source, relation, blockRows);
            next = 0;
            truncate = true;
            log.info("Reloading " + spec.target() + " from " + spec.sourceTable() + " in one transaction: " + plan.size()
                    + " block(s); nobody sees the table empty or partly loaded");
        } else if (checkpoint instanceof BlockCheckpoint saved && saved.validFor(sourceWrites)) {
            plan = saved.plan();
            next = saved.nextBlock();
            log.info("Resuming the copy into " + spec.target() + " at block " + (next + 1) + " of " + plan.size());
        } else {
            if (checkpoint != null) {
                MimeoLogger.LOG.ctidPlanInvalidated(spec.target().toString(), spec.sourceTable().toString());
                log.warn("The source " + spec.sourceTable() + " changed since the failed run; copying " + spec.target() + " again from its first block");
                truncate = true;
            }
            plan = BlockPlanner.plan(source, relation, blockRows);
            next = 0;
            log.info("Copying " + spec.sourceTable() + " into " + spec.target() + " in " + plan.size() + " block(s)"
                    + (plan.keyColumn() != null ? " by key " + plan.keyColumn() : plan.isPhysical() ? " by heap pages" : ""));
        }
        session.begin(source, spec, plan.keyColumn(), truncate, next, plan.size());
    }

    /**
     * The source table's write counter, read on its own connection before the copy's snapshot exists:
     * a write in between can only make a restart copy again from the first block, never skip a change.
     */
    public static Long writesBeforeSnapshot(CopySources sources, CopySpec spec) throws SQLException {
        try (Connection before = sources.open(spec.source())) {
            var relation = SourceCatalog.findRelation(before, spec.sourceTable());
            return relation.isEmpty() ? null : SourceCatalog.writeStats(before, relation.get().oid()).map(WriteStats::total).orElse(null);
        }
    }

    private CopySpecProvider provider() {
        for (CopySpecProvider p : providers) {
            if (p.mode().equals(mode)) {
                return p;
            }
        }
        throw new IllegalStateException("no copy provider for mode " + mode);
    }

    @Override
    public Object readItem() {
        return next < plan.size() ? plan.block(next++) : null;
    }

    @Override
    public Serializable checkpointInfo() {
        return new BlockCheckpoint(BlockCheckpoint.CURRENT_VERSION, plan, next, sourceWrites);
    }
}
