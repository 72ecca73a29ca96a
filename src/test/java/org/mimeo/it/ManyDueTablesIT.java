package org.mimeo.it;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mimeo.testsupport.Api;
import org.mimeo.testsupport.MimeoIT;
import org.mimeo.testsupport.Rows;
import org.mimeo.testsupport.Sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 300 small replications of all six modes fall due at once: one refresh-due starts them all, they queue
 * behind the batch threads without holding destination connections, and every one completes (no pool
 * timeout, no 409, no FAILED run) while 20 clients keep reading the API; every destination then equals
 * its source.
 */
class ManyDueTablesIT extends MimeoIT {

    static final int TABLES = 300;
    static final List<String> TYPES = List.of("snap", "table", "inserter", "updater", "dml", "logdel");
    static int sourceId;

    static String type(int i) {
        return TYPES.get(i % TYPES.size());
    }

    static String dest(int i) {
        return "many_dst.t" + i;
    }

    @BeforeAll
    static void setUp() throws Exception {
        Sql.source("DROP SCHEMA IF EXISTS many_src CASCADE", "CREATE SCHEMA many_src", "CREATE SEQUENCE many_src.rev_seq",
                "DO $$ BEGIN FOR i IN 0.." + (TABLES - 1) + " LOOP"
                        + " EXECUTE format('CREATE TABLE many_src.%I (id int PRIMARY KEY, v text NOT NULL,"
                        + " rev bigint NOT NULL DEFAULT nextval(''many_src.rev_seq''))', 't' || i);"
                        + " EXECUTE format('INSERT INTO many_src.%I (id, v) SELECT g, md5(g::text) FROM generate_series(1, 20) g', 't' || i);"
                        + " END LOOP; END $$");
        Sql.dest("DROP SCHEMA IF EXISTS many_dst CASCADE", "CREATE SCHEMA many_dst");
        sourceId = Api.registerSource();
        ExecutorService makers = Executors.newFixedThreadPool(4);
        List<Future<JsonObject>> made = new ArrayList<>();
        for (int i = 0; i < TABLES; i++) {
            String extra = switch (type(i)) {
                case "inserter" -> ", \"controlField\": \"id\", \"boundary\": 0";
                case "updater" -> ", \"controlField\": \"rev\", \"boundary\": 0";
                default -> "";
            };
            String body = "{\"type\": \"" + type(i) + "\", \"sourceId\": " + sourceId + ", \"sourceTable\": \"many_src.t" + i
                    + "\", \"destTable\": \"" + dest(i) + "\"" + extra + "}";
            made.add(makers.submit(() -> Api.make(body)));
        }
        for (Future<JsonObject> f : made) {
            f.get(10, TimeUnit.MINUTES);
        }
        makers.shutdown();
    }

    @AfterAll
    static void unschedule() throws Exception {
        Sql.dest("UPDATE mimeo.refresh_config SET period = NULL WHERE dest_table LIKE 'many\\_dst.%'");
    }

    private static void changeSources() throws Exception {
        Sql.source("DO $$ DECLARE t text; BEGIN FOR i IN 0.." + (TABLES - 1) + " LOOP t := 't' || i;"
                + " EXECUTE format('INSERT INTO many_src.%I (id, v) SELECT g, ''new '' || g FROM generate_series(21, 25) g', t);"
                + " IF i % 6 <> 2 THEN"
                + "   EXECUTE format('UPDATE many_src.%I SET v = v || '' changed'', rev = nextval(''many_src.rev_seq'') WHERE id IN (3, 4, 5)', t);"
                + " END IF;"
                + " IF i % 6 NOT IN (2, 3) THEN EXECUTE format('DELETE FROM many_src.%I WHERE id IN (7, 8)', t); END IF;"
                + " END LOOP; END $$");
    }

    private static void makeAllDue() throws Exception {
        Sql.dest("UPDATE mimeo.refresh_config SET period = interval '1 hour', last_run = now() - interval '2 hours'"
                        + " WHERE dest_table LIKE 'many\\_dst.%'",
                "UPDATE mimeo.job_run SET created = now() - interval '3 hours' WHERE dest_table LIKE 'many\\_dst.%'");
    }

    /** 20 clients reading the API until told to stop; returns how many answers were not 200. */
    private static List<Future<Integer>> readers(ExecutorService pool, AtomicBoolean stop) {
        List<String> paths = List.of("/replications?type=dml", "/monitor", "/executions?limit=20", "/sources", "/monitor/lag?destTable="
                + Api.path(dest(0)), "/replications/" + Api.path(dest(1)));
        List<Future<Integer>> futures = new ArrayList<>();
        for (int r = 0; r < 20; r++) {
            int first = r;
            futures.add(pool.submit(() -> {
                int bad = 0;
                for (int n = first; !stop.get(); n++) {
                    Api.Reply reply = Api.call(Api.VIEWER, "GET", paths.get(n % paths.size()), null);
                    if (reply.status() != 200) {
                        bad++;
                    }
                }
                return bad;
            }));
        }
        return futures;
    }

    @Test
    void threeHundredDueTablesAllCompleteWhileClientsRead() throws Exception {
        changeSources();
        makeAllDue();
        long refusedBefore = Long.parseLong(Sql.destString("SELECT count(*) FROM mimeo.refresh_attempt WHERE dest_table LIKE 'many\\_dst.%'"));
        ExecutorService pool = Executors.newFixedThreadPool(20);
        AtomicBoolean stop = new AtomicBoolean();
        List<Future<Integer>> readers = readers(pool, stop);

        JsonObject due = Api.post("/refresh-due", null).expect(200).json();
        Map<String, Long> executions = new HashMap<>();
        for (JsonValue v : due.getJsonArray("started")) {
            JsonObject e = v.asJsonObject();
            if (e.getString("destTable").startsWith("many_dst.")) {
                executions.put(e.getString("destTable"), Api.id(e));
            }
        }
        assertEquals(TABLES, executions.size(), "every due table must start: " + due.getJsonArray("started").size() + " started");

        AtomicInteger completed = new AtomicInteger();
        List<String> notCompleted = new ArrayList<>();
        for (Map.Entry<String, Long> e : executions.entrySet()) {
            JsonObject ended = Api.awaitExecution(e.getValue());
            if (ended.getString("status").equals("COMPLETED")) {
                completed.incrementAndGet();
            } else {
                notCompleted.add(e.getKey() + " " + ended.getString("status") + " " + ended.getJsonArray("log"));
            }
        }
        stop.set(true);
        int badReads = 0;
        for (Future<Integer> f : readers) {
            badReads += f.get(2, TimeUnit.MINUTES);
        }
        pool.shutdown();

        assertEquals(List.of(), notCompleted, "refreshes that did not complete");
        assertEquals(TABLES, completed.get());
        assertEquals(0, badReads, "API reads that did not answer 200 during the refreshes");
        assertEquals(refusedBefore, Long.parseLong(Sql.destString("SELECT count(*) FROM mimeo.refresh_attempt WHERE dest_table LIKE 'many\\_dst.%'")),
                "no refresh may be refused as already running");
        for (int i = 0; i < TABLES; i++) {
            String destFrom = type(i).equals("logdel")
                    ? "(SELECT id, v, rev FROM " + dest(i) + " WHERE mimeo_source_deleted IS NULL) d"
                    : dest(i);
            Rows.assertSame("id, v, rev", "many_src.t" + i, destFrom);
        }
        assertTrue(Long.parseLong(Sql.destString("SELECT count(*) FROM many_dst.t5 WHERE mimeo_source_deleted IS NOT NULL")) == 2,
                "logdel keeps the deleted rows");
    }
}
