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

    @Message(id = 2100, value = "The request body is not valid JSON: %s")
    String notJson(String problem);

    @Message(id = 2101, value = "The request body must be a JSON object")
    String notAnObject();

    @Message(id = 2102, value = "Unknown field '%s'; allowed fields: %s")
    String unknownField(String field, String allowed);

    @Message(id = 2103, value = "Field '%s' does not apply to %s replication")
    String notApplicable(String field, String type);

    @Message(id = 2104, value = "Field 'type' is required: one of %s")
    String typeRequired(Object types);

    @Message(id = 2105, value = "Field '%s' %s")
    String invalidField(String field, String problem);

    @Message(id = 2106, value = "The request has %d problems: %s")
    String invalidFields(int count, String problems);

    @Message(id = 2107, value = "Field 'lockWait' is seconds to wait for a running refresh of the table, from 0 to %d (the server's mimeo.api.maxWaitSeconds)")
    String lockWaitRange(long maxSeconds);

    @Message(id = 2108, value = "A refresh of %s is running and moves lastValue itself; change lastValue when it has ended (the other fields may change now)")
    String lastValueWhileRefreshing(String destTable);

    @Message(id = 2109, value = "Field '%s' is not a valid %s: '%s' (e.g. %s)")
    String notAControlValue(String field, String kind, String value, String example);

    @Message(id = 2110, value = "Field 'lastValue' is not a valid timestamp: '%s'")
    String notATimestamp(String value);

    @Message(id = 2112, value = "Source %d now points to another host, port, database or user: send its password again"
            + " (field 'password'; null for none). A stored password is only kept for the same target")
    String passwordNeededForNewTarget(int sourceId);

    @Message(id = 2113, value = "Source %d is still used by replications; destroy them first (GET /mimeo/api/replications lists them)")
    String sourceInUse(int sourceId);

    @Message(id = 2114, value = "Source %d answered with an error: %s")
    String sourceAnsweredWithError(int sourceId, String error);

    @Message(id = 2115, value = "limit must be between 1 and 10000")
    String executionsLimit();

    @Message(id = 2116, value = "Query parameter 'olderThanDays' (0 or more) is required")
    String olderThanDaysRequired();

    @Message(id = 2117, value = "Query parameter 'destTable' is required")
    String destTableRequired();

    @Message(id = 2119, value = "Execution %d is no longer in the job repository")
    String executionGone(long executionId);

    @Message(id = 2120, value = "User '%s' may not %s /%s: that needs the role %s (roles: mimeo-viewer < mimeo-operator < mimeo-admin)")
    String forbidden(String user, String method, String path, String roles);

    @Message(id = 2121, value = "Unexpected error: %s; the server log has the details")
    String unexpected(String error);

    @Message(id = 2122, value = "This user may not use this path; ask for the role mimeo-viewer, mimeo-operator or mimeo-admin")
    String forbiddenPath();

    @Message(id = 2123, value = "Log in: this path needs a user of the server's application realm (HTTP BASIC, e.g. curl -u NAME:PASSWORD),"
            + " added with bin/add-user.sh -a -u NAME -p PASSWORD -g mimeo-viewer|mimeo-operator|mimeo-admin")
    String loginNeeded();

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

    @Message(id = 2300, value = "Setting %s (environment variable %s) must be %s, not '%s'")
    String invalidSetting(String name, String envVar, String rule, String value);

    @Message(id = 2301, value = "Source %1$d could not be reached or refused the login as %2$s%3$s: %4$s. Check it with POST /mimeo/api/sources/%1$d/check after fixing its dataSource, username or password")
    String sourceUnreachable(int sourceId, String username, String sqlState, String driverMessage);

    @Message(id = 2302, value = "Source %d: all %d connections of its pool are in use and none came back within %d s. Raise mimeo.source.pool.max or mimeo.source.pool.acquireSeconds, or lower mimeo.batch.threads")
    String sourcePoolExhausted(int sourceId, int maxConnections, long waitedSeconds);

    @Message(id = 2303, value = "The stored password of source %1$d cannot be decrypted with this server's key in %2$s: it was stored by a server with another key. Copy that server's key store file here, or send the password again with PUT /mimeo/api/sources/%1$d")
    String passwordNotDecryptable(int sourceId, Object keyStore);

    @Message(id = 2304, value = "Cannot encrypt with the key in %s")
    String cannotEncrypt(Object keyStore);

    @Message(id = 2305, value = "Cannot open the secret key store %s (alias '%s') that encrypts source passwords; check that the file is readable by the server, or point %s to it")
    String keyStoreUnusable(Object keyStore, String alias, String setting);

    @Message(id = 2306, value = "Source table %s not found on source %d; check the name (schema.table, spelled as in the catalog) and that the source role can see it")
    String sourceTableNotFound(Object table, int sourceId);

    @Message(id = 2307, value = "Source table %s has no columns to replicate")
    String sourceTableWithoutColumns(Object table);

    @Message(id = 2308, value = "filter names columns that source table %s does not have: %s; spell them as in the catalog")
    String filterColumnsMissing(Object table, Object missing);

    @Message(id = 2309, value = "DDL on %s waited longer than mimeo.timeout.ddlLock=%ds for a lock (%s). Sessions holding locks on it: %s. End or wait for those sessions, then run the refresh again")
    String ddlLockTimeout(String table, long seconds, String statement, String holders);

    @Message(id = 2310, value = "DDL on %s ran longer than mimeo.timeout.ddlStatement=%ds (%s). Sessions holding locks on it: %s. Raise mimeo.timeout.ddlStatement if the table is that big")
    String ddlStatementTimeout(String table, long seconds, String statement, String holders);

    // ---- 2400-2499 monitoring

    @Message(id = 2400, value = "Parameter 'lower' is not a valid %s: '%s'")
    String invalidLowerBound(String type, String lower);

    // ---- 2500-2599 makers and destroyers

    // the maker's skeleton (replication)

    @Message(id = 2500, value = "Destination table %s is being made or refreshed right now; it is already managed by mimeo or about to be:"
            + " destroy it first or choose another destTable")
    String destinationBusy(String destTable);

    @Message(id = 2501, value = "Destination table %s is already managed by mimeo; destroy it first or choose another destTable")
    String alreadyManaged(String destTable);

    @Message(id = 2502, value = "The initial load of %s failed (execution %d, %s): %s. Nothing was kept; fix the cause and create the replication again")
    String initialLoadUndone(String destTable, long executionId, Object status, String cause);

    @Message(id = 2503, value = "The initial load of %s failed (execution %d, %s): %s. Removing what the maker had created failed too, so the"
            + " replication is still there: %s. Destroy it (DELETE /replications/{destTable}) when that is fixed, then create it again")
    String initialLoadNotUndone(String destTable, long executionId, Object status, String cause, String undoError);

    @Message(id = 2504, value = "Could not create %s destination %s: %s")
    String destinationNotCreated(String type, Object dest, String error);

    @Message(id = 2505, value = "Could not remove %s destination %s: %s")
    String destinationNotRemoved(String type, String destTable, String error);

    @Message(id = 2506, value = "Destination %s already exists; %s %s destination is created by the maker")
    String destinationExists(Object dest, String article, String type);

    @Message(id = 2507, value = "Field '%s' must be a %s interval, got '%s'")
    String intervalOutOfRange(String field, String allowed, String text);

    @Message(id = 2508, value = "Field '%s' is not a valid interval: '%s' (examples: '10 minutes', '1 day', '00:00:30')")
    String intervalInvalid(String field, String text);

    // replication keys

    @Message(id = 2509, value = "Field 'pkType' needs 'pkName': name the key columns, one type per column")
    String pkTypeWithoutPkName();

    @Message(id = 2510, value = "Field 'pkName' must name at least one column, or be left out")
    String pkNameEmpty();

    @Message(id = 2511, value = "Field 'pkName' names a column twice: %s")
    String pkNameRepeated(Object names);

    @Message(id = 2512, value = "Field 'pkType' is required for a view source, one type per 'pkName' column")
    String pkTypeRequiredForView();

    @Message(id = 2513, value = "Source table %s has no valid primary key or unique index over NOT NULL columns; name the key with pkName (and pkType for a view)")
    String noReplicationKey(Object sourceTable);

    @Message(id = 2514, value = "Field 'pkType' entry %d ('%s') is not a type the source database knows; give a type name such as 'integer', 'text' or 'myschema.mytype'")
    String unknownKeyType(int position, String type);

    @Message(id = 2515, value = "Key column %s of %s is not among the replicated columns of %s; the filter must include every key column")
    String keyColumnNotReplicated(String column, String destTable, Object sourceTable);

    // destinations and sources a maker checks

    @Message(id = 2516, value = "Field 'destTable' is refused: schema %s is reserved (Mimeo's own schema and the system schemas); choose a destination in another schema")
    String reservedSchema(String schema);

    @Message(id = 2517, value = "Field 'destTable' is refused: %s is a table of the batch job repository Mimeo runs on; choose another name")
    String reservedJobRepositoryTable(String table);

    @Message(id = 2518, value = "condition does not work on source table %s: %s. It must start with 'WHERE ...' or ', other_table WHERE ...'")
    String conditionFails(Object sourceTable, String error);

    @Message(id = 2519, value = "Field 'condition' is refused: %s. It is appended after 'FROM source' as 'WHERE ...' or ', other_table WHERE ...'")
    String conditionRefused(String problem);

    @Message(id = 2520, value = "The source of %s became unreachable while %s: %s")
    String sourceUnreachableWhile(Object sourceTable, String what, String error);

    @Message(id = 2521, value = "The source refused %s for %s: %s")
    String sourceRefused(String what, Object sourceTable, String error);

    @Message(id = 2522, value = "Destination schema %s does not exist; create it on the destination database first")
    String destinationSchemaMissing(String schema);

    @Message(id = 2523, value = "Destination schema %s does not exist; create it on the destination database first: CREATE SCHEMA %s AUTHORIZATION %s")
    String destinationSchemaToCreate(String schema, String quotedSchema, String role);

    @Message(id = 2524, value = "Mimeo's role %1$s may not create tables in destination schema %2$s; run as its owner or a superuser:"
            + " GRANT USAGE, CREATE ON SCHEMA %3$s TO %1$s")
    String destinationSchemaNotWritable(String role, String schema, String quotedSchema);

    @Message(id = 2525, value = "Destination table %s lacks source column(s) %s; add them on the destination (only snap replication propagates column changes)")
    String destinationLacksColumns(Object dest, Object missing);

    @Message(id = 2526, value = "Sequence %s does not exist on the destination; create it (and attach it to the table) first")
    String noSuchSequence(Object sequence);

    // configuration

    @Message(id = 2527, value = "Destination table %s is not managed by mimeo; GET /mimeo/api/replications lists the managed ones")
    String notManaged(String destTable);

    @Message(id = 2528, value = "Destination table %s is not managed by mimeo as a %s replication")
    String notManagedAs(String destTable, String type);

    @Message(id = 2529, value = "Source %d does not exist; GET /mimeo/api/sources lists the registered sources")
    String noSuchSource(int sourceId);

    // what differs per type

    @Message(id = 2530, value = "Destination %s already exists; a snap destination and its _snap1/_snap2 tables must not exist before the maker runs")
    String snapDestinationExists(Object name);

    @Message(id = 2531, value = "Destination %s exists and is not a table")
    String destinationNotATable(Object dest);

    @Message(id = 2533, value = "Control column %s is not a column of source table %s")
    String noControlColumn(String control, Object sourceTable);

    @Message(id = 2534, value = "Control column %s is not a column of source table %s or is not in the filter")
    String noControlColumnInFilter(String control, Object sourceTable);

    @Message(id = 2535, value = "Field 'boundary' must be 0 or more for a serial control column")
    String serialBoundaryNegative();

    @Message(id = 2536, value = "Field 'boundary' must be an integer for a serial control column, got '%s'")
    String serialBoundaryNotInteger(String boundary);

    @Message(id = 2538, value = "Source %s is not a plain table; %s replication needs a table to put its trigger on")
    String queueSourceNotATable(Object sourceTable, String type);

    @Message(id = 2539, value = "Could not create the change queue and trigger on the source for %s: %s. The replication role needs TRIGGER on"
            + " the table and CREATE on the database (for schema mimeo)")
    String sourceObjectsNotCreated(Object sourceTable, String error);

    @Message(id = 2540, value = "Could not remove the change queue and trigger of %s from the source: %s")
    String sourceObjectsNotRemoved(Object sourceTable, String error);

    @Message(id = 2541, value = "Could not remove the trigger, function and queue of %s on the source: %s. Nothing was dropped. Only the source"
            + " table's owner may drop its triggers; run as the owner: %s; then destroy again")
    String sourceObjectsNotDestroyed(String destTable, String error, String statements);

    @Message(id = 2542, value = "The source role %1$s cannot put the change queue and trigger on %2$s: it has no SELECT on the table; run as"
            + " the table's owner: GRANT SELECT ON %3$s TO %1$s. Nothing was created")
    String queueNeedsSelect(String role, Object table, String tableSql);

    @Message(id = 2543, value = "The source role %1$s cannot put the change queue and trigger on %2$s: it has no TRIGGER on the table; run as"
            + " the table's owner: GRANT TRIGGER ON %3$s TO %1$s. Nothing was created")
    String queueNeedsTrigger(String role, Object table, String tableSql);

    @Message(id = 2544, value = "The source role %1$s cannot put the change queue and trigger on %2$s: schema mimeo does not exist on the"
            + " source and the role may not create it; run as a superuser or the database owner: CREATE SCHEMA %3$s AUTHORIZATION %1$s"
            + " (or GRANT CREATE ON DATABASE %4$s TO %1$s). Nothing was created")
    String queueNeedsSchema(String role, Object table, String schema, String database);

    @Message(id = 2545, value = "The source role %1$s cannot put the change queue and trigger on %2$s: schema mimeo on the source belongs to"
            + " %4$s and the role may not create in it; run as its owner or a superuser: ALTER SCHEMA %3$s OWNER TO %1$s"
            + " (or GRANT USAGE, CREATE ON SCHEMA %3$s TO %1$s). Nothing was created")
    String queueNeedsSchemaCreate(String role, Object table, String schema, String schemaOwner);
}
