package org.mimeo.source;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mimeo.config.DblinkMapping;
import org.mimeo.error.Failure;
import org.mimeo.error.MimeoException;
import org.mimeo.internal.Settings;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The source pools against a real PostgreSQL (its own embedded server on a free port). */
class SourcePoolTest {

    private static final Duration WAIT = Duration.ofSeconds(1);
    private static EmbeddedPostgres postgres;

    private final List<SourcePool> pools = new ArrayList<>();
    private final List<Connection> borrowed = new ArrayList<>();

    @BeforeAll
    static void start() throws IOException, SQLException {
        postgres = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(60)).start();
        admin("CREATE DATABASE other");
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    @AfterEach
    void closeEverything() {
        borrowed.forEach(SourceConnections::closeQuietly);
        pools.forEach(SourcePool::close);
    }

    @Test
    void theBorrowerAfterTheLastConnectionWaitsThenFailsClearly() throws Exception {
        SourcePool pool = pool(source(1, "postgres"), new Settings.SourcePool(2, WAIT, Duration.ZERO, Duration.ZERO));
        Connection first = borrow(pool);
        int firstPid = pid(first);
        Connection second = borrow(pool);
        long start = System.nanoTime();
        MimeoException e = assertThrows(MimeoException.class, pool::borrow);
        long waited = (System.nanoTime() - start) / 1_000_000;
        assertTrue(waited >= 900, "waited " + waited + " ms for a free connection");
        assertEquals(Failure.SOURCE_UNREACHABLE, e.failure());
        assertEquals("MIMEO002302: Source 1: all 2 connections of its pool are in use and none came back within 1 s. Raise "
                + "mimeo.source.pool.max or mimeo.source.pool.acquireSeconds, or lower mimeo.batch.threads", e.getMessage());
        first.close();
        Connection third = borrow(pool);
        assertEquals(firstPid, pid(third), "the connection given back serves the next borrower");
        assertNotEquals(pid(second), pid(third));
    }

    @Test
    void closingTwiceGivesTheConnectionBackOnce() throws Exception {
        SourcePool pool = pool(source(2, "postgres"), new Settings.SourcePool(2, WAIT, Duration.ZERO, Duration.ZERO));
        Connection c = borrow(pool);
        c.close();
        c.close();
        Connection a = borrow(pool);
        Connection b = borrow(pool);
        assertNotEquals(pid(a), pid(b), "two borrowers never share one session");
        assertThrows(MimeoException.class, pool::borrow, "still only two connections");
    }

