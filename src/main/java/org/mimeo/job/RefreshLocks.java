package org.mimeo.job;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.mimeo.internal.MimeoLogger;

/**
 * The concurrency guard: a session-level PostgreSQL advisory lock per destination table, in the
 * destination database, so two Mimeo servers sharing it never run one table at once. The lock is taken
 * before a job starts (before it reads any state) and kept until the job ends (released by
 * {@link RefreshLockListener}); if the server dies, PostgreSQL releases it with the session.
 * <p>
 * All locks of this server live on ONE session of their own: a refresh queued behind busy batch threads
 * holds its lock but no pooled connection, so hundreds of due tables never drain the pool. Advisory locks
 * stack within a session, so this class also keeps which tables it holds and never locks one twice. If
 * the lock session breaks, a new one takes every held lock again (a table another server took meanwhile
 * is logged).
 */
@ApplicationScoped
public class RefreshLocks {

    private static final String KEY = "pg_catalog.hashtext('mimeo advisory lock'), pg_catalog.hashtext(?)";

    @Resource(lookup = "java:jboss/datasources/MimeoDS")
    DataSource destination;

    /** Table to the token of the job this server holds its lock for. Guarded by {@code this}. */
    private final Map<String, String> held = new HashMap<>();
    private Connection session;

    /** Takes the table's lock for the job identified by {@code token} if it is free; true when taken. */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public synchronized boolean tryLock(String destTable, String token) {
        if (held.containsKey(destTable)) {
            return false;
        }
        try {
            if (advisory(session(), "pg_try_advisory_lock", destTable)) {
                held.put(destTable, token);
                return true;
            }
            return false;
        } catch (SQLException e) {
            dropSession();
            throw new IllegalStateException("Could not take the advisory lock of " + destTable + " in the destination database", e);
        }
    }

    /** Releases the table's lock if this server holds it for the job identified by {@code token}. */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public synchronized void release(String destTable, String token) {
        if (!token.equals(held.get(destTable))) {
            return;
        }
        held.remove(destTable);
        try {
            advisory(session(), "pg_advisory_unlock", destTable);
        } catch (SQLException e) {
            // a broken session released its locks already; the next use opens a new one
            dropSession();
        }
    }

    /** Whether this server holds the table's lock for the job identified by {@code token}. */
    public synchronized boolean holdsFor(String destTable, String token) {
        return token.equals(held.get(destTable));
    }

    /** How many tables this server holds locked (its queued and running refreshes). */
    public synchronized int heldCount() {
        return held.size();
    }

    /** Calls the advisory-lock {@code function} (pg_try_advisory_lock, pg_advisory_unlock) with the table's key on {@code c}. */
    static boolean advisory(Connection c, String function, String destTable) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_catalog." + function + "(" + KEY + ")")) {
            ps.setString(1, destTable);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /** The lock session, opened (and given back every held lock) when missing or broken. */
    private Connection session() throws SQLException {
        if (session != null && session.isValid(5)) {
            return session;
        }
        dropSession();
        Connection fresh = destination.getConnection();
        fresh.setAutoCommit(true);
        for (String table : held.keySet()) {
            if (!advisory(fresh, "pg_try_advisory_lock", table)) {
                MimeoLogger.LOG.lockLostToAnotherServer(table);
            }
        }
        session = fresh;
        return fresh;
    }

    private void dropSession() {
        if (session != null) {
            try {
                session.close();
            } catch (SQLException ignored) {
                // closing ends the session, which releases its locks anyway
            }
            session = null;
        }
    }

    @PreDestroy
    synchronized void releaseAll() {
        held.clear();
        dropSession();
    }
}
