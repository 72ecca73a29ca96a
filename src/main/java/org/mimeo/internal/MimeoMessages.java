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

    @Message(id = 2111, value = "Sequence %s does not exist on the destination; create it first")
    String noSuchSequence(Object sequence);

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

    @Message(id = 2118, value = "Execution %d does not exist")
    String noSuchExecution(long executionId);

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

    // ---- 2300-2399 sources, pools and settings

    // ---- 2400-2499 monitoring

    // ---- 2500-2599 makers and destroyers
}
