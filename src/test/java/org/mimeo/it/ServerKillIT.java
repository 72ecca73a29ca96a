package org.mimeo.it;

import jakarta.json.JsonObject;
import java.sql.Connection;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mimeo.testsupport.Api;
import org.mimeo.testsupport.Rows;
import org.mimeo.testsupport.ServerProcess;
import org.mimeo.testsupport.Sql;
import org.mimeo.testsupport.TestDatabases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * For every mode (snap, table, updater, dml, inserter, logdel): the server process dies (halts like kill -9) in the middle of a 1M-row refresh, after some blocks
 * committed and inside an uncommitted one (a table refresh commits only at its end). After a new start the
 * execution shows FAILED, a restart resumes from the last committed block (a table refresh: from the first),
 * and the destination equals the source exactly.
 */
class ServerKillIT {

    static final ServerProcess SERVER = new ServerProcess(200, "kill-test");
    static int sourceId;

    @BeforeAll
    static void start() throws Exception {
        Sql.source("DROP SCHEMA IF EXISTS kill_src CASCADE", "CREATE SCHEMA kill_src",
                "CREATE TABLE kill_src.big (id bigint PRIMARY KEY, txt text, num int, amount numeric(12,2), ts timestamptz)",
                "INSERT INTO kill_src.big SELECT g, md5(g::text), g % 1000, g / 3.0, now() - g * interval '1 minute' FROM generate_series(1, 1000000) g",
                "VACUUM ANALYZE kill_src.big");
        Sql.dest("DROP SCHEMA IF EXISTS kill_dst CASCADE", "CREATE SCHEMA kill_dst");
        SERVER.start();
        Api.target(SERVER.apiBase());
        sourceId = Api.registerSource();
    }

    @AfterAll
    static void stop() {
        Api.target(null);
        SERVER.close();
    }

    private static String fingerprint(boolean source, String relation) throws Exception {
        try (Connection c = source ? TestDatabases.source() : TestDatabases.dest()) {
            return Rows.fingerprint(c, relation, "id");
        }
    }

    @Test
    void killedSnapAndTableRefreshesResumeAfterTheServerStartsAgain() throws Exception {
        for (String type : new String[] {"snap", "table"}) {
            String dest = "kill_dst.big_" + type;
            Api.make("{\"type\": \"" + type + "\", \"sourceId\": " + sourceId + ", \"sourceTable\": \"kill_src.big\", \"destTable\": \"" + dest + "\"}");
            String before = fingerprint(false, dest);
            Sql.sourceWrite("kill_src.big", "UPDATE kill_src.big SET num = num + 1 WHERE id % 11 = 0");

            long killed = Api.post("/replications/" + Api.path(dest) + "/refresh?wait=false",
                    "{\"blockRows\": 100000, \"faultAfterBlocks\": 4, \"faultKind\": \"halt\"" + (type.equals("snap") ? ", \"checkStats\": false" : "") + "}")
                    .expect(202).json().getJsonNumber("executionId").longValue();
            assertEquals(137, SERVER.awaitDeath(Duration.ofMinutes(3)));
            assertEquals("STARTED", Sql.destString("SELECT batchstatus FROM job_execution WHERE jobexecutionid = " + killed));

            SERVER.start();
            JsonObject swept = Api.get("/executions/" + killed).expect(200).json();
            assertEquals("FAILED", swept.getString("status"), swept::toString);
            Api.assertLogContains(swept, "Marked FAILED at the start of server");
            // the step's counters are stored with each chunk's checkpoint, inside its transaction: for snap three blocks
            // committed; a table refresh is one transaction, so nothing committed and readers keep the previous rows
            assertEquals(type.equals("snap") ? 300_000 : 0, Api.step(swept, "copy").getInt("rowCount"), swept::toString);
            if (type.equals("table")) {
                assertEquals(before, fingerprint(false, dest));
            }

            JsonObject restarted = Api.restartAndWait(killed);
            assertEquals("COMPLETED", restarted.getString("status"), restarted::toString);
            int blocks = Api.step(restarted, "copy").getInt("readCount");
            if (type.equals("snap")) {
                assertTrue(blocks >= 6 && blocks < 10, "resumed after the 3 committed blocks: " + restarted);
            } else {
                assertEquals(10, blocks, "reloaded from the first block: " + restarted);
            }
            assertEquals(fingerprint(true, "kill_src.big"), fingerprint(false, dest), type);
        }
    }

