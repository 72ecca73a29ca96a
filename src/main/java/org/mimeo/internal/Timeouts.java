package org.mimeo.internal;

import java.util.Properties;

/**
 * Every timeout Mimeo applies to the databases it talks to ({@link Settings#timeouts()}: {@code mimeo.timeout.x},
 * environment variable {@code MIMEO_TIMEOUT_X}). All values are seconds; 0 turns a limit off.
 *
 * @param sourceConnect    pgjdbc {@code connectTimeout} for sources: opening the TCP connection
 * @param sourceLogin      pgjdbc {@code loginTimeout} for sources: connecting plus authenticating
 * @param sourceSocket     pgjdbc {@code socketTimeout} for sources: the longest a source may stay silent while
 *                         Mimeo waits for an answer. A block's COPY streams rows without pauses, but its first
 *                         byte only comes once the source has planned and started the scan, so this must exceed
 *                         the slowest statement a source runs for Mimeo (block planning, a queue scan)
 * @param ddlLock          {@code lock_timeout} for DDL on the destination (makers, snap swap, truncate)
 * @param ddlStatement     {@code statement_timeout} for that DDL (index builds on big tables need the most)
 */
public record Timeouts(int sourceConnect, int sourceLogin, int sourceSocket, int ddlLock, int ddlStatement) {

    /** The driver defaults of a source connection; a source's own dataSource may override them (pgjdbc lets the URL win). */
    public void applyToSource(Properties props) {
        props.setProperty("connectTimeout", Integer.toString(sourceConnect));
        props.setProperty("loginTimeout", Integer.toString(sourceLogin));
        props.setProperty("socketTimeout", Integer.toString(sourceSocket));
        props.setProperty("tcpKeepAlive", "true");
    }
}
