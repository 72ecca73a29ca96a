package org.mimeo.incremental;

import jakarta.batch.api.BatchProperty;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.sql.Connection;
import java.sql.SQLException;
import org.mimeo.copy.Block;
import org.mimeo.copy.SnapshotReader;
import org.mimeo.copy.CopySpec;

/**
 * Reads an incremental run as blocks of whole control values: (last committed value, the value about
 * {@code blockRows} rows further], planned one block ahead with an ordered scan of the control
 * column, in one REPEATABLE READ snapshot. Rows sharing a control value always land in one block, so
 * the checkpoint, the last committed value, is exact even when many rows share it.
 */
@Dependent
@Named("valueRangeReader")
public class ValueRangeReader extends SnapshotReader {

    @Inject
    IncrementalCopySpecs specs;

    /** At most this many rows per run (null: no limit); the window ends before a control value the limit would cut through. */
    @Inject
    @BatchProperty
    Integer limit;

    @Inject
    @BatchProperty
    boolean repull;

    @Inject
    @BatchProperty
    String repullStart;

    @Inject
    @BatchProperty
    String repullEnd;

    private IncrementalSource rows;
    private Window window;
    private String committed;

    @Override
    public void open(Serializable checkpoint) throws Exception {
        IncrementalCopySpecs.Prepared prepared = specs.prepare(destTable);
        openSnapshot(prepared.spec().source(), source -> plan(source, prepared, checkpoint));
    }

    /** Resumes the checkpoint's window, or computes the run's window; begins the session. */
    private void plan(Connection source, IncrementalCopySpecs.Prepared prepared, Serializable checkpoint) throws SQLException {
        CopySpec spec = prepared.spec();
        rows = new IncrementalSource(source, spec.sourceTable(), prepared.control(), spec.condition(), prepared.type());
        if (checkpoint instanceof IncrementalCheckpoint saved && saved.version() == IncrementalCheckpoint.CURRENT_VERSION) {
            window = saved.window();
            committed = saved.committed();
            log.info("Resuming the copy into " + spec.target() + " after control value " + committed);
        } else {
            if (spec.keyColumns() != null && specs.destinationEmpty(destTable)) {
                // one snapshot holds each key once and blocks never overlap, so an empty table can simply be appended to
                spec = spec.appending();
                log.info("Destination " + spec.target() + " is empty: loading by COPY instead of replacing rows by key");
            }
            String lower = repull ? canonical(repullStart) : prepared.lastValue();
            window = Window.compute(rows, lower, prepared.boundary(), repull ? canonical(repullEnd) : null, limit, destTable);
            committed = window.lower();
            log.info(window.upper() == null ? "No new rows in " + spec.sourceTable() + " above " + describe(window.lower())
                    : "Copying rows of " + spec.sourceTable() + " with " + prepared.control() + " above " + describe(window.lower())
                    + " up to " + window.upper() + (repull ? " (repull)" : ""));
        }
        session.begin(source, spec, prepared.control(), false, 0, -1);
    }

    private static String describe(String value) {
        return value == null ? "the lowest value" : value;
    }

    private String canonical(String value) throws SQLException {
        return value == null ? null : rows.canonical(value);
    }

    @Override
    public Object readItem() throws SQLException {
        if (window.upper() == null || window.upper().equals(committed)) {
            return null;
        }
        String remaining = rows.above(committed) + " AND " + rows.atMost(window.upper());
        String upper = rows.nth(remaining, blockRows);
        if (upper == null) {
            upper = window.upper();
        }
        ControlType type = rows.type();
        Block block = new Block.ValueRange(committed == null ? null : type.sourceLiteral(committed), type.sourceLiteral(upper), upper);
        committed = upper;
        return block;
    }

    @Override
    public Serializable checkpointInfo() {
        return new IncrementalCheckpoint(IncrementalCheckpoint.CURRENT_VERSION, window, committed);
    }
}