    @Test
    void aLeakedConnectionIsReported() throws Exception {
        List<String> log = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                synchronized (log) {
                    log.add(record.getMessage());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger mimeo = Logger.getLogger("org.mimeo");
        mimeo.addHandler(capture);
        try {
            SourcePool pool = pool(source(3, "postgres"), new Settings.SourcePool(2, WAIT, Duration.ofSeconds(1), Duration.ZERO));
            Connection leaked = borrow(pool);
            assertEquals(1, intOf(leaked, "SELECT 1"));
            awaitTrue(() -> {
                synchronized (log) {
                    return log.stream().anyMatch(m -> m.startsWith("MIMEO001304: Source 3: a connection has been held for more than 1 s")
                            && m.contains("by thread " + Thread.currentThread().getName()));
                }
            }, "leak report in " + log);
        } finally {
            mimeo.removeHandler(capture);
        }
    }

    @Test
    void aConnectionWhoseSessionDiedIsNotHandedOutAgain() throws Exception {
        SourcePool pool = pool(source(4, "postgres"), new Settings.SourcePool(1, WAIT, Duration.ZERO, Duration.ZERO));
        Connection c = borrow(pool);
        int dead = pid(c);
        admin("SELECT pg_terminate_backend(" + dead + ")");
        c.close();
        Connection next = borrow(pool);
        assertNotEquals(dead, pid(next));
        assertEquals(2, intOf(next, "SELECT 1 + 1"));
    }

    /** As CopyPipe leaves a source connection when the destination fails in the middle of a block. */
    @Test
    void aConnectionWhoseCopyWasAbortedServesTheNextBorrowerCleanly() throws Exception {
        SourcePool pool = pool(source(5, "postgres"), new Settings.SourcePool(1, WAIT, Duration.ZERO, Duration.ZERO));
        Connection c = borrow(pool);
        c.setAutoCommit(false);
        c.setReadOnly(true);
        CopyOut out = c.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY (SELECT g FROM generate_series(1, 1000000) g) TO STDOUT");
        assertEquals("1\n", new String(out.readFromCopy()));
        out.cancelCopy();
        c.close();
        Connection next = borrow(pool);
        assertEquals(3, intOf(next, "SELECT 1 + 2"));
        assertTrue(next.getAutoCommit());
        assertEquals(false, next.isReadOnly());
    }

    @Test
    void aTransactionLeftOpenIsRolledBackAndTheSessionReset() throws Exception {
        admin("CREATE TABLE IF NOT EXISTS kept (v int)");
        SourcePool pool = pool(source(6, "postgres"), new Settings.SourcePool(1, WAIT, Duration.ZERO, Duration.ZERO));
        Connection c = borrow(pool);
        c.setAutoCommit(false);
        c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        try (Statement st = c.createStatement()) {
            st.execute("INSERT INTO kept VALUES (1)");
        }
        c.close();
        Connection next = borrow(pool);
        assertEquals(0, intOf(next, "SELECT count(*) FROM kept"), "the insert was rolled back, not committed");
        assertTrue(next.getAutoCommit());
        assertEquals(Connection.TRANSACTION_READ_COMMITTED, next.getTransactionIsolation());
    }

    @Test
    void aChangedSourceGetsANewPoolAndTheOldOneCloses() throws Exception {
        SourceConnections connections = new SourceConnections();
        connections.credentials = new SourceCredentials();
        try {
            DblinkMapping source = source(7, "postgres");
            int before;
            try (Connection c = connections.open(source)) {
                assertEquals("postgres", stringOf(c, "SELECT current_database()"));
                before = pid(c);
            }
            source.setDataSource(dataSource("other"));
            try (Connection c = connections.open(source)) {
                assertEquals("other", stringOf(c, "SELECT current_database()"));
            }
            awaitTrue(() -> !alive(before), "the old pool's idle connection is closed");
            int renewed;
            try (Connection c = connections.open(source)) {
                renewed = pid(c);
            }
            connections.retire(7);
            try (Connection c = connections.open(source)) {
                assertNotEquals(renewed, pid(c), "a retired source's next connection comes from a new pool");
            }
        } finally {
            connections.closeAll();
        }
        awaitTrue(() -> sessions("other") == 0, "all pools closed");
    }

    // ---- helpers

    private SourcePool pool(DblinkMapping source, Settings.SourcePool limits) {
        SourcePool pool = SourcePool.open(source, null, limits);
        pools.add(pool);
        return pool;
    }

    private Connection borrow(SourcePool pool) {
        Connection c = pool.borrow();
        borrowed.add(c);
        return c;
    }

    private static DblinkMapping source(int id, String database) throws ReflectiveOperationException {
        DblinkMapping source = new DblinkMapping();
        Field field = DblinkMapping.class.getDeclaredField("id");
        field.setAccessible(true);
        field.set(source, id);
        source.setDataSource(dataSource(database));
        source.setUsername("postgres");
        return source;
    }

    private static String dataSource(String database) {
        return "host=localhost port=" + postgres.getPort() + " dbname=" + database;
    }

    private static int pid(Connection c) throws SQLException {
        return intOf(c, "SELECT pg_backend_pid()");
    }

    private static int intOf(Connection c, String sql) throws SQLException {
        return Integer.parseInt(stringOf(c, sql));
    }

    private static String stringOf(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** Mimeo's sessions (application_name mimeo) on {@code database}. */
    private static int sessions(String database) {
        return adminInt("SELECT count(*) FROM pg_stat_activity WHERE application_name = 'mimeo' AND datname = '" + database + "'");
    }

    private static boolean alive(int pid) {
        return adminInt("SELECT count(*) FROM pg_stat_activity WHERE pid = " + pid) > 0;
    }

    private static int adminInt(String sql) {
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            return intOf(c, sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void admin(String sql) throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 20 s: " + what);
            }
            Thread.sleep(50);
        }
    }
}
