package org.mimeo.table;

import jakarta.batch.api.BatchProperty;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.sql.Connection;
import java.sql.SQLException;
import org.mimeo.copy.BlockCopyWriter;
import org.mimeo.copy.CopySpec;

/**
 * The table refresh's writer: its chunk holds every block ({@link TableReloadCheckpoint}), so the
 * TRUNCATE (with CASCADE when asked), all blocks and the sequence reset are one destination transaction.
 * Until it commits other sessions keep the previous rows; a failure or a crash rolls it all back.
 */
@Dependent
@Named("tableReloadWriter")
public class TableReloadWriter extends BlockCopyWriter {

    @Inject
    TableRefresh refresh;

    @Inject
    @BatchProperty
    String destTable;

    /** Overrides the replication's truncateCascade (null: as configured). */
    @Inject
    @BatchProperty
    Boolean truncateCascade;

    @Override
    protected void emptyTarget(Connection dest, CopySpec spec) throws SQLException {
        log.info(refresh.truncate(dest, destTable, refresh.cascade(destTable, truncateCascade)));
    }

    @Override
    protected void afterBlocks(Connection dest) throws SQLException {
        refresh.resetSequences(dest, destTable).forEach(log::info);
    }
}
