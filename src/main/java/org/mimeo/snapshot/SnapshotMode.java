package org.mimeo.snapshot;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.mimeo.config.ConfigRepository;
import org.mimeo.config.RefreshConfig;
import org.mimeo.config.RefreshConfigSnap;
import org.mimeo.ddl.DestinationCatalog;
import org.mimeo.ddl.DestinationDdl;
import org.mimeo.ddl.IndexReplay;
import org.mimeo.error.MimeoException;
import org.mimeo.job.RefreshParameters;
import org.mimeo.replication.MakeRequest;
import org.mimeo.replication.MakerSupport;
import org.mimeo.replication.RefreshRequest;
import org.mimeo.replication.ReplicationMode;
import org.mimeo.replication.SourceAccess;
import org.mimeo.replication.SourceDescription;
import org.mimeo.sql.QualifiedName;

/**
 * Snapshot replication (snapshot_maker, refresh_snap, snapshot_destroyer). The maker creates the
 * view over an empty {@code _snap1}; the first refresh builds and loads {@code _snap2} and swaps, so
 * the initial set-up pulls the source once (the original pulled it twice).
 */
@ApplicationScoped
public class SnapshotMode implements ReplicationMode {

    @Resource(lookup = "java:jboss/datasources/MimeoDS")
    DataSource destination;

    @Inject
    ConfigRepository config;

    @Inject
    SourceAccess sources;

    @Override
    public String type() {
        return RefreshConfigSnap.TYPE;
    }

    @Override
    public String jobName() {
        return "snap";
    }

    @Override
    public RefreshConfig make(MakeRequest request) {
        QualifiedName dest = QualifiedName.parse(request.destTable());
        QualifiedName src = QualifiedName.parse(request.sourceTable());
        SourceDescription source = SourceDescription.read(sources, sources.mapping(request.sourceId()), src, request.filterArray(),
                request.condition(), request.index() && !request.pullData());
        SnapTables tables = SnapTables.of(dest);
        try (Connection d = destination.getConnection()) {
            DestinationCatalog.requireWritableSchema(d, dest);
            for (QualifiedName name : new QualifiedName[] {tables.view(), tables.snap1(), tables.snap2()}) {
                if (DestinationCatalog.exists(d, name)) {
                    throw MimeoException.conflict("Destination " + name + " already exists; a snap destination and its _snap1/_snap2 tables must not exist before the maker runs");
                }
            }
            RefreshConfigSnap snap = MakerSupport.fill(new RefreshConfigSnap(), request);
            config.add(snap);
            DestinationDdl.createTable(d, tables.snap1(), source.columns());
            DestinationDdl.createView(d, tables.view(), tables.snap1(), source.columns(), false);
            if (!request.pullData()) {
                DestinationDdl.createTable(d, tables.snap2(), source.columns());
                if (request.index()) {
                    for (QualifiedName table : tables.tables()) {
                        IndexReplay.replay(d, source.indexes(), src, table, request.filter() != null, source.columnNames());
                    }
                }
            }
            return snap;
        } catch (SQLException e) {
            throw MimeoException.invalid("Could not create snap destination " + dest + ": " + e.getMessage());
        }
    }

    @Override
    public RefreshParameters initialLoadParameters(MakeRequest request) {
        return RefreshParameters.snap(request.index(), false);
    }

    @Override
    public RefreshParameters refreshParameters(RefreshConfig c, RefreshRequest request) {
        return RefreshParameters.snap(request.index() == null || request.index(), request.checkStats());
    }

    @Override
    public void destroy(RefreshConfig c, boolean archive) {
        SnapTables tables = SnapTables.of(c.destination());
        try (Connection d = destination.getConnection()) {
            QualifiedName active = DestinationCatalog.viewSource(d, tables.view(), tables.tables()).orElse(null);
            DestinationDdl.dropViewIfExists(d, tables.view());
            if (archive && active != null) {
                DestinationDdl.rename(d, active, tables.view().table());
                DestinationDdl.dropTableIfExists(d, tables.other(active));
            } else {
                DestinationDdl.dropTableIfExists(d, tables.snap1());
                DestinationDdl.dropTableIfExists(d, tables.snap2());
            }
            SnapRefreshState.clear(d, c.getDestTable());
            config.remove(c);
        } catch (SQLException e) {
            throw MimeoException.conflict("Could not remove snap destination " + c.getDestTable() + ": " + e.getMessage());
        }
    }
}
