package org.mimeo.it;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * Two Mimeo servers on one destination database, both scheduling 20 tables with a 1-second period for
 * two minutes: no table ever has two executions overlapping in time (read from the job history), and
 * both servers did refresh.
 */
class TwoServersIT {

    static final ServerProcess A = new ServerProcess(210, "twin-a");
    static final ServerProcess B = new ServerProcess(220, "twin-b");
    static final int TABLES = 20;
    static final long RUN_MILLIS = Long.getLong("mimeo.test.twins.millis", 120_000);

    @BeforeAll
    static void start() throws Exception {
        Sql.source("DROP SCHEMA IF EXISTS twin_src CASCADE", "CREATE SCHEMA twin_src");
        Sql.dest("DROP SCHEMA IF EXISTS twin_dst CASCADE", "CREATE SCHEMA twin_dst");
        for (int i = 0; i < TABLES; i++) {
            Sql.source("CREATE TABLE twin_src.t" + i + " (id int PRIMARY KEY, v text)",
                    "INSERT INTO twin_src.t" + i + " SELECT g, md5(g::text) FROM generate_series(1, " + (2000 + i * 3000) + ") g");
        }
        A.start();
        B.start();
    }

    @AfterAll
    static void stop() {
        Api.target(null);
        A.close();
        B.close();
    }

    @Test
    void noTableEverRunsTwiceAtOnce() throws Exception {
        Api.target(A.apiBase());
        int sourceId = Api.registerSource();
        for (int i = 0; i < TABLES; i++) {
            String type = i % 2 == 0 ? "snap" : "table";
            Api.make("{\"type\": \"" + type + "\", \"sourceId\": " + sourceId + ", \"sourceTable\": \"twin_src.t" + i + "\", \"destTable\": \"twin_dst.t" + i
                    + "\", \"period\": \"1 second\"}");
        }
        long end = System.currentTimeMillis() + RUN_MILLIS;
        int round = 0;
        while (System.currentTimeMillis() < end) {
            Sql.source("UPDATE twin_src.t" + (round % TABLES) + " SET v = 'round " + round + "' WHERE id % 50 = " + (round % 50));
            round++;
            Thread.sleep(500);
        }
        // stop scheduling, let running refreshes end
        Api.target(A.apiBase());
        for (int i = 0; i < TABLES; i++) {
            Api.patch("/replications/" + Api.path("twin_dst.t" + i), "{\"period\": null}").expect(200);
        }
        Thread.sleep(3000);

        Map<String, List<OffsetDateTime[]>> runs = new HashMap<>();
        Map<String, Integer> perServer = new HashMap<>();
        try (Connection c = TestDatabases.dest(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery("""
                SELECT r.dest_table, r.server_id, je.starttime AT TIME ZONE 'UTC', coalesce(je.endtime, je.lastupdatedtime) AT TIME ZONE 'UTC'
                  FROM mimeo.job_run r JOIN job_execution je ON je.jobexecutionid = r.execution_id
                 WHERE r.dest_table LIKE 'twin\\_dst.%' ORDER BY r.dest_table, je.starttime""")) {
            while (rs.next()) {
                runs.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new OffsetDateTime[] {
                        rs.getObject(3, java.time.LocalDateTime.class).atOffset(java.time.ZoneOffset.UTC),
                        rs.getObject(4, java.time.LocalDateTime.class).atOffset(java.time.ZoneOffset.UTC)});
                perServer.merge(rs.getString(2), 1, Integer::sum);
            }
        }
        int executions = 0;
        for (Map.Entry<String, List<OffsetDateTime[]>> table : runs.entrySet()) {
            List<OffsetDateTime[]> list = table.getValue();
            executions += list.size();
            for (int i = 1; i < list.size(); i++) {
                assertTrue(!list.get(i)[0].isBefore(list.get(i - 1)[1]),
                        table.getKey() + ": execution starting " + list.get(i)[0] + " overlaps the one ending " + list.get(i - 1)[1]);
            }
        }
        assertEquals(TABLES, runs.size());
        assertTrue(executions > TABLES * 5, "scheduled refreshes ran: " + executions);
        assertTrue(perServer.getOrDefault("twin-a", 0) > 0 && perServer.getOrDefault("twin-b", 0) > 0, perServer::toString);
        for (int i = 0; i < TABLES; i++) {
            Api.refreshCompleted("twin_dst.t" + i, i % 2 == 0 ? "{\"checkStats\": false}" : null);
            Rows.assertSame("id, v", "twin_src.t" + i, "twin_dst.t" + i);
        }
    }
}
