package org.mimeo.internal;

import org.jboss.logging.BasicLogger;
import org.jboss.logging.Logger;
import org.jboss.logging.annotations.Cause;
import org.jboss.logging.annotations.LogMessage;
import org.jboss.logging.annotations.Message;
import org.jboss.logging.annotations.MessageLogger;

/** Log messages of Mimeo, ids MIMEO001xxx. Each says what happened to which table and what to do. */
@MessageLogger(projectCode = "MIMEO", length = 6)
public interface MimeoLogger extends BasicLogger {

    MimeoLogger LOG = Logger.getMessageLogger(MimeoLogger.class, "org.mimeo");

    @LogMessage(level = Logger.Level.INFO)
    @Message(id = 1001, value = "Configuration schema mimeo is at version %s (%d Flyway migration(s) applied now)")
    void schemaReady(String version, int applied);

    @LogMessage(level = Logger.Level.WARN)
    @Message(id = 1100, value = "Marked %d job execution(s) FAILED that a stopped server (this one or another) left running, their tables' locks being free; restart them with POST /mimeo/api/executions/{id}/restart")
    void orphansMarkedFailed(int count);

    @LogMessage(level = Logger.Level.INFO)
    @Message(id = 1003, value = "Started %s job for %s as execution %d")
    void jobStarted(String jobName, String destTable, long executionId);

    @LogMessage(level = Logger.Level.INFO)
    @Message(id = 1004, value = "Copied %d rows into %s (block %s)")
    void blockCopied(long rows, String table, String block);

    @LogMessage(level = Logger.Level.INFO)
    @Message(id = 1005, value = "Snap refresh of %s skipped: the source %s has had no writes since the last refresh")
    void snapSkipped(String destTable, String sourceTable);

    @LogMessage(level = Logger.Level.INFO)
    @Message(id = 1006, value = "Source columns of %s changed; rebuilding %s and the view %s")
    void snapColumnsChanged(String sourceTable, String snapTable, String destTable);

    @LogMessage(level = Logger.Level.ERROR)
    @Message(id = 1007, value = "Step %s of execution %d for %s failed; fix the cause and restart it with POST /mimeo/api/executions/%d/restart")
    void stepFailed(String step, long executionId, String destTable, long sameExecutionId, @Cause Throwable cause);

    @LogMessage(level = Logger.Level.INFO)
    @Message(id = 1008, value = "Replication %s (%s) created from source %d table %s")
    void replicationCreated(String destTable, String type, int sourceId, String sourceTable);

    @LogMessage(level = Logger.Level.INFO)
    @Message(id = 1009, value = "Replication %s (%s) removed%s")
    void replicationDestroyed(String destTable, String type, String archiveNote);

    @LogMessage(level = Logger.Level.WARN)
    @Message(id = 1010, value = "Initial load of %s failed (execution %d); removed what the maker had created. Cause: %s")
    void makerRolledBack(String destTable, long executionId, String cause);

    @LogMessage(level = Logger.Level.ERROR)
    @Message(id = 1011, value = "Unexpected error answering %s %s; see the stack trace")
    void unexpected(String method, String path, @Cause Throwable cause);

    @LogMessage(level = Logger.Level.INFO)
    @Message(id = 1012, value = "Source %d registered (%s, user %s)")
    void sourceSaved(int id, String dataSource, String user);

    @LogMessage(level = Logger.Level.WARN)
    @Message(id = 1013, value = "Restarting the copy of %s from its first block: the source %s changed since the failed run, and its physical-block plan is no longer valid")
    void ctidPlanInvalidated(String target, String source);

    @LogMessage(level = Logger.Level.INFO)
    @Message(id = 1014, value = "Refresh of %s paused: today is a daylight saving time change day in time zone %s and the time is inside the configured window %04d-%04d")
    void dstPaused(String destTable, String zone, int start, int end);

    @LogMessage(level = Logger.Level.WARN)
    @Message(id = 1020, value = "Scheduled refresh of %s did not start; it is tried again after its period")
    void scheduledRefreshNotStarted(String destTable, @Cause Throwable cause);

    @LogMessage(level = Logger.Level.INFO)
    @Message(id = 1021, value = "Scheduled refreshes are off (mimeo.scheduler.intervalSeconds=0); use POST /mimeo/api/refresh-due")
    void schedulerOff();

    @LogMessage(level = Logger.Level.INFO)
    @Message(id = 1022, value = "Scheduled refreshes checked every %d s, at most %d at once from this server")
    void schedulerOn(long seconds, int maxJobs);

    @LogMessage(level = Logger.Level.WARN)
    @Message(id = 1023, value = "Scheduler tick failed; it runs again at the next tick")
    void schedulerTickFailed(@Cause Throwable cause);

    @LogMessage(level = Logger.Level.INFO)
    @Message(id = 1030, value = "Purged %d executions older than %d days (mimeo.retention.days)")
    void historyPurged(int executions, int days);

