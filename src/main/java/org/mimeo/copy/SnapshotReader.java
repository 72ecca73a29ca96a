package org.mimeo.copy;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import org.mimeo.config.DblinkMapping;
import org.mimeo.job.JobLog;

/**
 * What Mimeo's copy readers share: one REPEATABLE READ, read-only transaction on the source for the whole
 * step, so every block of an execution comes from one snapshot. A reader opens it with {@link #openSnapshot},
 * plans its blocks on it and hands it to the renderer and writer by beginning the step's {@link CopySession};
 * the transaction ends when the step closes the reader.
 */
public abstract class SnapshotReader extends AbstractItemReader {

    /** What a reader does on its fresh snapshot when it opens: plan the blocks and begin the session. */
    @FunctionalInterface
    protected interface Planning {
        void plan(Connection snapshot) throws SQLException;
    }

    @Inject
    protected CopySession session;

    @Inject
    protected CopySources sources;

    @Inject
    protected JobLog log;

    @Inject
    @BatchProperty
    protected String destTable;

    /** About how many rows (or queue entries) one block holds. */
    @Inject
    @BatchProperty
    protected long blockRows;

    private Connection source;

    /** Opens the step's snapshot of {@code mapping} and runs {@code planning} on it; a failure closes the snapshot again. */
    protected void openSnapshot(DblinkMapping mapping, Planning planning) throws SQLException {
        source = sources.openSnapshot(mapping);
        try {
            planning.plan(source);
        } catch (SQLException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /** The step's snapshot connection. */
    protected Connection snapshot() {
        return source;
    }

    @Override
    public void close() throws SQLException {
        if (source != null) {
            source.close();
            source = null;
        }
    }
}
