package org.mimeo.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * An embedded PostgreSQL a test may crash like a power cut ({@code pg_ctl stop -m immediate}: SIGQUIT to
 * the postmaster, no checkpoint, crash recovery at the next start) and start again on the same data
 * directory and port. Trust authentication; user postgres.
 */
public final class CrashablePostgres implements AutoCloseable {

    private final int port;
    private final Path dataDir;
    private final boolean durableCommits;
    private EmbeddedPostgres pg;

    /**
     * {@code durableCommits} false keeps zonky's synchronous_commit = off: a crash then takes back the last
     * commits, as on a server a DBA tuned for speed; Mimeo's own sessions must stay durable on it.
     */
    public CrashablePostgres(String name, int port, boolean durableCommits) {
        this.port = port;
        this.durableCommits = durableCommits;
        this.dataDir = Path.of("target", name + "-pgdata").toAbsolutePath();
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    /** A fresh server (empty data directory) with {@code database} created. */
    public CrashablePostgres startFresh(String database) throws IOException, SQLException {
        deleteRecursively(dataDir.toFile());
        start();
        try (Connection c = connect("postgres"); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + database);
        }
        return this;
    }

    /** Starts again on the data directory a crash left behind (PostgreSQL runs its crash recovery). */
    public void restart() throws IOException {
        start();
    }

    /** zonky runs initdb only into an empty directory, and with clean false never deletes it on close. */
    private void start() throws IOException {
        pg = EmbeddedPostgres.builder().setPort(port).setDataDirectory(dataDir.toFile()).setCleanDataDirectory(false)
                .setPGStartupWait(Duration.ofSeconds(60)).setServerConfig("max_connections", "60")
                .setServerConfig("synchronous_commit", durableCommits ? "on" : "off").start();
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), "postgres", "");
    }

    /** Immediate shutdown of the postmaster and every backend, as pg_ctl stop -m immediate does; waits until it is gone. */
    public void crash() throws IOException, InterruptedException {
        String pid = Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).strip();
        Process kill = new ProcessBuilder("kill", "-QUIT", pid).inheritIO().start();
        if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new IllegalStateException("could not signal the postmaster " + pid);
        }
        ProcessHandle postmaster = ProcessHandle.of(Long.parseLong(pid)).orElse(null);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (postmaster != null && postmaster.isAlive()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the postmaster " + pid + " did not stop within 60 s");
            }
            Thread.sleep(100);
        }
        // zonky's pg_ctl stop now finds nothing to stop; what matters is that it releases its lock on the data directory
        try {
            pg.close();
        } catch (IOException | RuntimeException alreadyDown) {
            // expected: the server is gone
        }
        pg = null;
    }

    @Override
    public void close() throws IOException {
        if (pg != null) {
            pg.close();
            pg = null;
        }
    }

    private static void deleteRecursively(File f) {
        File[] children = f.listFiles();
        if (children != null) {
            for (File c : children) {
                deleteRecursively(c);
            }
        }
        f.delete();
    }
}
