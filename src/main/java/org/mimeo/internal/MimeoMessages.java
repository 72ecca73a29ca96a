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

    // ---- 2400-2499 monitoring

    // ---- 2500-2599 makers and destroyers
}
