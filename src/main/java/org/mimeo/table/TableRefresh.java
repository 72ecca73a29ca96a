package org.mimeo.table;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import org.mimeo.config.ConfigRepository;
import org.mimeo.config.RefreshConfigTable;
import org.mimeo.ddl.DestinationDdl;

/**
 * What a table refresh does besides copying rows. Emptying the table and resetting its sequences run
 * on the copy step's connection, inside its one transaction (see {@link TableReloadWriter}); the last
 * run is recorded by the finish step.
 */
@ApplicationScoped
public class TableRefresh {

    @Inject
    ConfigRepository config;

    /** Whether the refresh truncates with CASCADE: the request's choice, else the replication's. */
    public boolean cascade(String destTable, Boolean cascadeOverride) {
        return cascadeOverride != null ? cascadeOverride : config.replication(destTable, RefreshConfigTable.class).isTruncateCascade();
    }

    /** Truncates the destination table on {@code d}, inside the caller's transaction. */
    public String truncate(Connection d, String destTable, boolean cascade) throws SQLException {
        DestinationDdl.truncate(d, config.replication(destTable, RefreshConfigTable.class).destination(), cascade);
        return "Truncated " + destTable + (cascade ? " with CASCADE (tables referencing it were truncated too)" : "")
                + " in the reload's transaction";
    }

    /** Resets the configured sequences on {@code d}, after the rows are in. */
    public List<String> resetSequences(Connection d, String destTable) throws SQLException {
        return TableSequences.reset(d, config.replication(destTable, RefreshConfigTable.class).getSequences());
    }

    @Transactional(rollbackOn = Exception.class)
    public void recordRun(String destTable) {
        config.replication(destTable, RefreshConfigTable.class).setLastRun(OffsetDateTime.now());
    }
}
