package org.mimeo.replication;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.mimeo.config.KeyedConfig;
import org.mimeo.config.RefreshConfig;
import org.mimeo.ddl.DestinationCatalog;
import org.mimeo.ddl.DestinationDdl;
import org.mimeo.ddl.IndexReplay;
import org.mimeo.error.MimeoException;
import org.mimeo.internal.MimeoMessages;
import org.mimeo.source.Column;
import org.mimeo.sql.QualifiedName;

/**
 * What one replication type's maker does in each step of the {@link Maker}, for one request: an object per
 * request, so what a step finds (a key, a control column, whether a table is adopted) is there for the next.
 * The checks ({@link #validate}, {@link #checkSource}, {@link #checkDestination}) run before anything is created.
 */
public abstract class MakerSteps {

    protected final MakeRequest request;
    protected final QualifiedName src;
    protected final QualifiedName dest;
    private SourceDescription source;

    protected MakerSteps(MakeRequest request) {
        this.request = request;
        this.src = QualifiedName.parse(request.sourceTable());
        this.dest = QualifiedName.parse(request.destTable());
    }

    /** Checks of the request alone, before the source is read; none by default. */
    protected void validate() {
    }

    /** Whether the source's indexes are read (to be replayed on the destination): when the request asks for indexes. */
    protected boolean readsIndexes() {
        return request.index();
    }

    /** Checks of the described source (a key, a control column, privileges); none by default. */
    protected void checkSource() {
    }

    /** Checks of the destination database: its schema, and what must or must not exist there. */
    protected abstract void checkDestination(Connection d) throws SQLException;

    /** Creates what the type needs outside the destination database, committed there on its own; none by default. */
    protected void createSourceObjects() {
    }

    /** Creates the destination objects, in the transaction that stores the configuration. */
    protected abstract void createDestination(Connection d) throws SQLException;

    /** A new configuration row with the type's own fields set; the maker fills in the fields every type has. */
    protected abstract RefreshConfig configure(Connection d) throws SQLException;

    /** In the transaction that stores the configuration, once it is stored; nothing by default. */
    protected void recorded(Connection d) throws SQLException {
    }

    /** Removes what {@link #createSourceObjects} created, when a later step failed; nothing by default. */
    protected void removeSourceObjects() {
    }

    protected final SourceDescription source() {
        return source;
    }

    final void described(SourceDescription description) {
        this.source = description;
    }

    /** 409 when the destination exists: the types that create a plain table refuse to take over an existing one. */
    protected final void requireNewDestination(Connection d, String type) throws SQLException {
        if (DestinationCatalog.exists(d, dest)) {
            String article = "aeiou".indexOf(type.charAt(0)) >= 0 ? "an" : "a";
            throw MimeoException.conflict(MimeoMessages.MSG.destinationExists(dest, article, type));
        }
    }

    /** Creates {@code table} with {@code columns}, then the source's indexes on it when the request asks for them. */
    protected final void createTable(Connection d, QualifiedName table, List<Column> columns) throws SQLException {
        DestinationDdl.createTable(d, table, columns);
        if (request.index()) {
            replayIndexes(d, table);
        }
    }

    protected final void replayIndexes(Connection d, QualifiedName table) throws SQLException {
        IndexReplay.replay(d, source.indexes(), src, table, request.filter() != null, source.columnNames());
    }

    /** Stores the replication key in the configuration (updater, dml, logdel). */
    protected static void setKey(KeyedConfig config, List<Column> key) {
        config.setPkName(key.stream().map(Column::name).toArray(String[]::new));
        config.setPkType(key.stream().map(Column::type).toArray(String[]::new));
    }
}
