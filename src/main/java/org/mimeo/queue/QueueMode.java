package org.mimeo.queue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.mimeo.config.ConfigRepository;
import org.mimeo.config.QueueConfig;
import org.mimeo.config.RefreshConfig;
import org.mimeo.ddl.DestinationCatalog;
import org.mimeo.ddl.DestinationDdl;
import org.mimeo.ddl.IndexReplay;
import org.mimeo.error.MimeoException;
import org.mimeo.job.FaultInjection;
import org.mimeo.job.RefreshParameters;
import org.mimeo.replication.MakeRequest;
import org.mimeo.replication.MakerSupport;
import org.mimeo.replication.RefreshRequest;
import org.mimeo.replication.ReplicationKeys;
import org.mimeo.replication.ReplicationMode;
import org.mimeo.replication.SourceAccess;
import org.mimeo.replication.SourceDescription;
import org.mimeo.source.Column;
import org.mimeo.sql.Identifiers;
import org.mimeo.sql.QualifiedName;

/**
 * Makers and destroyers of dml and logdel replication: the only modes that write on the source (a
 * queue table, a trigger function and triggers in schema {@code mimeo} there). A maker that fails
 * removes what it created on both sides; a destroyer drops exactly its own source objects, trigger first.
 */
abstract class QueueMode implements ReplicationMode {

    @Resource(lookup = "java:jboss/datasources/MimeoDS")
    DataSource destination;

    @Inject
    ConfigRepository config;

    @Inject
    SourceAccess sources;

    @Inject
    MakerIntents intents;

    abstract QueueConfig newConfig();

    abstract boolean keepsDeletedRows();

    @Override
    public String jobName() {
        return type();
    }

