package org.mimeo.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.logging.Logger;

/**
 * Starts the two embedded PostgreSQL servers of the integration tests once per test JVM, before any
 * test (and so before Arquillian boots WildFly, which needs the destination database), and stops them
 * when the launcher session closes.
 * <ul>
 * <li>destination: port {@code mimeo.test.dest.port} (default 25432), database {@code mimeo}:
 * the managed WildFly's MimeoDS points here (MIMEO_DB_URL set by failsafe);</li>
 * <li>source: port {@code mimeo.test.source.port} (default 25433), database {@code source1}.</li>
 * </ul>
 * Registered in META-INF/services/org.junit.platform.launcher.LauncherSessionListener. Disabled with
 * {@code -Dmimeo.test.embeddedDb=false} (Surefire unit tests do so).
 */
public class EmbeddedDatabases implements LauncherSessionListener {

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabases.class.getName());

    public static final int DEFAULT_DEST_PORT = 25432;
    public static final int DEFAULT_SOURCE_PORT = 25433;
    public static final String DEST_DB = "mimeo";
    public static final String SOURCE_DB = "source1";

    private static EmbeddedPostgres dest;
    private static EmbeddedPostgres source;
    private static int sessions;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (!enabled()) {
            return;
        }
        synchronized (EmbeddedDatabases.class) {
            if (sessions++ > 0) {
                return;
            }
            long t0 = System.nanoTime();
            try {
                dest = start(destPort(), DEST_DB);
                try (Connection c = dest.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
                    // least privilege, as the README tells a DBA: Mimeo's role owns its database and nothing else
                    st.execute("CREATE ROLE " + TestDatabases.DEST_ROLE + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE");
                    st.execute("ALTER DATABASE " + DEST_DB + " OWNER TO " + TestDatabases.DEST_ROLE);
                }
                source = start(sourcePort(), SOURCE_DB);
            } catch (IOException | SQLException e) {
                stopAll();
                throw new IllegalStateException("cannot start the embedded PostgreSQL servers", e);
            }
            LOG.info(() -> String.format("embedded PostgreSQL up in %d ms: destination localhost:%d/%s, source localhost:%d/%s",
                    (System.nanoTime() - t0) / 1_000_000, destPort(), DEST_DB, sourcePort(), SOURCE_DB));
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (!enabled()) {
            return;
        }
        synchronized (EmbeddedDatabases.class) {
            if (--sessions == 0) {
                stopAll();
            }
        }
    }

    static boolean enabled() {
        return Boolean.parseBoolean(System.getProperty("mimeo.test.embeddedDb", "true"));
    }

    public static int destPort() {
        return Integer.getInteger("mimeo.test.dest.port", DEFAULT_DEST_PORT);
    }

    public static int sourcePort() {
        return Integer.getInteger("mimeo.test.source.port", DEFAULT_SOURCE_PORT);
    }

    private static EmbeddedPostgres start(int port, String database) throws IOException, SQLException {
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setPort(port)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setCleanDataDirectory(true)
                .setServerConfig("max_connections", "100")
                // test-only durability shortcuts
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off")
                .start();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + database);
        }
        return pg;
    }

    private static void stopAll() {
        for (EmbeddedPostgres pg : new EmbeddedPostgres[] {source, dest}) {
            if (pg != null) {
                try {
                    pg.close();
                } catch (IOException e) {
                    LOG.warning("cannot stop embedded PostgreSQL: " + e);
                }
            }
        }
        dest = null;
        source = null;
    }
}
