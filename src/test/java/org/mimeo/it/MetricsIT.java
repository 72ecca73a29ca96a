package org.mimeo.it;

import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.function.DoublePredicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mimeo.testsupport.Api;
import org.mimeo.testsupport.MimeoIT;
import org.mimeo.testsupport.Sql;
import org.mimeo.testsupport.TestDatabases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * GET /metrics (Micrometer's Prometheus registry): rows copied are counted when their chunk commits, so a
 * refresh that fails in the middle and is restarted adds exactly the source's rows; refreshes count by
 * outcome, failures and refusals only go up (purging the history does not lower them); lag and queue depth
 * are gauges.
 */
class MetricsIT extends MimeoIT {

    static int sourceId;
    static final int ROWS = 200_000;

    @BeforeAll
    static void setUp() throws Exception {
        Sql.source("DROP SCHEMA IF EXISTS met_src CASCADE", "CREATE SCHEMA met_src",
                "CREATE TABLE met_src.t (id bigint PRIMARY KEY, v text)",
                "INSERT INTO met_src.t SELECT g, md5(g::text) FROM generate_series(1, " + ROWS + ") g",
                "VACUUM ANALYZE met_src.t",
                "CREATE TABLE met_src.q (id bigint PRIMARY KEY, v text)", "INSERT INTO met_src.q SELECT g, 'v' FROM generate_series(1, 10) g");
        Sql.dest("DROP SCHEMA IF EXISTS met_dst CASCADE", "CREATE SCHEMA met_dst");
        sourceId = Api.registerSource();
    }

    static void make(String type, String source, String dest) {
        Api.make("{\"type\": \"" + type + "\", \"sourceId\": " + sourceId + ", \"sourceTable\": \"" + source + "\", \"destTable\": \"" + dest + "\"}");
    }

    /** The value of one series of GET /metrics, e.g. {@code mimeo_rows_copied_total{dest_table="s.t"}}; NaN when it is missing. */
    static double metric(String series) {
        return Api.get("/metrics").expect(200).body().lines().filter(l -> l.startsWith(series + " "))
                .mapToDouble(l -> Double.parseDouble(l.substring(series.length() + 1))).findFirst().orElse(Double.NaN);
    }

    /** Scrapes until the series satisfies {@code condition} (the end of a job is announced a moment after its status), 30 s at most. */
    static double awaitMetric(String series, DoublePredicate condition) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        double value = metric(series);
        while (!condition.test(value) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            value = metric(series);
        }
        return value;
    }

    static String rows(String dest) {
        return "mimeo_rows_copied_total{dest_table=\"" + dest + "\"}";
    }

    static String labels(String dest, String type) {
        return "{dest_table=\"" + dest + "\",type=\"" + type + "\"}";
    }

    static long sourceCount() throws Exception {
        return Long.parseLong(Sql.sourceStrings("SELECT count(*) FROM met_src.t").get(0));
    }

    /** A refresh that failed with its first blocks committed, restarted: the counter rises by exactly the source's rows. */
    @Test
    void aFailedAndRestartedSnapRefreshCountsEachRowOnce() throws Exception {
        String dest = "met_dst.snap_copy";
        make("snap", "met_src.t", dest);
        assertEquals(ROWS, awaitMetric(rows(dest), v -> v >= ROWS));
        Sql.sourceWrite("met_src.t", "DELETE FROM met_src.t WHERE id % 1001 = 0");
        double failuresBefore = metric("mimeo_refresh_failures_total" + labels(dest, "snap"));
        double timedBefore = metric("mimeo_refresh_duration_seconds_count" + labels(dest, "snap"));

        JsonObject failed = Api.refresh(dest, "{\"blockRows\": 20000, \"faultAfterBlocks\": 4}");
        assertEquals("FAILED", failed.getString("status"), failed::toString);
        assertEquals(3, Api.step(failed, "copy").getInt("commitCount"), failed::toString);
        assertEquals(failuresBefore + 1, awaitMetric("mimeo_refresh_failures_total" + labels(dest, "snap"), v -> v > failuresBefore));
        assertEquals(1, metric("mimeo_refreshes_total{dest_table=\"" + dest + "\",outcome=\"FAILED\",type=\"snap\"}"));

        JsonObject restarted = Api.restartAndWait(Api.id(failed));
        assertEquals("COMPLETED", restarted.getString("status"), restarted::toString);
        long expected = ROWS + sourceCount();
        assertEquals(expected, awaitMetric(rows(dest), v -> v >= expected), "the failed attempt's rolled-back block and the restart must not count twice");
        assertEquals(timedBefore + 2, awaitMetric("mimeo_refresh_duration_seconds_count" + labels(dest, "snap"), v -> v >= timedBefore + 2));
        assertEquals(2, metric("mimeo_refreshes_total{dest_table=\"" + dest + "\",outcome=\"COMPLETED\",type=\"snap\"}"));
        assertEquals(expected, metric(rows(dest)));

        // purging the history leaves every counter where it was
        Sql.dest("UPDATE mimeo.job_run SET created = now() - interval '40 days' WHERE dest_table = '" + dest + "'");
        Api.delete("/executions?olderThanDays=30").expect(200);
        assertEquals(failuresBefore + 1, metric("mimeo_refresh_failures_total" + labels(dest, "snap")));
        assertEquals(expected, metric(rows(dest)));
    }

    /** A table refresh is one transaction: its failure counts nothing, its restart counts every row once. */
    @Test
    void aFailedTableRefreshCountsNothingAndItsRestartEveryRowOnce() throws Exception {
        String dest = "met_dst.table_copy";
        make("table", "met_src.t", dest);
        double before = awaitMetric(rows(dest), v -> v > 0);
        assertEquals(sourceCount(), before);

        JsonObject failed = Api.refresh(dest, "{\"blockRows\": 20000, \"faultAfterBlocks\": 3}");
        assertEquals("FAILED", failed.getString("status"), failed::toString);
        awaitMetric("mimeo_refresh_failures_total" + labels(dest, "table"), v -> v >= 1);
        assertEquals(before, metric(rows(dest)));

        JsonObject restarted = Api.restartAndWait(Api.id(failed));
        assertEquals("COMPLETED", restarted.getString("status"), restarted::toString);
        double expected = before + sourceCount();
        assertEquals(expected, awaitMetric(rows(dest), v -> v >= expected));
    }

    /** 409 already_running counts as a refusal of the table. */
    @Test
    void aRefusedRefreshIsCounted() throws Exception {
        String dest = "met_dst.refused";
        make("snap", "met_src.q", dest);
        String refused = "mimeo_refresh_refused_total" + labels(dest, "snap");
        assertEquals(0, awaitMetric(refused, v -> v >= 0));
        try (Connection holder = TestDatabases.dest();
             PreparedStatement lock = holder.prepareStatement("SELECT pg_try_advisory_lock(hashtext('mimeo advisory lock'), hashtext(?))")) {
            lock.setString(1, dest);
            try (ResultSet rs = lock.executeQuery()) {
                assertTrue(rs.next() && rs.getBoolean(1));
            }
            Api.post("/replications/" + Api.path(dest) + "/refresh", null).expectError(409, "already_running");
        }
        assertEquals(1, metric(refused));
    }

    /** Requests refused for their credentials count once each: a failed login (401) and a role too low (403). */
    @Test
    void refusedLoginsAndRolesAreCounted() {
        String unauthorized = "mimeo_requests_refused_total{error=\"unauthorized\"}";
        String forbidden = "mimeo_requests_refused_total{error=\"forbidden\"}";
        double unauthorizedBefore = metric(unauthorized);
        double forbiddenBefore = metric(forbidden);
        Api.call(new Api.Login("mimeo-viewer", "wrong-password"), "GET", "/replications", null).expectError(401, "unauthorized");
        Api.call(new Api.Login("mimeo-viewer", "wrong-password"), "GET", "/metrics", null).expectError(401, "unauthorized");
        Api.call(Api.VIEWER, "POST", "/refresh-due", "{}").expectError(403, "forbidden");
        assertEquals(unauthorizedBefore + 2, metric(unauthorized));
        assertEquals(forbiddenBefore + 1, metric(forbidden));
    }

    @Test
    void lagAndQueueDepthAreGauges() throws Exception {
        String dest = "met_dst.queued";
        make("dml", "met_src.q", dest);
        double loaded = awaitMetric(rows(dest), v -> v >= 10);
        assertEquals(10, loaded);
        Sql.source("UPDATE met_src.q SET v = 'w' WHERE id <= 3", "INSERT INTO met_src.q VALUES (11, 'new')");
        assertEquals(4, metric("mimeo_queue_depth" + labels(dest, "dml")));
        Api.refreshCompleted(dest, null);
        assertEquals(0, metric("mimeo_queue_depth" + labels(dest, "dml")));
        double lag = metric("mimeo_lag_seconds" + labels(dest, "dml"));
        assertTrue(lag >= 0 && lag < 600, () -> "lag " + lag);
        assertTrue(awaitMetric(rows(dest), v -> v > loaded) > loaded, "the replayed changes are counted");
    }
}
