package org.mimeo.source;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.mimeo.config.DblinkMapping;
import org.mimeo.internal.Settings;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

/**
 * Plain JDBC connections to source databases, outside JTA: one Agroal pool per source ({@link SourcePool}).
 * A source whose settings changed (here or on another server sharing the destination) gets a new pool; the old
 * one lends no more and closes once its borrowed connections are back. Closing a borrowed connection rolls back
 * whatever it left open and returns it; closing it again does nothing.
 */
@ApplicationScoped
public class SourceConnections {

    private final Map<Integer, SourcePool> pools = new ConcurrentHashMap<>();
    private final List<SourcePool> retired = new CopyOnWriteArrayList<>();

    @Inject
    SourceCredentials credentials;

    public Connection open(DblinkMapping source) {
        closeIdleRetired();
        for (;;) {
            SourcePool pool = pools.compute(source.getId(), (id, current) -> {
                if (current != null && current.serves(source)) {
                    return current;
                }
                SourcePool fresh = SourcePool.open(source, credentials, Settings.sourcePool());
                if (current != null) {
                    retire(current, "its settings changed");
                }
                return fresh;
            });
            Connection c = pool.borrow();
            if (!pool.isRetired()) {
                return c;
            }
            // retired between the lookup and the borrow: take one from the new pool
            closeQuietly(c);
        }
    }

    /**
     * A connection in one read-only REPEATABLE READ transaction: every query on it sees the same snapshot.
     * Closing it ends the transaction.
     */
    public Connection openSnapshot(DblinkMapping source) throws SQLException {
        Connection c = open(source);
        try {
            c.setAutoCommit(false);
            c.setReadOnly(true);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            return c;
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    /** Closes the pool of a source whose settings changed or which was removed; the next open builds a new one. */
    public void retire(int sourceId) {
        SourcePool pool = pools.remove(sourceId);
        if (pool != null) {
            retire(pool, "source changed or removed");
        }
        closeIdleRetired();
    }

    private void retire(SourcePool pool, String reason) {
        pool.retire(reason);
        retired.add(pool);
    }

    private void closeIdleRetired() {
        for (SourcePool pool : retired) {
            if (pool.isIdle()) {
                retired.remove(pool);
                pool.close();
            }
        }
    }

    @PreDestroy
    void closeAll() {
        pools.values().forEach(SourcePool::close);
        pools.clear();
        retired.forEach(SourcePool::close);
        retired.clear();
    }

    static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException | RuntimeException ignored) {
            // closing is best effort
        }
    }

    /** True when the exception means the connection to the source is gone (as opposed to an SQL error). */
    public static boolean isConnectionFailure(SQLException e) {
        return e instanceof PSQLException && e.getSQLState() != null
                && (e.getSQLState().startsWith("08") || PSQLState.CONNECTION_FAILURE.getState().equals(e.getSQLState()));
    }
}
