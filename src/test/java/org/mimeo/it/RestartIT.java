package org.mimeo.it;

import jakarta.json.JsonObject;
import java.sql.Connection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mimeo.testsupport.Api;
import org.mimeo.testsupport.MimeoIT;
import org.mimeo.testsupport.Rows;
import org.mimeo.testsupport.Sql;
import org.mimeo.testsupport.TestDatabases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A refresh of a 1M-row table fails in the middle of its copy (after some blocks committed, inside an
 * uncommitted one); restarting the execution resumes from the checkpoint and ends with exactly the
 * source's rows: same count, no duplicates, same content. A table refresh is one transaction: its
 * failure leaves the previous rows and its restart copies every block again.
 */
class RestartIT extends MimeoIT {

    static int sourceId;
    static final String BIG = "restart_src.big";

    @BeforeAll
    static void setUp() throws Exception {
        Sql.source("DROP SCHEMA IF EXISTS restart_src CASCADE", "CREATE SCHEMA restart_src",
                "CREATE TABLE restart_src.big (id bigint PRIMARY KEY, txt text, num int, amount numeric(12,2), ts timestamptz)",
                "INSERT INTO restart_src.big SELECT g, md5(g::text) || ' some text', g % 1000, g / 7.0, now() - g * interval '1 second' FROM generate_series(1, 1000000) g",
                "VACUUM ANALYZE restart_src.big");
        Sql.dest("DROP SCHEMA IF EXISTS restart_dst CASCADE", "CREATE SCHEMA restart_dst");
        sourceId = Api.registerSource();
    }

    private static String maker(String type, String source, String dest) {
        return "{\"type\": \"" + type + "\", \"sourceId\": " + sourceId + ", \"sourceTable\": \"" + source + "\", \"destTable\": \"" + dest + "\"}";
    }

    private static String sourceFingerprint(String relation, String key) throws Exception {
        try (Connection c = TestDatabases.source()) {
            return Rows.fingerprint(c, relation, key);
        }
    }

    private static String destFingerprint(String relation, String key) throws Exception {
        try (Connection c = TestDatabases.dest()) {
            return Rows.fingerprint(c, relation, key);
        }
    }

    @Test
    void snapRefreshFailedMidCopyResumesAndMatchesTheSource() throws Exception {
        Api.make(maker("snap", BIG, "restart_dst.big_snap_copy"));
        String before = sourceFingerprint(BIG, "id");
        assertEquals(before, destFingerprint("restart_dst.big_snap_copy", "id"));

        Sql.sourceWrite(BIG, "UPDATE restart_src.big SET txt = 'changed' WHERE id % 97 = 0", "DELETE FROM restart_src.big WHERE id % 1001 = 0");
        JsonObject failed = Api.refresh("restart_dst.big_snap_copy", "{\"blockRows\": 100000, \"faultAfterBlocks\": 4}");
        assertEquals("FAILED", failed.getString("status"));
        Api.assertLogContains(failed, "Injected failure");
        assertEquals(3, Api.step(failed, "copy").getInt("commitCount"), failed::toString);
        // readers still see the complete previous copy through the view
        assertEquals(before, destFingerprint("restart_dst.big_snap_copy", "id"));

        JsonObject restarted = Api.restartAndWait(Api.id(failed));
        assertEquals("COMPLETED", restarted.getString("status"), restarted::toString);
        JsonObject copy = Api.step(restarted, "copy");
        assertTrue(copy.getInt("readCount") < 10 && copy.getInt("readCount") >= 6, copy::toString);
        Api.assertLogContains(restarted, "Resuming the copy");
        String after = sourceFingerprint(BIG, "id");
        assertNotEquals(before, after);
        assertEquals(after, destFingerprint("restart_dst.big_snap_copy", "id"));
    }

    @Test
    void tableRefreshFailedMidCopyResumesAndMatchesTheSource() throws Exception {
        Api.make(maker("table", BIG, "restart_dst.big_table_copy"));
        assertEquals(sourceFingerprint(BIG, "id"), destFingerprint("restart_dst.big_table_copy", "id"));
        String before = destFingerprint("restart_dst.big_table_copy", "id");
        Sql.source("UPDATE restart_src.big SET num = -num WHERE id % 13 = 0");

        JsonObject failed = Api.refresh("restart_dst.big_table_copy", "{\"blockRows\": 100000, \"faultAfterBlocks\": 5}");
        assertEquals("FAILED", failed.getString("status"));
        // a table refresh is one transaction: the failure rolled it back, readers still have the previous rows
        assertEquals(before, destFingerprint("restart_dst.big_table_copy", "id"));
        assertEquals(0, Api.step(failed, "copy").getInt("rowCount"), failed::toString);
        JsonObject restarted = Api.restartAndWait(Api.id(failed));
        assertEquals("COMPLETED", restarted.getString("status"), restarted::toString);
        // nothing was committed, so the restart reloads every block
        assertEquals(10, Api.step(restarted, "copy").getInt("readCount"), restarted::toString);
        assertEquals(sourceFingerprint(BIG, "id"), destFingerprint("restart_dst.big_table_copy", "id"));
        // a restart of the failed execution is refused once it was restarted to completion
        Api.post("/executions/" + Api.id(failed) + "/restart", null).expectError(409, "conflict");
    }