    @LogMessage(level = Logger.Level.WARN)
    @Message(id = 1040, value = "Test hooks are ON (mimeo.testHooks=true): refresh requests may inject faults, halt this server and move its clock. Never start a production server with this switch")
    void testHooksOn();

    @LogMessage(level = Logger.Level.INFO)
    @Message(id = 1041, value = "Encrypted the stored passwords of %d source(s) with the key in %s")
    void sourcePasswordsEncrypted(int sources, String keyStore);

    @LogMessage(level = Logger.Level.ERROR)
    @Message(id = 1042, value = "Readiness check: the destination database (MimeoDS) does not answer or lacks schema mimeo; check MIMEO_DB_URL, MIMEO_DB_USER and MIMEO_DB_PASSWORD and that the database is up")
    void destinationDown(@Cause Throwable cause);

    @LogMessage(level = Logger.Level.ERROR)
    @Message(id = 1050, value = "The advisory lock of %s was lost with its database session and another server holds it now; two refreshes of the table may overlap: check GET /mimeo/api/executions?destTable=%<s and the other servers")
    void lockLostToAnotherServer(String destTable);

    @LogMessage(level = Logger.Level.INFO)
    @Message(id = 1051, value = "Capacity: %d batch threads (mimeo.batch.threads), destination pool of at most %d connections (mimeo.db.pool.max), wait=true answers after at most %d s (mimeo.api.maxWaitSeconds)")
    void capacity(int threads, int pool, long maxWaitSeconds);

    @LogMessage(level = Logger.Level.ERROR)
    @Message(id = 1052, value = "The destination pool (%d connections) is too small for %d batch threads: refreshes may wait for connections and fail. Give %s at least %d, or lower %s")
    void poolTooSmall(int pool, int threads, String poolSetting, int needed, String threadsSetting);

    @LogMessage(level = Logger.Level.WARN)
    @Message(id = 1201, value = "Stop of execution %d: cancelling its running COPY on the source and the destination")
    void copyCancelled(long executionId);

    @LogMessage(level = Logger.Level.WARN)
    @Message(id = 1202, value = "Server shutting down: cancelling the running COPY of %d execution(s); restart them with POST /mimeo/api/executions/{id}/restart")
    void copiesCancelledAtShutdown(int count);

    // ---- 1300-1349 settings and source pools

    @LogMessage(level = Logger.Level.INFO)
    @Message(id = 1300, value = "Setting %s (%s) = %s (%s)")
    void setting(String name, String envVar, String value, String origin);

    @LogMessage(level = Logger.Level.WARN)
    @Message(id = 1301, value = "The source pools (%d connections per source, mimeo.source.pool.max) are smaller than %d batch threads may need from one source (%d): refreshes may wait for a source connection and fail. Raise mimeo.source.pool.max or lower mimeo.batch.threads")
    void sourcePoolTooSmall(int max, int threads, int needed);

    @LogMessage(level = Logger.Level.INFO)
    @Message(id = 1302, value = "Source %d: connection pool opened (at most %d connections, a borrower waits at most %d s)")
    void sourcePoolOpened(int sourceId, int max, long acquireSeconds);

    @LogMessage(level = Logger.Level.INFO)
    @Message(id = 1303, value = "Source %d: connection pool closed (%s); connections still in use are closed when they are given back")
    void sourcePoolClosed(int sourceId, String reason);

    @LogMessage(level = Logger.Level.WARN)
    @Message(id = 1304, value = "Source %d: a connection has been held for more than %d s (mimeo.source.pool.leakSeconds) by thread %s. A copy of a very large table holds its snapshot that long; otherwise the connection was never closed (the cause shows where that thread is now)")
    void sourceConnectionLeak(int sourceId, long seconds, String thread, @Cause Throwable where);

    @LogMessage(level = Logger.Level.INFO)
    @Message(id = 1305, value = "Source %d: a connection is closed, not reused: %s")
    void sourceConnectionDropped(int sourceId, String reason);

    @LogMessage(level = Logger.Level.WARN)
    @Message(id = 1306, value = "Source %d: connection pool warning: %s")
    void sourcePoolWarning(int sourceId, String warning, @Cause Throwable cause);

    @LogMessage(level = Logger.Level.WARN)
    @Message(id = 1101, value = "A maker of %s stopped before it committed: dropped what it had created on the source for %s (trigger(s) %s, function %s, queue %s)")
    void makerIntentCleaned(String destTable, String sourceTable, String triggers, String function, String queue);

    @LogMessage(level = Logger.Level.ERROR)
    @Message(id = 1102, value = "A maker of %s stopped before it committed, and its trigger, function and queue on source table %s could not be dropped now (%s); tried again at the next start")
    void makerIntentNotCleaned(String destTable, String sourceTable, String reason);

    @LogMessage(level = Logger.Level.ERROR)
    @Message(id = 1103, value = "The initial load of %s failed (execution %d: %s) and removing what the maker had created failed too: %s. Remove the replication with DELETE /mimeo/api/replications/{destTable} once the source answers")
    void makerUndoFailed(String destTable, long executionId, String loadError, String undoError);
}
