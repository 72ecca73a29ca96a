package org.mimeo.it;

import jakarta.json.JsonObject;
import java.sql.Connection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.mimeo.testsupport.Api;
import org.mimeo.testsupport.CrashablePostgres;
import org.mimeo.testsupport.MimeoIT;
import org.mimeo.testsupport.Rows;
import org.mimeo.testsupport.ServerProcess;
import org.mimeo.testsupport.Sql;
import org.mimeo.testsupport.TestDatabases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A database dies in the middle of a refresh (immediate shutdown, like a power cut) and comes back: the
 * source of a running copy, and the destination of a server (its configuration, job repository and the
 * replicated table). The refresh fails or is swept as failed, its restart ends exactly equal to the source.
 */
class DatabaseLossIT extends MimeoIT {

    static final int ROWS = 1_000_000;
    static final String SLOW = "{\"checkStats\": false, \"blockRows\": 20000}";
    /** A durable source: what it committed before the crash is there after it (the comparison needs a source that keeps its data). */
    static final CrashablePostgres SOURCE = new CrashablePostgres("lossy-source", Integer.getInteger("mimeo.test.lossy.port", 25633), true);
    /** A destination with synchronous_commit off, as a DBA may run it: Mimeo's own commits must survive its crash anyway. */
    static final CrashablePostgres DEST = new CrashablePostgres("lossy-dest", Integer.getInteger("mimeo.test.lossy.port", 25633) + 1, false);
    static ServerProcess destServer;

    @AfterAll
    static void stop() throws Exception {
        Api.target(null);
        if (destServer != null) {
            destServer.close();
        }
        SOURCE.close();
        DEST.close();
    }

    private static String fill(Connection c, String table) throws Exception {
        Sql.run(c, "CREATE TABLE " + table + " (id bigint PRIMARY KEY, v text, n int)",
                "INSERT INTO " + table + " SELECT g, md5(g::text), g % 1000 FROM generate_series(1, " + ROWS + ") g",
                // the block planner sizes key ranges from the table's statistics
                "ANALYZE " + table);
        return table;
    }

