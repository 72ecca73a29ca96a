package org.mimeo.it;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.sql.Connection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mimeo.testsupport.Api;
import org.mimeo.testsupport.MimeoIT;
import org.mimeo.testsupport.Rows;
import org.mimeo.testsupport.Sql;
import org.mimeo.testsupport.StallingProxy;
import org.mimeo.testsupport.TestDatabases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hung, failing and stopped databases: each case fails or stops the refresh the way the README says, and
 * after recovery the destination equals the source exactly.
 */
class FaultMatrixIT extends MimeoIT {

    static int sourceId;

    @BeforeAll
    static void tables() throws Exception {
        Sql.source("DROP SCHEMA IF EXISTS fault_src CASCADE", "CREATE SCHEMA fault_src",
                "CREATE TABLE fault_src.big (id bigint PRIMARY KEY, txt text, more text, num int)",
                "INSERT INTO fault_src.big SELECT g, md5(g::text), repeat(md5((g * 7)::text), 3), g % 1000 FROM generate_series(1, 1000000) g",
                "VACUUM ANALYZE fault_src.big");
        Sql.dest("DROP SCHEMA IF EXISTS fault_dst CASCADE", "CREATE SCHEMA fault_dst");
        sourceId = Api.registerSource();
    }

    private static String fingerprint(boolean source, String relation) throws Exception {
        try (Connection c = source ? TestDatabases.source() : TestDatabases.dest()) {
            return Rows.fingerprint(c, relation, "id");
        }
    }

    private static long startRefresh(String dest, String body) {
        return Api.post("/replications/" + Api.path(dest) + "/refresh?wait=false", body).expect(202).json().getJsonNumber("executionId").longValue();
    }