    @Test
    void killedUpdaterRefreshOf200kChangedRowsResumes() throws Exception {
        String dest = "kill_dst.big_updater";
        Api.make("{\"type\": \"updater\", \"sourceId\": " + sourceId + ", \"sourceTable\": \"kill_src.big\", \"destTable\": \"" + dest
                + "\", \"controlField\": \"ts\", \"boundary\": \"0 seconds\"}");
        assertEquals(fingerprint(true, "kill_src.big"), fingerprint(false, dest));
        Sql.source("UPDATE kill_src.big SET txt = 'changed', ts = now() - interval '1 minute' + id * interval '1 microsecond' WHERE id % 5 = 0");

        long killed = Api.post("/replications/" + Api.path(dest) + "/refresh?wait=false",
                "{\"blockRows\": 50000, \"faultAfterBlocks\": 2, \"faultKind\": \"halt\"}").expect(202).json().getJsonNumber("executionId").longValue();
        assertEquals(137, SERVER.awaitDeath(Duration.ofMinutes(3)));
        SERVER.start();
        assertEquals("FAILED", Api.get("/executions/" + killed).expect(200).json().getString("status"));
        JsonObject restarted = Api.restartAndWait(killed);
        assertEquals("COMPLETED", restarted.getString("status"), restarted::toString);
        // one 50k block committed before the kill; the restart applies the three others (the row count spans both executions)
        assertEquals(3, Api.step(restarted, "copy").getInt("readCount"), restarted::toString);
        assertEquals(200_000, Api.step(restarted, "copy").getInt("rowCount"), restarted::toString);
        assertEquals(fingerprint(true, "kill_src.big"), fingerprint(false, dest));
    }

    @Test
    void killedDmlReplayOf200kQueuedChangesResumesAndEmptiesTheQueue() throws Exception {
        Sql.source("CREATE TABLE kill_src.queued (id bigint PRIMARY KEY, txt text, num int)",
                "INSERT INTO kill_src.queued SELECT g, md5(g::text), g FROM generate_series(1, 500000) g");
        String dest = "kill_dst.queued";
        JsonObject made = Api.make("{\"type\": \"dml\", \"sourceId\": " + sourceId + ", \"sourceTable\": \"kill_src.queued\", \"destTable\": \"" + dest + "\"}");
        String queue = org.mimeo.sql.QualifiedName.parse(made.getString("queueTable")).sql();
        Sql.source("UPDATE kill_src.queued SET num = -num WHERE id % 10 < 3", "DELETE FROM kill_src.queued WHERE id % 20 = 5",
                "INSERT INTO kill_src.queued SELECT g, 'new', 0 FROM generate_series(500001, 525000) g");
        assertEquals("200000", Sql.sourceStrings("SELECT count(*) FROM " + queue).get(0));

        long killed = Api.post("/replications/" + Api.path(dest) + "/refresh?wait=false",
                "{\"blockRows\": 50000, \"faultAfterBlocks\": 2, \"faultKind\": \"halt\"}").expect(202).json().getJsonNumber("executionId").longValue();
        assertEquals(137, SERVER.awaitDeath(Duration.ofMinutes(3)));
        SERVER.start();
        assertEquals("FAILED", Api.get("/executions/" + killed).expect(200).json().getString("status"));
        // nothing left the source queue before the destination committed it
        assertEquals("200000", Sql.sourceStrings("SELECT count(*) FROM " + queue).get(0));

        JsonObject restarted = Api.restartAndWait(killed);
        assertEquals("COMPLETED", restarted.getString("status"), restarted::toString);
        assertEquals(3, Api.step(restarted, "copy").getInt("readCount"), restarted::toString);
        assertEquals(fingerprint(true, "kill_src.queued"), fingerprint(false, dest));
        assertEquals("0", Sql.sourceStrings("SELECT count(*) FROM " + queue).get(0));
    }

    @Test
    void killedInserterRefreshOf200kNewRowsResumes() throws Exception {
        Sql.source("CREATE TABLE kill_src.appended (id bigint PRIMARY KEY, txt text, num int)",
                "INSERT INTO kill_src.appended SELECT g, md5(g::text), g FROM generate_series(1, 100000) g");
        String dest = "kill_dst.appended";
        Api.make("{\"type\": \"inserter\", \"sourceId\": " + sourceId + ", \"sourceTable\": \"kill_src.appended\", \"destTable\": \"" + dest
                + "\", \"controlField\": \"id\", \"boundary\": \"0\"}");
        Sql.source("INSERT INTO kill_src.appended SELECT g, md5(g::text), -g FROM generate_series(100001, 300000) g");

        long killed = Api.post("/replications/" + Api.path(dest) + "/refresh?wait=false",
                "{\"blockRows\": 50000, \"faultAfterBlocks\": 2, \"faultKind\": \"halt\"}").expect(202).json().getJsonNumber("executionId").longValue();
        assertEquals(137, SERVER.awaitDeath(Duration.ofMinutes(3)));
        SERVER.start();
        assertEquals("FAILED", Api.get("/executions/" + killed).expect(200).json().getString("status"));
        // the block committed before the kill moved lastValue with it: the destination holds exactly 150k rows
        assertEquals("150000", Sql.destString("SELECT count(*) FROM " + dest));
        JsonObject restarted = Api.restartAndWait(killed);
        assertEquals("COMPLETED", restarted.getString("status"), restarted::toString);
        assertEquals(3, Api.step(restarted, "copy").getInt("readCount"), restarted::toString);
        assertEquals(fingerprint(true, "kill_src.appended"), fingerprint(false, dest));
    }

