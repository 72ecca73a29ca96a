package org.mimeo.ddl;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.mimeo.error.MimeoException;
import org.mimeo.internal.MimeoMessages;
import org.mimeo.internal.Settings;
import org.mimeo.internal.Timeouts;
import org.mimeo.sql.QualifiedName;

/**
 * Bounds the DDL Mimeo runs on the destination: {@code SET LOCAL lock_timeout} and {@code statement_timeout}
 * in the transaction that runs it, so a table locked by someone else fails a maker, swap or truncate
 * instead of blocking it forever. A savepoint keeps the transaction usable after the timeout, long enough
 * to name the sessions that hold locks on the table.
 */
final class LockHolders {

    private static final String LOCK_NOT_AVAILABLE = "55P03";
    private static final String QUERY_CANCELED = "57014";
    private static final String SAVEPOINT = "mimeo_ddl";

    private LockHolders() {
    }

    static void executeBounded(Connection c, String sql, QualifiedName table) throws SQLException {
        if (c.getAutoCommit()) {
            // no transaction to scope SET LOCAL to; such DDL (none of Mimeo's today) runs unbounded
            try (Statement st = c.createStatement()) {
                st.execute(sql);
            }
            return;
        }
        Timeouts limits = Settings.timeouts();
        try (Statement st = c.createStatement()) {
            st.execute("SET LOCAL lock_timeout = " + limits.ddlLock() * 1000L);
            st.execute("SET LOCAL statement_timeout = " + limits.ddlStatement() * 1000L);
            st.execute("SAVEPOINT " + SAVEPOINT);
            try {
                st.execute(sql);
            } catch (SQLException e) {
                if (!LOCK_NOT_AVAILABLE.equals(e.getSQLState()) && !QUERY_CANCELED.equals(e.getSQLState())) {
                    throw e;
                }
                st.execute("ROLLBACK TO SAVEPOINT " + SAVEPOINT);
                throw timedOut(c, sql, table, e, limits);
            }
            st.execute("RELEASE SAVEPOINT " + SAVEPOINT);
            // the bounds are for this DDL only, not for the COPYs that may follow in the same transaction
            st.execute("SET LOCAL lock_timeout TO DEFAULT");
            st.execute("SET LOCAL statement_timeout TO DEFAULT");
        }
    }

    private static MimeoException timedOut(Connection c, String sql, QualifiedName table, SQLException e, Timeouts limits) {
        boolean lock = LOCK_NOT_AVAILABLE.equals(e.getSQLState());
        String what = table == null ? "the destination" : table.toString();
        String holders;
        try {
            holders = holders(c, table);
        } catch (SQLException unknown) {
            holders = "(could not list the lock holders: " + unknown.getMessage() + ")";
        }
        String statement = sql.length() > 120 ? sql.substring(0, 120) + "..." : sql;
        String message = lock
                ? MimeoMessages.MSG.ddlLockTimeout(what, limits.ddlLock(), statement, holders)
                : MimeoMessages.MSG.ddlStatementTimeout(what, limits.ddlStatement(), statement, holders);
        return new MimeoException(org.mimeo.error.Failure.CONFLICT, message, e);
    }

    /** The other sessions with a granted lock on {@code table} (null: any relation lock in this database). */
    private static String holders(Connection c, QualifiedName table) throws SQLException {
        String sql = "SELECT DISTINCT a.pid, a.application_name, a.usename, a.state, a.query_start, l.mode"
                + " FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid"
                + " WHERE l.granted AND l.pid <> pg_backend_pid() AND l.locktype = 'relation' AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())"
                + (table == null ? "" : " AND l.relation = to_regclass(?)")
                + " ORDER BY a.pid LIMIT 10";
        StringBuilder text = new StringBuilder();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (table != null) {
                ps.setString(1, table.sql());
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    text.append(text.isEmpty() ? "" : "; ").append("pid ").append(rs.getInt(1)).append(" (application_name '")
                            .append(rs.getString(2)).append("', user ").append(rs.getString(3)).append(", state ").append(rs.getString(4))
                            .append(", query started ").append(rs.getString(5)).append(", ").append(rs.getString(6)).append(')');
                }
            }
        }
        return text.isEmpty() ? "none found any more" : text.toString();
    }
}