    /** Polls the execution until its copy step has committed rows; the execution must still be running then. */
    private static void awaitCopiedRows(long executionId) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            JsonObject e = Api.get("/executions/" + executionId).expect(200).json();
            for (JsonValue step : e.getJsonArray("steps")) {
                JsonObject s = step.asJsonObject();
                if (s.getString("name").equals("copy") && s.containsKey("rowCount") && s.getInt("rowCount") > 0) {
                    assertEquals("STARTED", e.getString("status"), "the copy ended before the fault: " + e);
                    return;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("execution " + executionId + " copied nothing within 120 s");
    }

    private static void awaitSourceCopy() throws Exception {
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            if (!Sql.sourceStrings("SELECT pid FROM pg_stat_activity WHERE state = 'active' AND query LIKE 'COPY %fault_src%' AND pid <> pg_backend_pid()").isEmpty()) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no COPY on the source within 120 s");
    }

    @Test
    void aStalledSourceFailsTheRefreshWithinItsSocketTimeoutAndTheNextRefreshWorks() throws Exception {
        try (StallingProxy proxy = new StallingProxy(0, TestDatabases.sourceHost(), TestDatabases.sourcePort())) {
            int proxied = Api.post("/sources", "{\"dataSource\": \"jdbc:postgresql://localhost:" + proxy.port() + "/" + TestDatabases.sourceDb()
                    + "?socketTimeout=5\", \"username\": \"postgres\", \"password\": \"not-used-secret\"}").expect(201).json().getInt("id");
            String dest = "fault_dst.stalled";
            Api.make("{\"type\": \"snap\", \"sourceId\": " + proxied + ", \"sourceTable\": \"fault_src.big\", \"destTable\": \"" + dest + "\", \"pullData\": false}");
            long execution = startRefresh(dest, "{\"blockRows\": 25000, \"checkStats\": false}");
            awaitCopiedRows(execution);
            proxy.stall();
            long stalledAt = System.currentTimeMillis();
            JsonObject failed = Api.awaitExecution(execution);
            long seconds = (System.currentTimeMillis() - stalledAt) / 1000;
            assertEquals("FAILED", failed.getString("status"), failed::toString);
            // the socket timeout is 5 s; the bound only proves the refresh did not hang
            assertTrue(seconds < 60, "failed after " + seconds + " s");
            Api.assertLogContains(failed, "source_unreachable");
            Api.assertLogContains(failed, "Source " + proxied);

            JsonObject monitor = Api.get("/monitor").expect(200).json();
            assertEquals("CRITICAL", monitor.getString("status"), monitor::toString);
            assertTrue(monitor.getJsonArray("alerts").stream().anyMatch(a -> a.asJsonObject().getString("destTable").equals(dest)
                    && a.asJsonObject().getString("level").equals("CRITICAL")), monitor::toString);
            // while the source still hangs, the lag report answers for every table and names this one's error
            JsonObject lag = Api.get("/monitor/lag").expect(200).array().stream().map(JsonValue::asJsonObject)
                    .filter(o -> o.getString("destTable").equals(dest)).findFirst().orElseThrow();
            assertTrue(lag.getString("error", "").contains("source_unreachable"), lag::toString);

            proxy.resume();
            JsonObject next = Api.refreshCompleted(dest, "{\"checkStats\": false}");
            assertEquals("COMPLETED", next.getString("status"));
            assertEquals(fingerprint(true, "fault_src.big"), fingerprint(false, dest));
            Api.delete("/replications/" + Api.path(dest)).expect(204);
        }
    }

    @Test
    void aStopDuringOneLongCopyEndsStoppedWithinSecondsAndARestartCopiesEverything() throws Exception {
        String dest = "fault_dst.stopped";
        Api.make("{\"type\": \"snap\", \"sourceId\": " + sourceId + ", \"sourceTable\": \"fault_src.big\", \"destTable\": \"" + dest + "\", \"pullData\": false}");
        long execution = startRefresh(dest, "{\"blockRows\": 1000000, \"checkStats\": false}");
        awaitSourceCopy();
        long stopAt = System.currentTimeMillis();
        Api.post("/executions/" + execution + "/stop", null).expect(202);
        JsonObject stopped = Api.awaitExecution(execution);
        long seconds = (System.currentTimeMillis() - stopAt) / 1000;
        assertEquals("STOPPED", stopped.getString("status"), stopped::toString);
        // liveness, not performance: the COPY was cancelled, not waited for
        assertTrue(seconds < 15, "stopped after " + seconds + " s");
        assertEquals("0", Sql.destString("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted"
                + " AND pid IN (SELECT pid FROM pg_stat_activity WHERE state = 'idle in transaction')"));

        JsonObject restarted = Api.restartAndWait(execution);
        assertEquals("COMPLETED", restarted.getString("status"), restarted::toString);
        assertEquals(fingerprint(true, "fault_src.big"), fingerprint(false, dest));
    }

    @Test
    void aRowTheDestinationRejectsFailsTheRefreshNamingTableAndBlockAndARestartAfterTheFixCompletes() throws Exception {
        Sql.source("CREATE TABLE fault_src.reject (id bigint PRIMARY KEY, v text)",
                "INSERT INTO fault_src.reject SELECT g, g::text FROM generate_series(1, 1000) g");
        String dest = "fault_dst.reject";
        Api.make("{\"type\": \"inserter\", \"sourceId\": " + sourceId + ", \"sourceTable\": \"fault_src.reject\", \"destTable\": \"" + dest
                + "\", \"controlField\": \"id\", \"boundary\": \"0\"}");
        Sql.dest("ALTER TABLE fault_dst.reject ALTER COLUMN v TYPE int USING v::int");
        Sql.source("INSERT INTO fault_src.reject SELECT g, CASE WHEN g = 1500 THEN 'not a number' ELSE g::text END FROM generate_series(1001, 2000) g");

        JsonObject failed = Api.refresh(dest, "{}");
        assertEquals("FAILED", failed.getString("status"), failed::toString);
        Api.assertLogContains(failed, "The destination table " + dest + " rejected a row of block");
        Api.assertLogContains(failed, "line ");
        Api.assertLogContains(failed, "restart the execution");

        Sql.dest("ALTER TABLE fault_dst.reject ALTER COLUMN v TYPE text USING v::text");
        JsonObject restarted = Api.restartAndWait(Api.id(failed));
        assertEquals("COMPLETED", restarted.getString("status"), restarted::toString);
        Rows.assertSame("id, v", "fault_src.reject", dest);
    }
}
