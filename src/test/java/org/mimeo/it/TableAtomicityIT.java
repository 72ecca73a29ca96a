package org.mimeo.it;

import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mimeo.testsupport.Api;
import org.mimeo.testsupport.MimeoIT;
import org.mimeo.testsupport.Rows;
import org.mimeo.testsupport.Sql;
import org.mimeo.testsupport.TestDatabases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A table refresh is one destination transaction: other sessions see the previous rows or the new ones,
 * never an empty or half-loaded table, also with truncateCascade (parent and referencing table change
 * together); a failed refresh leaves the previous rows; grants, foreign keys and views keep working.
 */
class TableAtomicityIT extends MimeoIT {

    static int sourceId;
    static final String BIG = "atom_dst.big";
    static final String STATS = "SELECT count(*) || '/' || coalesce(sum(num), 0) FROM " + BIG;

    @BeforeAll
    static void setUp() throws Exception {
        Sql.source("DROP SCHEMA IF EXISTS atom_src CASCADE", "CREATE SCHEMA atom_src",
                "CREATE TABLE atom_src.big (id bigint PRIMARY KEY, txt text, num int)",
                "INSERT INTO atom_src.big SELECT g, md5(g::text), g % 1000 FROM generate_series(1, 1000000) g",
                "VACUUM ANALYZE atom_src.big",
                "CREATE TABLE atom_src.parent (id bigint PRIMARY KEY, kind int, txt text)",
                "INSERT INTO atom_src.parent SELECT g, g % 10, 'p' || g FROM generate_series(1, 200000) g",
                "VACUUM ANALYZE atom_src.parent");
        Sql.dest("DROP SCHEMA IF EXISTS atom_dst CASCADE", "CREATE SCHEMA atom_dst");
        Sql.destSuperuser("DROP ROLE IF EXISTS atom_reader", "CREATE ROLE atom_reader NOLOGIN");
        sourceId = Api.registerSource();
        Api.make("{\"type\": \"table\", \"sourceId\": " + sourceId + ", \"sourceTable\": \"atom_src.big\", \"destTable\": \"" + BIG + "\"}");
    }

    @AfterAll
    static void dropRole() throws Exception {
        Sql.dest("DROP SCHEMA IF EXISTS atom_dst CASCADE");
        Sql.destSuperuser("DROP ROLE IF EXISTS atom_reader");
    }

