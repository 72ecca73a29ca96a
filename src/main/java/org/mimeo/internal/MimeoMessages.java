package org.mimeo.internal;

import org.jboss.logging.Messages;
import org.jboss.logging.annotations.Message;
import org.jboss.logging.annotations.MessageBundle;

/**
 * Texts of the errors Mimeo answers and throws, ids MIMEO002xxx (log messages are in {@link MimeoLogger},
 * MIMEO001xxx). Each says what is wrong with which table or field and what to do. The API's
 * {@code message} field carries the text with its id, so a DBA can search for it.
 * <p>
 * Id ranges by layer: 2000-2099 general, 2100-2199 requests (api), 2200-2299 jobs and copies,
 * 2300-2399 sources, pools and settings, 2400-2499 monitoring, 2500-2599 makers and destroyers.
 */
@MessageBundle(projectCode = "MIMEO", length = 6)
public interface MimeoMessages {

    MimeoMessages MSG = Messages.getBundle(MimeoMessages.class);

    // ---- 2000-2099 general

    @Message(id = 2000, value = "Replication type '%s' is not available in this version; use one of %s")
    String unknownType(String type, Object types);

    // ---- 2100-2199 requests (api)

    // ---- 2200-2299 jobs and copies

    @Message(id = 2200, value = "A refresh of %s is already running (its advisory lock is held in the destination database);"
            + " wait for it to end, or pass lockWait to wait for it")
    String refreshAlreadyRunning(String destTable);

    @Message(id = 2201, value = "Interrupted while waiting for the running refresh of %s")
    String lockWaitInterrupted(String destTable);

    @Message(id = 2202, value = "Execution %d does not exist")
    String noSuchExecution(long executionId);

    @Message(id = 2203, value = "Execution %d is %s; only FAILED or STOPPED executions can be restarted")
    String notRestartable(long executionId, Object status);

    @Message(id = 2204, value = "Execution %d was already restarted as execution %d; restart that one if it failed too")
    String alreadyRestarted(long executionId, long restartedAs);

    @Message(id = 2205, value = "Execution %d of %s was superseded by the completed execution %d; start a new refresh instead of restarting it")
    String supersededExecution(long executionId, String destTable, long completed);

    @Message(id = 2206, value = "Execution %d cannot be restarted: %s")
    String restartRefused(long executionId, String reason);

    @Message(id = 2207, value = "Execution %d is %s; only running executions can be stopped")
    String notStoppable(long executionId, Object status);

    @Message(id = 2208, value = "A refresh of %s is running; wait for it to end")
    String refreshRunning(String destTable);

    @Message(id = 2209, value = "Execution %d was stopped before block %d of %s; restart it with POST /mimeo/api/executions/%1$d/restart")
    String stoppedBeforeBlock(long executionId, int block, Object target);

    @Message(id = 2210, value = "Execution %d was stopped during the copy of block %d into %s; the block was rolled back."
            + " Restart it with POST /mimeo/api/executions/%1$d/restart")
    String stoppedDuringBlock(long executionId, int block, Object target);

    @Message(id = 2211, value = "Source %d (%s) was lost during %s of %s into %s: %s. Nothing of the block was kept; once the source answers"
            + " again (POST /mimeo/api/sources/%1$d/check), restart the execution")
    String sourceLostDuringBlock(int sourceId, String dataSource, String block, Object sourceTable, Object target, String cause);

    @Message(id = 2212, value = "The destination database (MimeoDS) was lost during %s into %s: %s. Nothing of the block was kept; once it"
            + " answers again, restart the execution")
    String destinationLostDuringBlock(String block, Object target, String cause);

    @Message(id = 2213, value = "The destination table %s rejected a row of %s from %s%s: %s. The destination's columns or constraints no longer"
            + " accept the source's rows (compare them with GET /mimeo/api/checks/source-columns); fix the destination table or re-create the"
            + " replication, then restart the execution")
    String rowRejected(Object target, String block, Object sourceTable, String where, String cause);

    @Message(id = 2214, value = "Control column %s is %s; it must be a timestamp, timestamptz, smallint, integer or bigint column")
    String unsupportedControlType(String column, String type);

    @Message(id = 2215, value = "Control column %s is missing on source table %s")
    String controlColumnMissing(String column, String sourceTable);

    @Message(id = 2216, value = "The batch limit of %d rows for %s is too small: the next %1$d rows all have the control value %s, and a batch"
            + " never splits rows of one value. Raise the limit (PATCH batchLimit or the refresh's limit) above the number of rows sharing that value")
    String batchLimitTooSmall(int limit, String destTable, String value);

    @Message(id = 2217, value = "Source queue table %s of %s is missing; destroy and re-create the replication")
    String sourceQueueMissing(Object queue, String destTable);

    // ---- 2300-2399 sources, pools and settings

    // ---- 2400-2499 monitoring

    // ---- 2500-2599 makers and destroyers
}
