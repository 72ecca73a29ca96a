package org.mimeo.ddl;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;
import org.mimeo.source.Column;
import org.mimeo.sql.Identifiers;
import org.mimeo.sql.QualifiedName;

/** DDL Mimeo runs on the destination. Every identifier is quoted; column types come from format_type. */
public final class DestinationDdl {

    private DestinationDdl() {
    }

    public static void createTable(Connection c, QualifiedName table, List<Column> columns) throws SQLException {
        execute(c, "CREATE TABLE " + table.sql() + " ("
                + columns.stream().map(Column::definition).collect(Collectors.joining(", ")) + ")", null);
    }

    public static void dropTableIfExists(Connection c, QualifiedName table) throws SQLException {
        execute(c, "DROP TABLE IF EXISTS " + table.sql(), table);
    }

    public static void dropViewIfExists(Connection c, QualifiedName view) throws SQLException {
        execute(c, "DROP VIEW IF EXISTS " + view.sql(), view);
    }

    public static void createView(Connection c, QualifiedName view, QualifiedName over, List<Column> columns, boolean replace) throws SQLException {
        execute(c, "CREATE " + (replace ? "OR REPLACE " : "") + "VIEW " + view.sql() + " AS SELECT "
                + Identifiers.quoteAll(columns.stream().map(Column::name).toList()) + " FROM " + over.sql(), view);
    }

    public static void truncate(Connection c, QualifiedName table, boolean cascade) throws SQLException {
        execute(c, "TRUNCATE TABLE " + table.sql() + (cascade ? " CASCADE" : ""), table);
    }

    public static void analyze(Connection c, QualifiedName table) throws SQLException {
        execute(c, "ANALYZE " + table.sql(), table);
    }

    public static void rename(Connection c, QualifiedName table, String newName) throws SQLException {
        execute(c, "ALTER TABLE " + table.sql() + " RENAME TO " + Identifiers.quote(newName), table);
    }

    public static void execute(Connection c, String sql) throws SQLException {
        execute(c, sql, null);
    }

    /**
     * Runs one DDL statement within mimeo.timeout.ddlLock and ddlStatement; on a timeout the error names the
     * sessions holding locks on {@code table} (null: on any relation of the destination database).
     */
    public static void execute(Connection c, String sql, QualifiedName table) throws SQLException {
        LockHolders.executeBounded(c, sql, table);
    }
}
