package org.mimeo.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mimeo.testsupport.Api;
import org.mimeo.testsupport.MimeoIT;
import org.mimeo.testsupport.Rows;
import org.mimeo.testsupport.ServerProcess;
import org.mimeo.testsupport.Sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code wait=true} never ties an HTTP worker longer than mimeo.api.maxWaitSeconds: the refresh (or the
 * maker's initial load) goes on and the answer is 202 (201 with a STARTED load) with the execution id;
 * {@code lockWait} is bounded by the same setting.
 */
class WaitLimitsIT extends MimeoIT {

    /** A server whose longest wait is 1 second, so a refresh of 400k rows in blocks of 10k outlasts it. */
    static final ServerProcess SHORT_WAITS = new ServerProcess(240, "short-waits").withSystemProperty("mimeo.api.maxWaitSeconds", "1");
    static final String SLOW = "{\"checkStats\": false, \"blockRows\": 10000}";

    @BeforeAll
    static void setUp() throws Exception {
        Sql.source("DROP SCHEMA IF EXISTS wait_src CASCADE", "CREATE SCHEMA wait_src",
                "CREATE TABLE wait_src.big (id bigint PRIMARY KEY, v text)",
                "INSERT INTO wait_src.big SELECT g, md5(g::text) FROM generate_series(1, 400000) g",
                // the block planner sizes key ranges from the statistics: without them the 10k-row blocks become one
                "ANALYZE wait_src.big");
        Sql.dest("DROP SCHEMA IF EXISTS wait_dst CASCADE", "CREATE SCHEMA wait_dst");
        SHORT_WAITS.start();
        Api.target(SHORT_WAITS.apiBase());
    }

    @AfterAll
    static void tearDown() {
        Api.target(null);
        SHORT_WAITS.close();
    }

    /** The initial load of 400k rows may or may not outlast one second: either answer is right, and it must complete. */
    private static void awaitInitialLoad(JsonObject made) {
        JsonObject load = made.getJsonObject("initialLoad");
        assertTrue(load.getString("status").matches("STARTED|COMPLETED"), made.toString());
        assertEquals("COMPLETED", Api.awaitExecution(load.getJsonNumber("executionId").longValue()).getString("status"));
    }

    @Test
    void aLongRefreshAnswers202WithItsExecutionAndGoesOn() throws Exception {
        int sourceId = Api.registerSource();
        JsonObject made = Api.post("/replications", "{\"type\": \"snap\", \"sourceId\": " + sourceId
                + ", \"sourceTable\": \"wait_src.big\", \"destTable\": \"wait_dst.big\"}").expect(201).json();
        awaitInitialLoad(made);
        Rows.assertSame("id, v", "wait_src.big", "wait_dst.big");

        Sql.sourceWrite("wait_src.big", "UPDATE wait_src.big SET v = 'changed' WHERE id % 100 = 0");
        long t0 = System.nanoTime();
        Api.Reply answer = Api.post("/replications/" + Api.path("wait_dst.big") + "/refresh", SLOW).expect(202);
        long answeredMillis = (System.nanoTime() - t0) / 1_000_000;
        JsonObject running = answer.json();
        assertTrue(running.getString("status").matches("STARTING|STARTED"), running.toString());
        assertTrue(answeredMillis < 60_000, "the answer must come after about the configured second, took " + answeredMillis + " ms");
        JsonObject ended = Api.awaitExecution(Api.id(running));
        assertEquals("COMPLETED", ended.getString("status"), ended.toString());
        Rows.assertSame("id, v", "wait_src.big", "wait_dst.big");
    }

    @Test
    void lockWaitIsBoundedByTheLongestWait() throws Exception {
        Api.post("/replications/" + Api.path("wait_dst.none") + "/refresh", "{\"lockWait\": 2}").expectError(404, "not_found");
        int sourceId = Api.registerSource();
        awaitInitialLoad(Api.post("/replications", "{\"type\": \"table\", \"sourceId\": " + sourceId
                + ", \"sourceTable\": \"wait_src.big\", \"destTable\": \"wait_dst.bounded\"}").expect(201).json());
        Api.Reply tooLong = Api.post("/replications/" + Api.path("wait_dst.bounded") + "/refresh", "{\"lockWait\": 2}").expectError(400, "invalid_request");
        assertTrue(tooLong.json().getString("message").contains("mimeo.api.maxWaitSeconds"), tooLong.body());
        Api.post("/replications/" + Api.path("wait_dst.bounded") + "/refresh", "{\"lockWait\": -1}").expectError(400, "invalid_request");
        assertEquals("0", Sql.destString("SELECT count(*) FROM mimeo.job_run WHERE dest_table = 'wait_dst.bounded'"
                + " AND execution_id > (SELECT min(execution_id) FROM mimeo.job_run WHERE dest_table = 'wait_dst.bounded')"),
                "a refused refresh must not start a job");
        JsonObject done = Api.post("/replications/" + Api.path("wait_dst.bounded") + "/refresh", "{\"lockWait\": 1}").json();
        assertEquals("COMPLETED", Api.awaitExecution(Api.id(done)).getString("status"));
        Rows.assertSame("id, v", "wait_src.big", "wait_dst.bounded");
    }
}