    private static String query(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String sourceStats() throws SQLException {
        try (Connection c = TestDatabases.source()) {
            return query(c, "SELECT count(*) || '/' || coalesce(sum(num), 0) FROM atom_src.big");
        }
    }

    private static long startRefresh(String dest, String body) {
        return Api.post("/replications/" + Api.path(dest) + "/refresh?wait=false", body).expect(202).json().getJsonNumber("executionId").longValue();
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting: " + what);
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }

    /** True once a session waits for a lock on the relation: the refresh holds or wants its ACCESS EXCLUSIVE lock. */
    private static boolean someoneWaitsOn(String relation) {
        try (Connection c = TestDatabases.dest()) {
            return !"0".equals(query(c, "SELECT count(*) FROM pg_catalog.pg_locks WHERE relation = to_regclass('" + relation + "') AND NOT granted"));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads {@code sql} on its own connection, again and again, until stopped; returns what it saw. */
    private static final class Reader implements AutoCloseable {
        final List<String> seen = new CopyOnWriteArrayList<>();
        final AtomicBoolean stop = new AtomicBoolean();
        final ExecutorService pool = Executors.newSingleThreadExecutor();
        final Future<Integer> done;

        Reader(String sql) {
            done = pool.submit(() -> {
                try (Connection c = TestDatabases.dest()) {
                    Sql.run(c, "SET statement_timeout = '300s'");
                    while (!stop.get()) {
                        seen.add(query(c, sql));
                    }
                }
                return seen.size();
            });
        }

        List<String> stopAndGet() throws Exception {
            stop.set(true);
            done.get(5, TimeUnit.MINUTES);
            return seen;
        }

        @Override
        public void close() {
            stop.set(true);
            pool.shutdownNow();
        }
    }

    @Test
    void readersSeeTheOldRowsOrTheNewOnesNeverAnythingElse() throws Exception {
        String old;
        try (Connection c = TestDatabases.dest()) {
            old = query(c, STATS);
        }
        assertEquals(sourceStats(), old);
        Sql.source("UPDATE atom_src.big SET num = num + 1 WHERE id % 7 = 0", "DELETE FROM atom_src.big WHERE id % 1000 = 0");
        String fresh = sourceStats();
        assertNotEquals(old, fresh);

        try (Reader reader = new Reader(STATS)) {
            await("the reader's first read", () -> !reader.seen.isEmpty());
            long id = startRefresh(BIG, "{\"blockRows\": 100000}");
            // the reader overlaps the reload: its query waits for the reload's transaction
            await("the reader waiting on the reload's lock", () -> someoneWaitsOn(BIG));
            JsonObject execution = Api.awaitExecution(id);
            assertEquals("COMPLETED", execution.getString("status"), execution::toString);
            await("a read after the commit", () -> fresh.equals(reader.seen.get(reader.seen.size() - 1)));
            List<String> seen = reader.stopAndGet();
            assertEquals(Set.of(old, fresh), Set.copyOf(seen), "reads saw only the old and the new rows: " + seen);
            // once the new rows showed, the old never came back
            assertFalse(seen.subList(seen.indexOf(fresh), seen.size()).contains(old), seen::toString);
            assertEquals(10, Api.step(execution, "copy").getInt("readCount"), execution::toString);
        }
        try (Connection s = TestDatabases.source(); Connection d = TestDatabases.dest()) {
            assertEquals(Rows.fingerprint(s, "atom_src.big", "id"), Rows.fingerprint(d, BIG, "id"));
        }
    }

    @Test
    void aRepeatableReadReaderKeepsItsRowsAndTheReloadWaitsForIt() throws Exception {
        Sql.source("UPDATE atom_src.big SET num = num - 1 WHERE id % 5 = 0");
        String fresh = sourceStats();
        try (Connection rr = TestDatabases.dest()) {
            rr.setAutoCommit(false);
            rr.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            String before = query(rr, STATS);
            assertNotEquals(fresh, before);
            long id = startRefresh(BIG, "{\"blockRows\": 100000}");
            // the reload's TRUNCATE waits for the reader, which is not blocked and keeps its rows
            await("the reload waiting for the reader's lock", () -> someoneWaitsOn(BIG));
            assertEquals(before, query(rr, STATS));
            assertEquals("STARTED", Api.get("/executions/" + id).expect(200).json().getString("status"));
            rr.commit();
            JsonObject execution = Api.awaitExecution(id);
            assertEquals("COMPLETED", execution.getString("status"), execution::toString);
        }
        try (Connection d = TestDatabases.dest()) {
            assertEquals(fresh, query(d, STATS));
        }
    }

    @Test
    void aFailedRefreshLeavesThePreviousRows() throws Exception {
        String old;
        try (Connection d = TestDatabases.dest()) {
            old = Rows.fingerprint(d, BIG, "id");
        }
        Sql.source("UPDATE atom_src.big SET txt = 'changed' WHERE id % 3 = 0");
        JsonObject failed = Api.refresh(BIG, "{\"blockRows\": 100000, \"faultAfterBlocks\": 2}");
        assertEquals("FAILED", failed.getString("status"), failed::toString);
        Api.assertLogContains(failed, "Injected failure");
        assertEquals(0, Api.step(failed, "copy").getInt("rowCount"), failed::toString);
        try (Connection d = TestDatabases.dest()) {
            assertEquals(old, Rows.fingerprint(d, BIG, "id"));
        }

        // the source table is gone: the refresh fails before anything changed
        Sql.source("ALTER TABLE atom_src.big RENAME TO big_away");
        try {
            JsonObject gone = Api.refresh(BIG, null);
            assertEquals("FAILED", gone.getString("status"), gone::toString);
            try (Connection d = TestDatabases.dest()) {
                assertEquals(old, Rows.fingerprint(d, BIG, "id"));
            }
        } finally {
            Sql.source("ALTER TABLE atom_src.big_away RENAME TO big");
        }

        // a restart of the failed execution reloads from the first block and ends equal to the source
        JsonObject restarted = Api.restartAndWait(Api.id(failed));
        assertEquals("COMPLETED", restarted.getString("status"), restarted::toString);
        assertEquals(10, Api.step(restarted, "copy").getInt("readCount"), restarted::toString);
        try (Connection s = TestDatabases.source(); Connection d = TestDatabases.dest()) {
            assertEquals(Rows.fingerprint(s, "atom_src.big", "id"), Rows.fingerprint(d, BIG, "id"));
        }
    }

    @Test
    void adoptedTableWithCascadeGrantsForeignKeysAndViewsReloadsAtomically() throws Exception {
        Sql.dest("CREATE TABLE atom_dst.kinds (kind int PRIMARY KEY)", "INSERT INTO atom_dst.kinds SELECT g FROM generate_series(0, 9) g",
                "CREATE TABLE atom_dst.parent (id bigint PRIMARY KEY, kind int REFERENCES atom_dst.kinds, txt text)",
                "CREATE VIEW atom_dst.parent_kinds AS SELECT kind, count(*) AS n FROM atom_dst.parent GROUP BY kind",
                "GRANT USAGE ON SCHEMA atom_dst TO atom_reader", "GRANT SELECT ON atom_dst.parent, atom_dst.parent_kinds TO atom_reader");
        JsonObject made = Api.make("{\"type\": \"table\", \"sourceId\": " + sourceId
                + ", \"sourceTable\": \"atom_src.parent\", \"destTable\": \"atom_dst.parent\"}");
        assertFalse(made.containsKey("initialLoad"), made::toString);
        assertEquals("true", Sql.destString("SELECT adopted::text FROM mimeo.refresh_config_table WHERE dest_table = 'atom_dst.parent'"));
        Api.refreshCompleted("atom_dst.parent", null);
        Rows.assertSame("id, kind, txt", "atom_src.parent", "atom_dst.parent");
        Sql.dest("CREATE TABLE atom_dst.child (id serial PRIMARY KEY, parent_id bigint NOT NULL REFERENCES atom_dst.parent)",
                "INSERT INTO atom_dst.child (parent_id) SELECT id FROM atom_dst.parent WHERE id % 100 = 0");
        String pairs = "SELECT (SELECT count(*) FROM atom_dst.parent) || '/' || (SELECT count(*) FROM atom_dst.child)"
                + " || '/' || (SELECT sum(kind) FROM atom_dst.parent)";
        String old = Sql.destString(pairs);
        assertEquals("200000/2000/900000", old);

        Sql.source("UPDATE atom_src.parent SET kind = (kind + 1) % 10 WHERE id % 2 = 0", "DELETE FROM atom_src.parent WHERE id > 150000");
        // without CASCADE the referenced table cannot be truncated: the refresh fails and nothing changes
        JsonObject refused = Api.refresh("atom_dst.parent", null);
        assertEquals("FAILED", refused.getString("status"));
        Api.assertLogContains(refused, "foreign key");
        // with CASCADE but failing after two blocks: parent and child are both left as they were
        JsonObject failed = Api.refresh("atom_dst.parent", "{\"truncateCascade\": true, \"blockRows\": 50000, \"faultAfterBlocks\": 2}");
        assertEquals("FAILED", failed.getString("status"), failed::toString);
        assertEquals(old, Sql.destString(pairs));

        String fresh;
        try (Reader reader = new Reader(pairs)) {
            await("the reader's first read", () -> !reader.seen.isEmpty());
            long id = startRefresh("atom_dst.parent", "{\"truncateCascade\": true, \"blockRows\": 50000}");
            JsonObject execution = Api.awaitExecution(id);
            assertEquals("COMPLETED", execution.getString("status"), execution::toString);
            fresh = Sql.destString(pairs);
            await("a read after the commit", () -> fresh.equals(reader.seen.get(reader.seen.size() - 1)));
            List<String> seen = reader.stopAndGet();
            // never the child emptied while the parent still had its old rows, nor a partly loaded parent
            assertEquals(Set.of(old, fresh), Set.copyOf(seen), seen::toString);
        }
        assertTrue(fresh.startsWith("150000/0/"), fresh);
        Rows.assertSame("id, kind, txt", "atom_src.parent", "atom_dst.parent");

        // grants, the view and the foreign keys in both directions still work
        try (Connection d = TestDatabases.destSuperuser()) {
            d.setAutoCommit(false);
            Sql.run(d, "SET LOCAL ROLE atom_reader");
            assertEquals("150000", query(d, "SELECT count(*) FROM atom_dst.parent"));
            assertEquals("150000", query(d, "SELECT sum(n) FROM atom_dst.parent_kinds"));
            d.rollback();
        }
        assertThrows(SQLException.class, () -> Sql.dest("INSERT INTO atom_dst.child (parent_id) VALUES (150001)"));
        Sql.dest("INSERT INTO atom_dst.child (parent_id) VALUES (150000)");
        assertThrows(SQLException.class, () -> Sql.dest("INSERT INTO atom_dst.parent VALUES (999999, 42, 'no such kind')"));
    }
}
