package org.mimeo.snapshot;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.mimeo.config.ConfigRepository;
import org.mimeo.config.RefreshConfigSnap;
import org.mimeo.ddl.DestinationCatalog;
import org.mimeo.ddl.DestinationDdl;
import org.mimeo.ddl.Grants;
import org.mimeo.ddl.IndexReplay;
import org.mimeo.internal.MimeoLogger;
import org.mimeo.replication.SourceAccess;
import org.mimeo.replication.SourceDescription;
import org.mimeo.source.Column;
import org.mimeo.source.WriteStats;
import org.mimeo.sql.QualifiedName;
import org.mimeo.sql.SqlFragment;

/**
 * The two transactional ends of a snap refresh, around the copy step: prepare (decide the load
 * target, rebuild it on column changes, skip when the source had no writes, empty it) and swap
 * (indexes, ANALYZE, point the view at the loaded table, empty the other one).
 */
@ApplicationScoped
public class SnapshotRefresh {

    public static final String SKIPPED = "SKIPPED";

    @Resource(lookup = "java:jboss/datasources/MimeoDS")
    DataSource destination;

    @Inject
    ConfigRepository config;

    @Inject
    SourceAccess sources;

    public record Outcome(String exitStatus, String message) {
    }

    @Transactional(rollbackOn = Exception.class)
    public Outcome prepare(String destTable, Boolean checkStatsOverride) throws SQLException {
        RefreshConfigSnap snap = config.replication(destTable, RefreshConfigSnap.class);
        SnapTables tables = SnapTables.of(snap.destination());
        SourceDescription source = SourceDescription.read(sources, config.source(snap.getSourceId()), snap.source(), snap.getFilter(),
                null, false);
        try (Connection d = destination.getConnection()) {
            QualifiedName target = tables.loadTarget(DestinationCatalog.viewSource(d, tables.view(), tables.tables()).orElse(null));
            List<Column> targetColumns = DestinationCatalog.exists(d, target) ? DestinationCatalog.columns(d, target) : null;
            boolean pendingRebuild = SnapRefreshState.load(d, destTable).map(SnapRefreshState::rebuilt).orElse(false);
            boolean rebuild = !source.columns().equals(targetColumns);
            String message;
            if (rebuild) {
                Grants grants = targetColumns == null ? null : Grants.of(d, target);
                if (targetColumns != null) {
                    MimeoLogger.LOG.snapColumnsChanged(snap.getSourceTable(), target.toString(), destTable);
                }
                DestinationDdl.dropTableIfExists(d, target);
                DestinationDdl.createTable(d, target, source.columns());
                if (grants != null) {
                    grants.applyTo(d, target, "TABLE");
                }
                message = targetColumns == null ? "Created " + target + " to load" : "Source table structure changed; rebuilt " + target;
            } else {
                boolean checkStats = checkStatsOverride != null ? checkStatsOverride : snap.isCheckStats();
                boolean viewCurrent = source.columns().equals(DestinationCatalog.columns(d, tables.view()));
                if (checkStats && !pendingRebuild && viewCurrent && source.stats().isPresent() && source.stats().get().equals(storedStats(snap))) {
                    snap.setLastRun(OffsetDateTime.now());
                    SnapRefreshState.clear(d, destTable);
                    MimeoLogger.LOG.snapSkipped(destTable, snap.getSourceTable());
                    return new Outcome(SKIPPED, "Source table " + snap.getSourceTable() + " has not had any writes; skipping data pull");
                }
                DestinationDdl.truncate(d, target, false);
                message = "Emptied " + target + " to load";
            }
            new SnapRefreshState(source.stats().orElse(null), rebuild || pendingRebuild).save(d, destTable);
            return new Outcome("COPY", message);
        }
    }

    private static WriteStats storedStats(RefreshConfigSnap snap) {
        if (snap.getNTupIns() == null || snap.getNTupUpd() == null || snap.getNTupDel() == null) {
            return null;
        }
        return new WriteStats(snap.getNTupIns(), snap.getNTupUpd(), snap.getNTupDel());
    }

    @Transactional(rollbackOn = Exception.class)
    public Outcome swap(String destTable, boolean index) throws SQLException {
        RefreshConfigSnap snap = config.replication(destTable, RefreshConfigSnap.class);
        SnapTables tables = SnapTables.of(snap.destination());
        try (Connection d = destination.getConnection()) {
            Optional<SnapRefreshState> state = SnapRefreshState.load(d, destTable);
            if (state.isEmpty()) {
                throw new IllegalStateException("No prepared snap refresh for " + destTable + "; start a new refresh");
            }
            QualifiedName target = tables.loadTarget(DestinationCatalog.viewSource(d, tables.view(), tables.tables()).orElse(null));
            QualifiedName other = tables.other(target);
            List<Column> columns = DestinationCatalog.columns(d, target);
            boolean rebuilt = state.get().rebuilt();
            SourceDescription source = rebuilt && index
                    ? SourceDescription.read(sources, config.source(snap.getSourceId()), snap.source(), snap.getFilter(), null, true)
                    : null;
            if (source != null) {
                IndexReplay.replay(d, source.indexes(), snap.source(), target, snap.getFilter() != null, source.columnNames());
            }
            if (rebuilt) {
                // a new table has no statistics; a truncated and reloaded one keeps its column statistics
                // (from its load two refreshes ago) and autovacuum re-analyzes it after the load
                DestinationDdl.analyze(d, target);
            }
            String message;
            if (rebuilt || !columns.equals(DestinationCatalog.columns(d, tables.view()))) {
                Grants viewGrants = DestinationCatalog.exists(d, tables.view()) ? Grants.of(d, tables.view()) : null;
                Grants otherGrants = DestinationCatalog.exists(d, other) ? Grants.of(d, other) : null;
                DestinationDdl.dropViewIfExists(d, tables.view());
                DestinationDdl.createView(d, tables.view(), target, columns, false);
                if (viewGrants != null) {
                    viewGrants.applyTo(d, tables.view(), "VIEW");
                }
                DestinationDdl.dropTableIfExists(d, other);
                DestinationDdl.createTable(d, other, columns);
                if (otherGrants != null) {
                    otherGrants.applyTo(d, other, "TABLE");
                }
                if (source != null) {
                    IndexReplay.replay(d, source.indexes(), snap.source(), other, snap.getFilter() != null, source.columnNames());
                }
                runPostScript(d, snap);
                message = "View " + tables.view() + " rebuilt over " + target + "; " + other + " rebuilt empty";
            } else {
                DestinationDdl.createView(d, tables.view(), target, columns, true);
                DestinationDdl.truncate(d, other, false);
                message = "View " + tables.view() + " now shows " + target;
            }
            WriteStats stats = state.get().stats();
            snap.setWriteStats(stats == null ? null : stats.inserted(), stats == null ? null : stats.updated(), stats == null ? null : stats.deleted());
            snap.setLastRun(OffsetDateTime.now());
            SnapRefreshState.clear(d, destTable);
            return new Outcome("COMPLETED", message);
        }
    }

    private static void runPostScript(Connection d, RefreshConfigSnap snap) throws SQLException {
        if (snap.getPostScript() == null) {
            return;
        }
        for (String statement : snap.getPostScript()) {
            if (statement != null && !statement.isBlank()) {
                DestinationDdl.execute(d, SqlFragment.singleStatement(statement));
            }
        }
    }
}
