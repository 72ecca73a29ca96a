package org.mimeo.it;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mimeo.testsupport.Api;
import org.mimeo.testsupport.MimeoIT;
import org.mimeo.testsupport.Sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The maintenance checks (column drift, missing tables, row counts, snapshot sizes), metrics and history retention. */
class ChecksIT extends MimeoIT {

    static int sourceId;

    @BeforeAll
    static void setUp() throws Exception {
        Sql.source("DROP SCHEMA IF EXISTS chk_src CASCADE", "CREATE SCHEMA chk_src",
                "CREATE TABLE chk_src.t (id bigint PRIMARY KEY, n bigint NOT NULL, at timestamptz NOT NULL, v text)",
                "INSERT INTO chk_src.t SELECT g, g, now() - interval '1 hour' + g * interval '1 second', 'v' FROM generate_series(1, 1000) g",
                "CREATE TABLE chk_src.unreplicated (x int)", "CREATE VIEW chk_src.unreplicated_view AS SELECT 1 AS x");
        Sql.dest("DROP SCHEMA IF EXISTS chk_dst CASCADE", "CREATE SCHEMA chk_dst");
        sourceId = Api.registerSource();
    }

    static void make(String type, String dest, String extra) {
        Api.make("{\"type\": \"" + type + "\", \"sourceId\": " + sourceId + ", \"sourceTable\": \"chk_src.t\", \"destTable\": \"" + dest + "\""
                + (extra == null ? "" : ", " + extra) + "}");
    }

    static JsonObject rowCount(String dest) {
        return Api.get("/checks/row-count?destTable=" + Api.path(dest)).expect(200).json();
    }

    @Test
    void rowCountsMatchForEveryTypeIncludingAllIncrementalVariants() throws Exception {
        make("snap", "chk_dst.snap", null);
        make("table", "chk_dst.tab", "\"condition\": \"WHERE id > 10\"");
        make("inserter", "chk_dst.ins_time", "\"controlField\": \"at\"");
        make("inserter", "chk_dst.ins_serial", "\"controlField\": \"n\"");
        make("updater", "chk_dst.upd_time", "\"controlField\": \"at\"");
        make("updater", "chk_dst.upd_serial", "\"controlField\": \"n\"");
        make("dml", "chk_dst.dml", null);
        make("logdel", "chk_dst.logdel", null);
        for (String dest : List.of("chk_dst.snap", "chk_dst.tab", "chk_dst.ins_time", "chk_dst.ins_serial", "chk_dst.upd_time", "chk_dst.upd_serial",
                "chk_dst.dml", "chk_dst.logdel")) {
            JsonObject result = rowCount(dest);
            assertTrue(result.getBoolean("match"), result::toString);
            assertTrue(result.getJsonNumber("sourceCount").longValue() > 900, result::toString);
        }
        // the serial window ends at last_value: max - boundary (10)
        assertEquals(990, rowCount("chk_dst.ins_serial").getJsonNumber("destCount").longValue());
        assertEquals("990", rowCount("chk_dst.upd_serial").getString("upperBound"));
        Sql.source("DELETE FROM chk_src.t WHERE id = 1000");
        Api.refreshCompleted("chk_dst.logdel", null);
        assertTrue(rowCount("chk_dst.logdel").getBoolean("match"), "logdel counts its live rows");
        // a dml destination that missed the delete no longer matches
        JsonObject stale = rowCount("chk_dst.dml");
        assertFalse(stale.getBoolean("match"), stale::toString);
        assertEquals(1000, stale.getJsonNumber("destCount").longValue());
        JsonObject windowed = Api.get("/checks/row-count?destTable=chk_dst.ins_serial&lower=500").expect(200).json();
        assertEquals(490, windowed.getJsonNumber("sourceCount").longValue());
        assertTrue(windowed.getBoolean("match"));
    }

    @Test
    void driftListsAColumnAddedAndOneDroppedOnTheSource() throws Exception {
        Sql.source("CREATE TABLE chk_src.drifting (id int PRIMARY KEY, old_col text, kept int)");
        Api.make("{\"type\": \"table\", \"sourceId\": " + sourceId + ", \"sourceTable\": \"chk_src.drifting\", \"destTable\": \"chk_dst.drifting\"}");
        Sql.source("ALTER TABLE chk_src.drifting ADD COLUMN new_col numeric(5,1)", "ALTER TABLE chk_src.drifting DROP COLUMN old_col");
        List<JsonObject> drift = Api.get("/checks/source-columns?sourceId=" + sourceId).expect(200).array().stream().map(JsonValue::asJsonObject)
                .filter(d -> d.getString("destTable").equals("chk_dst.drifting")).toList();
        assertEquals(2, drift.size(), drift::toString);
        assertTrue(drift.stream().anyMatch(d -> d.getString("column").equals("new_col") && d.getString("change").equals("missing on destination")
                && d.getString("sourceType").equals("numeric(5,1)")), drift::toString);
        assertTrue(drift.stream().anyMatch(d -> d.getString("column").equals("old_col") && d.getString("change").equals("missing on source")), drift::toString);
    }