    /** Polls the running execution until its copy step has committed at least one block. */
    private static void awaitFirstBlock(long executionId) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 300_000;
        while (System.currentTimeMillis() < deadline) {
            JsonObject e = Api.get("/executions/" + executionId).expect(200).json();
            boolean copied = e.getJsonArray("steps").stream().map(v -> v.asJsonObject())
                    .anyMatch(s -> s.getString("name").equals("copy") && s.getJsonNumber("rowCount").longValue() > 0);
            if (copied) {
                return;
            }
            assertTrue(e.getString("status").matches("STARTING|STARTED"), "the refresh ended before the crash: " + e);
            Thread.sleep(20);
        }
        throw new AssertionError("execution " + executionId + " committed no block within 5 minutes");
    }

    /** The execution once it ended, or as it still is after {@code millis} (answers that fail while the database restarts are retried). */
    private static JsonObject awaitEndOrGiveUp(long executionId, long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        JsonObject last = null;
        while (System.currentTimeMillis() < deadline) {
            Api.Reply reply = Api.get("/executions/" + executionId);
            if (reply.status() == 200) {
                last = reply.json();
                if (!last.getString("status").matches("STARTING|STARTED|STOPPING")) {
                    return last;
                }
            }
            Thread.sleep(250);
        }
        if (last == null) {
            throw new AssertionError("GET /executions/" + executionId + " never answered within " + millis + " ms");
        }
        return last;
    }

    @Test
    void theSourceStopsInTheMiddleOfACopyAndComesBack() throws Exception {
        SOURCE.startFresh("lossy");
        try (Connection c = SOURCE.connect("lossy")) {
            Sql.run(c, "CREATE SCHEMA loss");
            fill(c, "loss.big");
        }
        Sql.dest("DROP SCHEMA IF EXISTS loss_dst CASCADE", "CREATE SCHEMA loss_dst");
        int sourceId = Api.post("/sources", "{\"dataSource\": \"host=localhost port=" + SOURCE.port() + " dbname=lossy\", \"username\": \"postgres\"}")
                .expect(201).json().getInt("id");
        Api.make("{\"type\": \"snap\", \"sourceId\": " + sourceId + ", \"sourceTable\": \"loss.big\", \"destTable\": \"loss_dst.big\"}");
        try (Connection c = SOURCE.connect("lossy")) {
            Sql.run(c, "UPDATE loss.big SET n = n + 1 WHERE id % 7 = 0");
        }

        long id = Api.id(Api.post("/replications/" + Api.path("loss_dst.big") + "/refresh?wait=false", SLOW).expect(202).json());
        awaitFirstBlock(id);
        SOURCE.crash();
        JsonObject failed = Api.awaitExecution(id);
        assertEquals("FAILED", failed.getString("status"), failed.toString());
        Api.assertLogContains(failed, "source_unreachable");
        assertEquals("CRITICAL", Api.get("/monitor").expect(200).json().getString("status"));

        SOURCE.restart();
        JsonObject restarted = Api.restartAndWait(id);
        assertEquals("COMPLETED", restarted.getString("status"), restarted.toString());
        try (Connection s = SOURCE.connect("lossy"); Connection d = TestDatabases.dest()) {
            assertEquals(Rows.fingerprint(s, "loss.big", "id"), Rows.fingerprint(d, "loss_dst.big", "id"));
        }
        Api.delete("/replications/" + Api.path("loss_dst.big")).expect(204);
    }

    @Test
    void theDestinationRestartsInTheMiddleOfARefresh() throws Exception {
        DEST.startFresh("mimeo2");
        try (Connection c = DEST.connect("postgres")) {
            Sql.run(c, "CREATE ROLE mimeo LOGIN NOSUPERUSER", "ALTER DATABASE mimeo2 OWNER TO mimeo");
        }
        try (Connection c = DEST.connect("mimeo2")) {
            Sql.run(c, "CREATE SCHEMA loss AUTHORIZATION mimeo");
        }
        Sql.source("DROP SCHEMA IF EXISTS loss_src CASCADE", "CREATE SCHEMA loss_src");
        try (Connection c = TestDatabases.source()) {
            fill(c, "loss_src.big");
        }
        destServer = new ServerProcess(260, "lossy-dest-server", true, DEST.jdbcUrl("mimeo2"), "mimeo");
        destServer.start();
        Api.target(destServer.apiBase());
        int sourceId = Api.registerSource();
        Api.make("{\"type\": \"snap\", \"sourceId\": " + sourceId + ", \"sourceTable\": \"loss_src.big\", \"destTable\": \"loss.big\"}");
        Sql.sourceWrite("loss_src.big", "UPDATE loss_src.big SET n = n + 1 WHERE id % 7 = 0");

        long id = Api.id(Api.post("/replications/" + Api.path("loss.big") + "/refresh?wait=false", SLOW).expect(202).json());
        awaitFirstBlock(id);
        DEST.crash();
        DEST.restart();

        // the job repository lives in the lost database: the execution ends FAILED by itself, or stays STARTED
        // until a server start sweeps it; either way it can be restarted
        JsonObject after = awaitEndOrGiveUp(id, 180_000);
        if (!after.getString("status").equals("FAILED")) {
            destServer.close();
            destServer.start();
            after = Api.get("/executions/" + id).expect(200).json();
        }
        assertEquals("FAILED", after.getString("status"), after.toString());
        JsonObject restarted = Api.restartAndWait(id);
        assertEquals("COMPLETED", restarted.getString("status"), restarted.toString());
        try (Connection s = TestDatabases.source(); Connection d = DEST.connect("mimeo2")) {
            assertEquals(Rows.fingerprint(s, "loss_src.big", "id"), Rows.fingerprint(d, "loss.big", "id"));
        }
    }
}
