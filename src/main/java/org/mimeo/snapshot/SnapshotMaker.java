package org.mimeo.snapshot;

import java.sql.Connection;
import java.sql.SQLException;
import org.mimeo.config.RefreshConfig;
import org.mimeo.config.RefreshConfigSnap;
import org.mimeo.ddl.DestinationCatalog;
import org.mimeo.ddl.DestinationDdl;
import org.mimeo.error.MimeoException;
import org.mimeo.internal.MimeoMessages;
import org.mimeo.replication.MakeRequest;
import org.mimeo.replication.MakerSteps;
import org.mimeo.sql.QualifiedName;

/**
 * A snap maker creates the view over an empty {@code _snap1}; the first refresh builds and loads {@code _snap2}
 * and swaps, so the initial set-up pulls the source once (the original pulled it twice). Without pullData both
 * tables are created, with the source's indexes when asked.
 */
final class SnapshotMaker extends MakerSteps {

    private final SnapTables tables;

    SnapshotMaker(MakeRequest request) {
        super(request);
        this.tables = SnapTables.of(dest);
    }

    @Override
    protected boolean readsIndexes() {
        // with pullData the first refresh builds the indexes, reading the source's catalog itself
        return request.index() && !request.pullData();
    }

    @Override
    protected void checkDestination(Connection d) throws SQLException {
        DestinationCatalog.requireWritableSchema(d, dest);
        for (QualifiedName name : new QualifiedName[] {tables.view(), tables.snap1(), tables.snap2()}) {
            if (DestinationCatalog.exists(d, name)) {
                throw MimeoException.conflict(MimeoMessages.MSG.snapDestinationExists(name));
            }
        }
    }

    @Override
    protected void createDestination(Connection d) throws SQLException {
        DestinationDdl.createTable(d, tables.snap1(), source().columns());
        DestinationDdl.createView(d, tables.view(), tables.snap1(), source().columns(), false);
        if (!request.pullData()) {
            DestinationDdl.createTable(d, tables.snap2(), source().columns());
            if (request.index()) {
                for (QualifiedName table : tables.tables()) {
                    replayIndexes(d, table);
                }
            }
        }
    }

    @Override
    protected RefreshConfig configure(Connection d) {
        return new RefreshConfigSnap();
    }
}
