package org.mimeo.source;

import io.agroal.api.AgroalDataSourceListener;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.mimeo.internal.MimeoLogger;

/**
 * What a source's pool tells Mimeo: leaks and warnings go to the log with Mimeo's ids, and a connection given back
 * is brought back to a clean state before the pool resets it. Agroal would commit an open transaction when it turns
 * autocommit back on, and keeps the read-only flag, so this rolls back and clears it first. A connection that
 * cannot be cleaned (one left inside an aborted COPY fails in the driver, even with a RuntimeException) is closed,
 * and the pool drops a closed connection instead of handing it out again.
 */
final class SourcePoolEvents implements AgroalDataSourceListener {

    /** pgjdbc's SQLSTATE for a connection that is already closed: the drop above, which is logged already. */
    private static final String CONNECTION_DOES_NOT_EXIST = "08003";
    /** Agroal's words when it destroys a connection that failed validation: logged as a drop instead. */
    private static final String DESTROYED_AFTER_VALIDATION = "Closing connection in incorrect state VALIDATION";

    private final int sourceId;
    private final Duration leakTimeout;

    SourcePoolEvents(int sourceId, Duration leakTimeout) {
        this.sourceId = sourceId;
        this.leakTimeout = leakTimeout;
    }

    @Override
    public void beforeConnectionReturn(Connection connection) {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
            if (connection.isReadOnly()) {
                connection.setReadOnly(false);
            }
        } catch (SQLException | RuntimeException e) {
            MimeoLogger.LOG.sourceConnectionDropped(sourceId, "it could not be reset after use (" + e + ")");
            SourceConnections.closeQuietly(connection);
        }
    }

    @Override
    public void onConnectionInvalid(Connection connection) {
        MimeoLogger.LOG.sourceConnectionDropped(sourceId, "it failed the validation when borrowed");
    }

    @Override
    public void onConnectionLeak(Connection connection, Thread thread) {
        Throwable where = new Throwable("thread " + thread.getName() + " now");
        where.setStackTrace(thread.getStackTrace());
        MimeoLogger.LOG.sourceConnectionLeak(sourceId, leakTimeout.toSeconds(), thread.getName(), where);
    }

    @Override
    public void onWarning(String message) {
        if (message.equals(DESTROYED_AFTER_VALIDATION)) {
            return;
        }
        MimeoLogger.LOG.sourcePoolWarning(sourceId, message, null);
    }

    @Override
    public void onWarning(Throwable throwable) {
        if (throwable instanceof SQLException e && CONNECTION_DOES_NOT_EXIST.equals(e.getSQLState())) {
            return;
        }
        MimeoLogger.LOG.sourcePoolWarning(sourceId, String.valueOf(throwable.getMessage()), throwable);
    }
}
