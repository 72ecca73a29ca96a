package org.mimeo.internal;

import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Every timeout Mimeo applies to the databases it talks to, from MicroProfile Config
 * ({@code -Dmimeo.timeout.x=N} or the environment variable {@code MIMEO_TIMEOUT_X=N}), read once and
 * logged once. All values are seconds; 0 turns a limit off.
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

    private static volatile Timeouts current;

    public static Timeouts current() {
        Timeouts t = current;
        if (t == null) {
            synchronized (Timeouts.class) {
                if (current == null) {
                    current = read(Timeouts::configured);
                    MimeoLogger.LOG.timeouts(current.describe());
                }
                t = current;
            }
        }
        return t;
    }

    static Timeouts read(Function<String, Optional<Integer>> settings) {
        return new Timeouts(seconds(settings, "mimeo.timeout.sourceConnect", 10), seconds(settings, "mimeo.timeout.sourceLogin", 30),
                seconds(settings, "mimeo.timeout.sourceSocket", 600), seconds(settings, "mimeo.timeout.ddlLock", 60),
                seconds(settings, "mimeo.timeout.ddlStatement", 3600));
    }

    private static Optional<Integer> configured(String name) {
        Config config;
        try {
            config = ConfigProvider.getConfig();
        } catch (IllegalStateException noConfigImplementation) {
            // outside the server (unit tests, tools) only system properties apply
            return Optional.ofNullable(Integer.getInteger(name));
        }
        return config.getOptionalValue(name, Integer.class);
    }

    private static int seconds(Function<String, Optional<Integer>> settings, String name, int defaultValue) {
        int value = settings.apply(name).orElse(defaultValue);
        if (value < 0) {
            throw new IllegalArgumentException(name + " must be 0 (no limit) or a number of seconds, not " + value);
        }
        return value;
    }

    /** The driver defaults of a source connection; a source's own dataSource may override them (pgjdbc lets the URL win). */
    public void applyToSource(Properties props) {
        props.setProperty("connectTimeout", Integer.toString(sourceConnect));
        props.setProperty("loginTimeout", Integer.toString(sourceLogin));
        props.setProperty("socketTimeout", Integer.toString(sourceSocket));
        props.setProperty("tcpKeepAlive", "true");
    }

    public String describe() {
        return "mimeo.timeout.sourceConnect=" + sourceConnect + "s, sourceLogin=" + sourceLogin + "s, sourceSocket=" + sourceSocket
                + "s, ddlLock=" + ddlLock + "s, ddlStatement=" + ddlStatement + "s (0: no limit)";
    }
}
