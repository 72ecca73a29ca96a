package org.mimeo.source;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.mimeo.config.DblinkMapping;
import org.mimeo.error.MimeoException;
import org.postgresql.Driver;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

/**
 * Plain JDBC connections to source databases, outside JTA, pooled per source.
 * <p>
 * A pool is keyed by the source's id and its connection settings, so editing a source retires its
 * old connections. Closing a borrowed connection rolls back whatever it left open and returns it.
 */
@ApplicationScoped
public class SourceConnections {

    private static final int MAX_IDLE_PER_SOURCE = 8;

    private final Map<String, Deque<Connection>> idle = new ConcurrentHashMap<>();
    private final Driver driver = new Driver();

    @Inject
    SourceCredentials credentials;

    public Connection open(DblinkMapping source) {
        String key = poolKey(source);
        Deque<Connection> pool = idle.computeIfAbsent(key, k -> new ConcurrentLinkedDeque<>());
        Connection physical;
        while ((physical = pool.pollFirst()) != null) {
            if (isUsable(physical)) {
                return borrowed(physical, pool);
            }
            closeQuietly(physical);
        }
        return borrowed(connect(source), pool);
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

    private Connection connect(DblinkMapping source) {
        ConnInfo info = ConnInfo.parse(source.getDataSource());
        try {
            Connection c = driver.connect(info.jdbcUrl(), info.properties(source.getUsername(),
                    source.hasPassword() ? credentials.decrypt(source.getId(), source.getEncryptedPassword()) : null));
            if (c == null) {
                throw MimeoException.unreachable("Source " + source.getId() + " has an unusable connection string", null);
            }
            return c;
        } catch (SQLException e) {
            throw unreachable(source, e);
        }
    }

    static MimeoException unreachable(DblinkMapping source, SQLException e) {
        String state = e.getSQLState() == null ? "" : " (SQLSTATE " + e.getSQLState() + ")";
        // pgjdbc messages name host, port and user, never the password.
        return MimeoException.unreachable("Source " + source.getId() + " could not be reached or refused the login as "
                + source.getUsername() + state + ": " + e.getMessage() + ". Check it with POST /mimeo/api/sources/"
                + source.getId() + "/check after fixing its dataSource, username or password", e);
    }

    private static boolean isUsable(Connection c) {
        try {
            return !c.isClosed() && c.isValid(2);
        } catch (SQLException | RuntimeException e) {
            // a connection given back in the middle of an aborted COPY can fail inside the driver (NoSuchElementException)
            return false;
        }
    }

    private Connection borrowed(Connection physical, Deque<Connection> pool) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("close") && method.getParameterCount() == 0) {
                        giveBack(physical, pool);
                        return null;
                    }
                    if (method.getName().equals("unwrap") || method.getName().equals("isWrapperFor")) {
                        return method.invoke(physical, args);
                    }
                    try {
                        return method.invoke(physical, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private void giveBack(Connection physical, Deque<Connection> pool) {
        try {
            if (physical.isClosed()) {
                return;
            }
            if (!physical.getAutoCommit()) {
                physical.rollback();
                physical.setAutoCommit(true);
            }
            physical.setReadOnly(false);
            physical.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            if (pool.size() < MAX_IDLE_PER_SOURCE) {
                pool.addFirst(physical);
                return;
            }
        } catch (SQLException | RuntimeException e) {
            // a broken connection is simply dropped
        }
        closeQuietly(physical);
    }

    /** Drops the pooled connections of a source whose settings changed or which was removed. */
    public void retire(int sourceId) {
        idle.entrySet().removeIf(e -> {
            if (e.getKey().startsWith(sourceId + "|")) {
                e.getValue().forEach(SourceConnections::closeQuietly);
                return true;
            }
            return false;
        });
    }

    private static String poolKey(DblinkMapping source) {
        return source.getId() + "|" + source.getDataSource() + "|" + source.getUsername() + "|"
                + (source.hasPassword() ? source.getEncryptedPassword().hashCode() : 0);
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException | RuntimeException ignored) {
            // closing is best effort
        }
    }

    @PreDestroy
    void closeAll() {
        idle.values().forEach(pool -> pool.forEach(SourceConnections::closeQuietly));
        idle.clear();
    }

    /** True when the exception means the connection to the source is gone (as opposed to an SQL error). */
    public static boolean isConnectionFailure(SQLException e) {
        return e instanceof PSQLException && e.getSQLState() != null
                && (e.getSQLState().startsWith("08") || PSQLState.CONNECTION_FAILURE.getState().equals(e.getSQLState()));
    }
}