    @Test
    void killedLogdelReplayResumesKeepsDeletedRowsAndEmptiesTheQueue() throws Exception {
        Sql.source("CREATE TABLE kill_src.logged (id bigint PRIMARY KEY, txt text, num int)",
                "INSERT INTO kill_src.logged SELECT g, md5(g::text), g FROM generate_series(1, 300000) g");
        String dest = "kill_dst.logged";
        JsonObject made = Api.make("{\"type\": \"logdel\", \"sourceId\": " + sourceId + ", \"sourceTable\": \"kill_src.logged\", \"destTable\": \"" + dest + "\"}");
        String queue = org.mimeo.sql.QualifiedName.parse(made.getString("queueTable")).sql();
        Sql.source("UPDATE kill_src.logged SET num = -num WHERE id % 10 < 4", "DELETE FROM kill_src.logged WHERE id % 20 = 5",
                "INSERT INTO kill_src.logged SELECT g, 'new', 0 FROM generate_series(300001, 315000) g");
        assertEquals("150000", Sql.sourceStrings("SELECT count(*) FROM " + queue).get(0));

        long killed = Api.post("/replications/" + Api.path(dest) + "/refresh?wait=false",
                "{\"blockRows\": 50000, \"faultAfterBlocks\": 1, \"faultKind\": \"halt\"}").expect(202).json().getJsonNumber("executionId").longValue();
        assertEquals(137, SERVER.awaitDeath(Duration.ofMinutes(3)));
        SERVER.start();
        assertEquals("FAILED", Api.get("/executions/" + killed).expect(200).json().getString("status"));
        assertEquals("150000", Sql.sourceStrings("SELECT count(*) FROM " + queue).get(0));

        JsonObject restarted = Api.restartAndWait(killed);
        assertEquals("COMPLETED", restarted.getString("status"), restarted::toString);
        String live = "(SELECT id, txt, num FROM " + dest + " WHERE mimeo_source_deleted IS NULL)";
        assertEquals(fingerprint(true, "kill_src.logged"), fingerprint(false, live));
        // rows deleted on the source stay, marked, with their last values
        assertEquals("15000", Sql.destString("SELECT count(*) FROM " + dest + " WHERE mimeo_source_deleted IS NOT NULL"));
        assertEquals("0", Sql.sourceStrings("SELECT count(*) FROM " + queue).get(0));
    }

    @Test
    void aReplicationWithAPeriodRefreshesByItselfAlsoAfterARestart() throws Exception {
        Sql.source("CREATE TABLE kill_src.scheduled (id int PRIMARY KEY, v text)", "INSERT INTO kill_src.scheduled SELECT g, 'v' FROM generate_series(1, 100) g");
        String dest = "kill_dst.scheduled";
        Api.make("{\"type\": \"snap\", \"sourceId\": " + sourceId + ", \"sourceTable\": \"kill_src.scheduled\", \"destTable\": \"" + dest
                + "\", \"period\": \"2 seconds\"}");
        Sql.sourceWrite("kill_src.scheduled", "INSERT INTO kill_src.scheduled SELECT g, 'later' FROM generate_series(101, 150) g");
        awaitEqual(dest);

        SERVER.close();
        SERVER.start();
        Sql.sourceWrite("kill_src.scheduled", "UPDATE kill_src.scheduled SET v = 'after restart' WHERE id <= 10");
        awaitEqual(dest);
        assertTrue(Integer.parseInt(Sql.destString("SELECT count(*) FROM mimeo.job_run WHERE dest_table = '" + dest + "'")) >= 3);
        Api.delete("/replications/" + Api.path(dest)).expect(204);
    }

    private static void awaitEqual(String dest) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        while (true) {
            try {
                Rows.assertSame("id, v", "kill_src.scheduled", dest);
                return;
            } catch (AssertionError e) {
                if (System.currentTimeMillis() > deadline) {
                    throw e;
                }
                Thread.sleep(250);
            }
        }
    }
}
