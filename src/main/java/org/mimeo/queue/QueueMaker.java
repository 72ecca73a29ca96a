package org.mimeo.queue;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.mimeo.config.QueueConfig;
import org.mimeo.config.RefreshConfig;
import org.mimeo.ddl.DestinationCatalog;
import org.mimeo.ddl.DestinationDdl;
import org.mimeo.error.MimeoException;
import org.mimeo.internal.MimeoMessages;
import org.mimeo.replication.MakeRequest;
import org.mimeo.replication.MakerSteps;
import org.mimeo.replication.MakerSupport;
import org.mimeo.replication.ReplicationKeys;
import org.mimeo.replication.SourceAccess;
import org.mimeo.source.Column;
import org.mimeo.sql.Identifiers;

/**
 * A dml or logdel maker: the only makers that write on the source (a queue table, a trigger function and
 * triggers in schema {@code mimeo} there). The source objects commit in the source's transaction, before the
 * destination's; an intent row ({@link MakerIntents}) names them until the configuration is stored, so a
 * server that dies in between leaves nothing behind, and a later step that fails removes them again.
 */
final class QueueMaker extends MakerSteps {

    private final QueueMode mode;
    private final SourceAccess sources;
    private final MakerIntents intents;
    private final QueueNames names;
    private List<Column> key;
    private List<String> triggers;

    QueueMaker(MakeRequest request, QueueMode mode, SourceAccess sources, MakerIntents intents) {
        super(request);
        this.mode = mode;
        this.sources = sources;
        this.intents = intents;
        this.names = QueueNames.of(src, dest);
    }

    @Override
    protected void checkSource() {
        if (source().relation().isView() || !source().relation().hasPhysicalRows()) {
            throw MimeoException.sourceError(MimeoMessages.MSG.queueSourceNotATable(src, mode.type()));
        }
        key = ReplicationKeys.resolve(sources, request, source());
        try (Connection s = sources.open(source().mapping())) {
            SourceQueuePrivileges.require(s, source().relation().name());
        } catch (SQLException e) {
            throw SourceAccess.sourceFailure("the privilege check", source().relation().name(), e);
        }
    }

    @Override
    protected void checkDestination(Connection d) throws SQLException {
        DestinationCatalog.requireWritableSchema(d, dest);
        requireNewDestination(d, mode.type());
    }

    @Override
    protected void createSourceObjects() {
        intents.record(request.destTable(), request.sourceId(), source().relation().name().text(), names.queue().text(), names.function().text(),
                names.allTriggers());
        try (Connection s = sources.open(source().mapping())) {
            s.setAutoCommit(false);
            // objects left by a maker that crashed half-way for this same destination
            SourceQueue.drop(s, source().relation().name(), names.allTriggers(), names.function(), names.queue());
            triggers = SourceQueue.create(s, names, source().relation().name(), key, source().columns(), mode.keepsDeletedRows(),
                    request.filter() != null);
            s.commit();
        } catch (SQLException | RuntimeException e) {
            intents.forgetNow(request.destTable());
            throw e instanceof SQLException sql
                    ? MimeoException.sourceError(MimeoMessages.MSG.sourceObjectsNotCreated(source().relation().name(), sql.getMessage()), sql)
                    : (RuntimeException) e;
        }
    }

    @Override
    protected void createDestination(Connection d) throws SQLException {
        List<Column> columns = new ArrayList<>(source().columns());
        if (mode.keepsDeletedRows()) {
            columns.add(new Column(QueueApply.DELETED_COLUMN, "timestamp with time zone"));
        }
        createTable(d, dest, columns);
        MakerSupport.ensureUniqueKey(d, dest, key);
        if (mode.keepsDeletedRows()) {
            DestinationDdl.execute(d, "CREATE INDEX " + Identifiers.quote(Identifiers.truncateForSuffix(dest.table(), "_mimeo_source_deleted")
                    + "_mimeo_source_deleted") + " ON " + dest.sql() + " (" + Identifiers.quote(QueueApply.DELETED_COLUMN) + ")");
        }
    }

    @Override
    protected RefreshConfig configure(Connection d) {
        QueueConfig c = mode.newConfig();
        c.setControl(names.queue().text());
        setKey(c, key);
        c.setInsertOnFetch(request.insertOnFetch());
        c.setQueueFunction(names.function().text());
        c.setQueueTriggers(triggers.toArray(String[]::new));
        return c;
    }

    /** The intent goes in the transaction that stores the configuration: both commit, or the intent stays for the clean-up. */
    @Override
    protected void recorded(Connection d) throws SQLException {
        MakerIntents.forget(d, request.destTable());
    }

    @Override
    protected void removeSourceObjects() {
        try (Connection s = sources.open(source().mapping())) {
            s.setAutoCommit(false);
            SourceQueue.drop(s, src, triggers, names.function(), names.queue());
            s.commit();
        } catch (SQLException e) {
            throw MimeoException.sourceError(MimeoMessages.MSG.sourceObjectsNotRemoved(src, e.getMessage()), e);
        }
        intents.forgetNow(request.destTable());
    }
}
