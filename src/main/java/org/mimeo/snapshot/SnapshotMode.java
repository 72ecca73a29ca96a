package org.mimeo.snapshot;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import org.mimeo.config.RefreshConfig;
import org.mimeo.config.RefreshConfigSnap;
import org.mimeo.ddl.DestinationCatalog;
import org.mimeo.ddl.DestinationDdl;
import org.mimeo.job.RefreshParameters;
import org.mimeo.replication.MakeRequest;
import org.mimeo.replication.MakerSteps;
import org.mimeo.replication.RefreshRequest;
import org.mimeo.replication.ReplicationMode;
import org.mimeo.sql.QualifiedName;

/**
 * Snapshot replication (snapshot_maker, refresh_snap, snapshot_destroyer): a view over one of two tables,
 * {@code _snap1} and {@code _snap2}; a refresh loads the other one and swaps. See {@link SnapshotMaker}.
 */
@ApplicationScoped
public class SnapshotMode implements ReplicationMode {

    @Override
    public String type() {
        return RefreshConfigSnap.TYPE;
    }

    @Override
    public String jobName() {
        return "snap";
    }

    @Override
    public MakerSteps maker(MakeRequest request) {
        return new SnapshotMaker(request);
    }

    @Override
    public RefreshParameters initialLoadParameters(MakeRequest request) {
        return RefreshParameters.snap(request.index(), false);
    }

    @Override
    public RefreshParameters refreshParameters(RefreshConfig c, RefreshRequest request) {
        return RefreshParameters.snap(request.index() == null || request.index(), request.checkStats());
    }

    /** Keeping the data turns the table the view shows into a plain table under the view's name. */
    @Override
    public void dropDestination(Connection d, RefreshConfig c, boolean keep) throws SQLException {
        SnapTables tables = SnapTables.of(c.destination());
        QualifiedName active = DestinationCatalog.viewSource(d, tables.view(), tables.tables()).orElse(null);
        DestinationDdl.dropViewIfExists(d, tables.view());
        if (keep && active != null) {
            DestinationDdl.rename(d, active, tables.view().table());
            DestinationDdl.dropTableIfExists(d, tables.other(active));
        } else {
            DestinationDdl.dropTableIfExists(d, tables.snap1());
            DestinationDdl.dropTableIfExists(d, tables.snap2());
        }
        SnapRefreshState.clear(d, c.getDestTable());
    }
}