    @Test
    void pageRangeCopyStartsOverWhenTheSourceChangedBeforeTheRestart() throws Exception {
        Sql.source("CREATE TABLE restart_src.heap (a int, b text)",
                "INSERT INTO restart_src.heap SELECT g, md5(g::text) FROM generate_series(1, 200000) g", "VACUUM ANALYZE restart_src.heap");
        Api.make(maker("table", "restart_src.heap", "restart_dst.heap"));
        JsonObject failed = Api.refresh("restart_dst.heap", "{\"blockRows\": 20000, \"faultAfterBlocks\": 3}");
        assertEquals("FAILED", failed.getString("status"));
        // updates move rows between heap pages: a page-range plan made before them is no longer valid
        Sql.sourceWrite("restart_src.heap", "UPDATE restart_src.heap SET b = 'moved' WHERE a % 10 = 0");
        JsonObject restarted = Api.restartAndWait(Api.id(failed));
        assertEquals("COMPLETED", restarted.getString("status"), restarted::toString);
        // a table refresh commits nothing before its end, so its restart plans the pages again in any case
        Api.assertLogContains(restarted, "in one transaction");
        assertEquals(sourceFingerprint("restart_src.heap", "a"), destFingerprint("restart_dst.heap", "a"));
    }

    @Test
    void incrementalInitialLoadsAndRefreshesFailedMidCopyResumeExactly() throws Exception {
        Sql.source("CREATE TABLE restart_src.events (id bigint PRIMARY KEY, txt text, ts timestamptz NOT NULL)",
                "INSERT INTO restart_src.events SELECT g, md5(g::text), now() - interval '2 days' + g * interval '100 milliseconds' FROM generate_series(1, 1000000) g",
                "CREATE INDEX ON restart_src.events (ts)", "VACUUM ANALYZE restart_src.events");
        for (String[] variant : new String[][] {{"inserter", "id", "0"}, {"updater", "ts", "\"0 seconds\""}}) {
            String type = variant[0];
            String dest = "restart_dst.events_" + type;
            Api.make("{\"type\": \"" + type + "\", \"sourceId\": " + sourceId + ", \"sourceTable\": \"restart_src.events\", \"destTable\": \"" + dest
                    + "\", \"controlField\": \"" + variant[1] + "\", \"boundary\": " + variant[2] + ", \"pullData\": false}");
            Api.patch("/replications/" + Api.path(dest), "{\"lastValue\": null}").expect(200);

            // the initial load of 1M rows fails after four 100k-row blocks committed
            JsonObject failed = Api.refresh(dest, "{\"blockRows\": 100000, \"faultAfterBlocks\": 5}");
            assertEquals("FAILED", failed.getString("status"), failed::toString);
            try (Connection c = TestDatabases.dest()) {
                assertEquals(400_000, Rows.count(c, dest), type);
            }
            JsonObject restarted = Api.restartAndWait(Api.id(failed));
            assertEquals("COMPLETED", restarted.getString("status"), restarted::toString);
            assertEquals(sourceFingerprint("restart_src.events", "id"), destFingerprint(dest, "id"), type);
        }
        // 200k new rows for the inserter, 200k updated rows for the updater
        Sql.source("INSERT INTO restart_src.events SELECT g, 'new', now() - interval '2 minutes' + g * interval '1 microsecond' FROM generate_series(1000001, 1200000) g",
                "UPDATE restart_src.events SET txt = 'updated', ts = now() - interval '1 minute' + id * interval '1 microsecond' WHERE id % 6 = 0 AND id <= 1000000");
        for (String type : new String[] {"inserter", "updater"}) {
            String dest = "restart_dst.events_" + type;
            JsonObject failed = Api.refresh(dest, "{\"blockRows\": 50000, \"faultAfterBlocks\": 2}");
            assertEquals("FAILED", failed.getString("status"), failed::toString);
            JsonObject restarted = Api.restartAndWait(Api.id(failed));
            assertEquals("COMPLETED", restarted.getString("status"), restarted::toString);
            Api.assertLogContains(restarted, "Resuming the copy");
        }
        // the inserter never sees updates: it equals the source's inserted rows, the updater the source itself
        assertEquals(sourceFingerprint("restart_src.events", "id"), destFingerprint("restart_dst.events_updater", "id"));
        try (Connection c = TestDatabases.dest(); Connection s = TestDatabases.source()) {
            assertEquals(Rows.fingerprint(s, "(SELECT * FROM restart_src.events WHERE id > 1000000) AS", "id"),
                    Rows.fingerprint(c, "(SELECT * FROM restart_dst.events_inserter WHERE id > 1000000) AS", "id"));
            assertEquals(1_200_000, Rows.count(c, "restart_dst.events_inserter"));
        }
    }
}
