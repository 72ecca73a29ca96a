package org.mimeo.job;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * The concurrency guard: a session-level PostgreSQL advisory lock per destination table, in the
 * destination database, so two Mimeo servers sharing it never run one table at once. The lock is taken
 * before a job starts (before it reads any state) on a connection of its own, kept until the job ends
 * (released by {@link RefreshLockListener}); if the server dies, PostgreSQL releases it with the session.
 */
@ApplicationScoped
public class RefreshLocks {

    private static final String KEY = "pg_catalog.hashtext('mimeo advisory lock'), pg_catalog.hashtext(?)";

    @Resource(lookup = "java:jboss/datasources/MimeoDS")
    DataSource destination;

    /** A lock held by this server: its session, and the token of the job it is held for. */
    private record Held(Connection connection, String token) {
    }

    private final Map<String, Held> held = new ConcurrentHashMap<>();

    /** Takes the table's lock for the job identified by {@code token} if it is free; true when taken. */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public boolean tryLock(String destTable, String token) {
        try {
            Connection c = destination.getConnection();
            try (PreparedStatement ps = c.prepareStatement("SELECT pg_catalog.pg_try_advisory_lock(" + KEY + ")")) {
                ps.setString(1, destTable);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        Held previous = held.put(destTable, new Held(c, token));
                        if (previous != null) {
                            close(previous.connection());
                        }
                        return true;
                    }
                }
            }
            c.close();
            return false;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not take the advisory lock of " + destTable + " in the destination database", e);
        }
    }

    /** Releases the table's lock if this server holds it for the job identified by {@code token}. */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public void release(String destTable, String token) {
        Held h = held.get(destTable);
        if (h == null || !h.token().equals(token) || !held.remove(destTable, h)) {
            return;
        }
        Connection c = h.connection();
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_catalog.pg_advisory_unlock(" + KEY + ")")) {
            ps.setString(1, destTable);
            ps.execute();
        } catch (SQLException e) {
            // closing the session below releases the lock anyway
        } finally {
            close(c);
        }
    }

    /** Whether this server holds the table's lock for the job identified by {@code token}. */
    public boolean holdsFor(String destTable, String token) {
        Held h = held.get(destTable);
        return h != null && h.token().equals(token);
    }

    /** How many tables this server holds locked (its running refreshes). */
    public int heldCount() {
        return held.size();
    }

    private static void close(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // the session's end releases its locks
        }
    }

    @PreDestroy
    void releaseAll() {
        held.forEach((table, h) -> release(table, h.token()));
    }
}
