package org.mimeo.it;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mimeo.testsupport.Api;
import org.mimeo.testsupport.MimeoIT;
import org.mimeo.testsupport.Rows;
import org.mimeo.testsupport.Sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** PATCHes that overlap a refresh, and two makers of one destination at once. */
class ConcurrentEditsIT extends MimeoIT {

    static int sourceId;

    @BeforeAll
    static void setUp() throws Exception {
        Sql.source("DROP SCHEMA IF EXISTS ce_src CASCADE", "CREATE SCHEMA ce_src",
                "CREATE TABLE ce_src.big (id int PRIMARY KEY, v text)", "INSERT INTO ce_src.big SELECT g, 'v' || g FROM generate_series(1, 300000) g",
                "CREATE TABLE ce_src.raced (id int PRIMARY KEY, v text)", "INSERT INTO ce_src.raced SELECT g, 'r' || g FROM generate_series(1, 2000) g");
        Sql.dest("DROP SCHEMA IF EXISTS ce_dst CASCADE", "CREATE SCHEMA ce_dst");
        sourceId = Api.registerSource();
    }

    static String lastValue() {
        return Api.get("/replications/" + Api.path("ce_dst.big")).expect(200).json().get("lastValue").toString();
    }

    @Test
    void patchDuringARefreshNeverMovesLastValueBack() throws Exception {
        Api.make("{\"type\": \"inserter\", \"sourceId\": " + sourceId + ", \"sourceTable\": \"ce_src.big\", \"destTable\": \"ce_dst.big\","
                + " \"controlField\": \"id\", \"boundary\": 0, \"pullData\": false}");
        assertEquals("300000", lastValue());
        Sql.source("INSERT INTO ce_src.big SELECT g, 'v' || g FROM generate_series(300001, 600000) g");
        long execution = Api.post("/replications/" + Api.path("ce_dst.big") + "/refresh?wait=false", "{\"blockRows\": 20000}")
                .expect(202).json().getJsonNumber("executionId").longValue();
        // wait until the refresh committed some blocks, so the PATCH below races its next chunk transactions
        long deadline = System.currentTimeMillis() + 120_000;
        long seen = 300_000;
        while (seen == 300_000) {
            assertTrue(System.currentTimeMillis() < deadline, "the refresh made no progress within 120 s");
            seen = Long.parseLong(lastValue());
            Thread.onSpinWait();
        }
        assertTrue(seen < 600_000, "the refresh ended before the PATCH could overlap it; lastValue " + seen);
        JsonObject patched = Api.patch("/replications/" + Api.path("ce_dst.big"), "{\"period\": \"7 minutes\"}").expect(200).json();
        assertEquals("00:07:00", patched.getString("period"));
        Api.Reply refused = Api.patch("/replications/" + Api.path("ce_dst.big"), "{\"lastValue\": 5}").expectError(409, "already_running");
        assertTrue(refused.json().getString("message").contains("lastValue"), refused.body());

        JsonObject ended = Api.awaitExecution(execution);
        assertEquals("COMPLETED", ended.getString("status"), ended::toString);
        assertEquals("600000", lastValue(), "the refresh's progress survived the PATCH");
        assertEquals("00:07:00", Api.get("/replications/" + Api.path("ce_dst.big")).expect(200).json().getString("period"));
        // pullData false: only the rows newer than the setup arrived
        assertEquals(List.of("300000 600000"), Sql.destStrings("SELECT count(*) || ' ' || max(id) FROM ce_dst.big"));
        // between refreshes lastValue may move back (to pull rows again)
        Api.patch("/replications/" + Api.path("ce_dst.big"), "{\"lastValue\": 599990}").expect(200);
        assertEquals("599990", lastValue());
    }

    @Test
    void twoMakersOfOneDestinationAtOnceMakeItOnce() throws Exception {
        for (String type : List.of("dml", "snap")) {
            String dest = "ce_dst.raced_" + type;
            String body = "{\"type\": \"" + type + "\", \"sourceId\": " + sourceId + ", \"sourceTable\": \"ce_src.raced\", \"destTable\": \"" + dest + "\"}";
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Future<Api.Reply>> replies = new ArrayList<>();
            try {
                for (int i = 0; i < 2; i++) {
                    replies.add(pool.submit(() -> {
                        go.await();
                        return Api.post("/replications", body);
                    }));
                }
                go.countDown();
                List<Integer> statuses = new ArrayList<>();
                for (Future<Api.Reply> f : replies) {
                    statuses.add(f.get(5, TimeUnit.MINUTES).status());
                }
                statuses.sort(null);
                assertEquals(List.of(201, 409), statuses, type + ": " + replies.get(0).get().body() + " / " + replies.get(1).get().body());
            } finally {
                pool.shutdownNow();
            }
            assertEquals(List.of(dest), Sql.destStrings("SELECT dest_table FROM mimeo.refresh_config WHERE dest_table = '" + dest + "'"));
            Rows.assertSame("id, v", "ce_src.raced", dest);
            Sql.source("UPDATE ce_src.raced SET v = 'changed' WHERE id % 10 = 0");
            Api.refreshCompleted(dest, type.equals("snap") ? "{\"checkStats\": false}" : null);
            Rows.assertSame("id, v", "ce_src.raced", dest);
        }
        // one queue and one set of triggers on the source: the winner's
        assertEquals(List.of("4"), Sql.sourceStrings("SELECT count(*) FROM pg_trigger WHERE tgrelid = 'ce_src.raced'::regclass AND NOT tgisinternal"));
        assertEquals(List.of("1"), Sql.sourceStrings("SELECT count(*) FROM pg_class WHERE relnamespace = 'mimeo'::regnamespace AND relkind = 'r' AND relname LIKE 'ce\\_src\\_raced\\_%'"));
        assertEquals(List.of("ce_dst.raced_dml", "ce_dst.raced_snap", "ce_dst.raced_snap_snap1", "ce_dst.raced_snap_snap2"),
                Sql.destStrings("SELECT 'ce_dst.' || relname FROM pg_class WHERE relnamespace = 'ce_dst'::regnamespace AND relkind IN ('r', 'v') AND relname LIKE 'raced%' ORDER BY 1"));
    }
}