    @Override
    public RefreshConfig make(MakeRequest request) {
        QualifiedName dest = QualifiedName.parse(request.destTable());
        QualifiedName src = QualifiedName.parse(request.sourceTable());
        SourceDescription source = SourceDescription.read(sources, sources.mapping(request.sourceId()), src, request.filterArray(),
                request.condition(), request.index());
        if (source.relation().isView() || !source.relation().hasPhysicalRows()) {
            throw MimeoException.sourceError("Source " + src + " is not a plain table; " + type() + " replication needs a table to put its trigger on");
        }
        List<Column> key = ReplicationKeys.resolve(sources, request, source);
        try (Connection s = sources.open(source.mapping())) {
            SourceQueuePrivileges.require(s, source.relation().name());
        } catch (SQLException e) {
            throw SourceAccess.sourceFailure("the privilege check", source.relation().name(), e);
        }
        try (Connection d = destination.getConnection()) {
            DestinationCatalog.requireWritableSchema(d, dest);
            if (DestinationCatalog.exists(d, dest)) {
                throw MimeoException.conflict("Destination " + dest + " already exists; a " + type() + " destination is created by the maker");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        QueueNames names = QueueNames.of(src, dest);
        intents.record(request.destTable(), request.sourceId(), source.relation().name().text(), names.queue().text(), names.function().text(),
                names.allTriggers());
        List<String> triggers;
        try {
            triggers = createSourceObjects(source, names, key, request.filter() != null);
        } catch (RuntimeException e) {
            intents.forgetNow(request.destTable());
            throw e;
        }
        FaultInjection.afterMakerStep(FaultInjection.MAKER_SOURCE_OBJECTS, request.faultAfter());
        try (Connection d = destination.getConnection()) {
            List<Column> columns = new java.util.ArrayList<>(source.columns());
            if (keepsDeletedRows()) {
                columns.add(new Column(QueueApply.DELETED_COLUMN, "timestamp with time zone"));
            }
            DestinationDdl.createTable(d, dest, columns);
            if (request.index()) {
                IndexReplay.replay(d, source.indexes(), src, dest, request.filter() != null, source.columnNames());
            }
            MakerSupport.ensureUniqueKey(d, dest, key);
            if (keepsDeletedRows()) {
                DestinationDdl.execute(d, "CREATE INDEX " + Identifiers.quote(Identifiers.truncateForSuffix(dest.table(), "_mimeo_source_deleted")
                        + "_mimeo_source_deleted") + " ON " + dest.sql() + " (" + Identifiers.quote(QueueApply.DELETED_COLUMN) + ")");
            }
            QueueConfig c = MakerSupport.fill(newConfig(), request);
            c.setControl(names.queue().text());
            c.setPkName(key.stream().map(Column::name).toArray(String[]::new));
            c.setPkType(key.stream().map(Column::type).toArray(String[]::new));
            c.setInsertOnFetch(request.insertOnFetch());
            c.setQueueFunction(names.function().text());
            c.setQueueTriggers(triggers.toArray(String[]::new));
            config.add(c);
            MakerIntents.forget(d, request.destTable());
            return c;
        } catch (SQLException | RuntimeException e) {
            dropSourceObjects(source, src, triggers, names.function(), names.queue());
            intents.forgetNow(request.destTable());
            if (e instanceof RuntimeException r) {
                throw r;
            }
            throw MimeoException.invalid("Could not create " + type() + " destination " + dest + ": " + e.getMessage());
        }
    }

    private List<String> createSourceObjects(SourceDescription source, QueueNames names, List<Column> key, boolean filtered) {
        try (Connection s = sources.open(source.mapping())) {
            s.setAutoCommit(false);
            // objects left by a maker that crashed half-way for this same destination
            SourceQueue.drop(s, source.relation().name(), names.allTriggers(), names.function(), names.queue());
            List<String> triggers = SourceQueue.create(s, names, source.relation().name(), key, source.columns(), keepsDeletedRows(), filtered);
            s.commit();
            return triggers;
        } catch (SQLException e) {
            throw MimeoException.sourceError("Could not create the change queue and trigger on the source for " + source.relation().name() + ": "
                    + e.getMessage() + ". The replication role needs TRIGGER on the table and CREATE on the database (for schema mimeo)", e);
        }
    }

    private void dropSourceObjects(SourceDescription source, QualifiedName table, List<String> triggers, QualifiedName function, QualifiedName queue) {
        try (Connection s = sources.open(source.mapping())) {
            s.setAutoCommit(false);
            SourceQueue.drop(s, table, triggers, function, queue);
            s.commit();
        } catch (SQLException e) {
            throw MimeoException.sourceError("Could not remove the change queue and trigger of " + table + " from the source: " + e.getMessage(), e);
        }
    }

    @Override
    public RefreshParameters initialLoadParameters(MakeRequest request) {
        return RefreshParameters.queue(null, true);
    }

    @Override
    public RefreshParameters refreshParameters(RefreshConfig c, RefreshRequest request) {
        return RefreshParameters.queue(request.limit() != null ? request.limit() : c.getBatchLimit(), request.repull());
    }

    @Override
    public void destroy(RefreshConfig c, boolean archive) {
        QueueConfig q = (QueueConfig) c;
        try (Connection s = sources.open(config.source(q.getSourceId()))) {
            s.setAutoCommit(false);
            SourceQueue.drop(s, q.source(), List.of(q.getQueueTriggers()), QualifiedName.parse(q.getQueueFunction()), q.queue());
            s.commit();
        } catch (SQLException e) {
            throw MimeoException.sourceError("Could not remove the trigger, function and queue of " + c.getDestTable() + " on the source: "
                    + e.getMessage() + ". Nothing was dropped. Only the source table's owner may drop its triggers; run as the owner: "
                    + java.util.Arrays.stream(q.getQueueTriggers()).map(t -> "DROP TRIGGER IF EXISTS " + Identifiers.quote(t) + " ON " + q.source().sql())
                    .collect(java.util.stream.Collectors.joining("; ")) + "; then destroy again", e);
        }
        MakerSupport.destroyTable(destination, config, c, archive);
    }
}
