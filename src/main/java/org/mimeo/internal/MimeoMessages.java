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

    // ---- 2400-2499 monitoring

    @Message(id = 2400, value = "Parameter 'lower' is not a valid %s: '%s'")
    String invalidLowerBound(String type, String lower);

    // ---- 2500-2599 makers and destroyers
}