    @Test
    void missingSourceTablesSnapshotSizesMetricsAndRetention() throws Exception {
        List<String> missing = Api.get("/checks/missing-source-tables?sourceId=" + sourceId + "&views=true").expect(200).array().stream()
                .map(v -> v.asJsonObject().getString("schema") + "." + v.asJsonObject().getString("table")).toList();
        assertTrue(missing.contains("chk_src.unreplicated") && missing.contains("chk_src.unreplicated_view"), missing::toString);
        List<String> tablesOnly = Api.get("/checks/missing-source-tables?sourceId=" + sourceId).expect(200).array().stream()
                .map(v -> v.asJsonObject().getString("table")).toList();
        assertFalse(tablesOnly.contains("unreplicated_view"));

        Api.make("{\"type\": \"snap\", \"sourceId\": " + sourceId + ", \"sourceTable\": \"chk_src.t\", \"destTable\": \"chk_dst.sized\"}");
        List<JsonObject> sizes = Api.get("/checks/snapshot-sizes?destTable=chk_dst.sized").expect(200).array().stream().map(JsonValue::asJsonObject).toList();
        assertEquals("chk_src.t", sizes.get(0).getString("sourceTable"));
        assertTrue(sizes.get(0).getJsonNumber("sourceRowCount").longValue() >= 999);
        assertEquals(0, Api.get("/checks/snapshot-sizes?destTable=chk_dst.sized&rowcount=100000000").expect(200).array().size());

        String metrics = Api.get("/metrics").expect(200).body();
        assertTrue(metrics.contains("mimeo_lag_seconds{dest_table=\"chk_dst.sized\",type=\"snap\"}"), metrics);
        assertTrue(metrics.contains("mimeo_rows_copied_total{dest_table=\"chk_dst.sized\"}"), metrics);
        assertTrue(metrics.contains("# TYPE mimeo_refresh_failures_total counter"), metrics);

        Api.refreshCompleted("chk_dst.sized", "{\"checkStats\": false}");
        Sql.dest("UPDATE mimeo.job_run SET created = now() - interval '40 days' WHERE dest_table = 'chk_dst.sized'");
        long newest = Long.parseLong(Sql.destString("SELECT max(execution_id) FROM mimeo.job_run WHERE dest_table = 'chk_dst.sized'"));
        JsonObject purged = Api.delete("/executions?olderThanDays=30").expect(200).json();
        assertTrue(purged.getInt("purged") >= 1, purged::toString);
        assertEquals(String.valueOf(newest), Sql.destString("SELECT string_agg(execution_id::text, ',') FROM mimeo.job_run WHERE dest_table = 'chk_dst.sized'"));
        Api.get("/executions/" + newest).expect(200);
        assertEquals("0", Sql.destString("SELECT count(*) FROM job_execution WHERE jobexecutionid IN (SELECT execution_id FROM mimeo.job_run) IS NOT TRUE"
                + " AND jobexecutionid < " + newest + " AND jobexecutionid IN (SELECT jobexecutionid FROM job_execution je JOIN mimeo.job_log l ON l.execution_id = je.jobexecutionid WHERE l.message LIKE '%chk_dst.sized%')"));
    }

    @Test
    void lagFiguresFollowKnownChanges() throws Exception {
        Sql.source("CREATE TABLE chk_src.lagging (id bigint PRIMARY KEY, n bigint NOT NULL)", "INSERT INTO chk_src.lagging SELECT g, g FROM generate_series(1, 100) g");
        Api.make("{\"type\": \"dml\", \"sourceId\": " + sourceId + ", \"sourceTable\": \"chk_src.lagging\", \"destTable\": \"chk_dst.lag_dml\"}");
        Api.make("{\"type\": \"inserter\", \"sourceId\": " + sourceId + ", \"sourceTable\": \"chk_src.lagging\", \"destTable\": \"chk_dst.lag_ins\", \"controlField\": \"n\"}");
        Sql.source("UPDATE chk_src.lagging SET n = n WHERE id <= 3", "INSERT INTO chk_src.lagging VALUES (101, 125)");
        JsonObject dml = Api.get("/monitor/lag?destTable=chk_dst.lag_dml").expect(200).array().getJsonObject(0);
        assertEquals("4", dml.getString("queuedChanges"), dml::toString);
        JsonObject ins = Api.get("/monitor/lag?destTable=chk_dst.lag_ins").expect(200).array().getJsonObject(0);
        assertEquals("125", ins.getString("sourceMaxControl"), ins::toString);
        assertEquals("90", ins.getString("lastValue"), ins::toString);
        assertEquals(35, ins.getInt("behind"), ins::toString);
        Api.refreshCompleted("chk_dst.lag_dml", null);
        assertEquals("0", Api.get("/monitor/lag?destTable=chk_dst.lag_dml").expect(200).array().getJsonObject(0).getString("queuedChanges"));
    }
}
