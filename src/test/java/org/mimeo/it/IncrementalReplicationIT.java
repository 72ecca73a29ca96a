package org.mimeo.it;

import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mimeo.testsupport.Api;
import org.mimeo.testsupport.MimeoIT;
import org.mimeo.testsupport.Rows;
import org.mimeo.testsupport.Sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Inserter and updater replication, time and serial control columns, against real PostgreSQL servers. */
class IncrementalReplicationIT extends MimeoIT {

    static int sourceId;

    @BeforeAll
    static void setUp() throws Exception {
        Sql.source("DROP SCHEMA IF EXISTS inc_src CASCADE", "CREATE SCHEMA inc_src");
        Sql.dest("DROP SCHEMA IF EXISTS inc_dst CASCADE", "CREATE SCHEMA inc_dst");
        sourceId = Api.registerSource();
    }

    static JsonObject make(String type, String source, String dest, String control, String extra) {
        return Api.make("{\"type\": \"" + type + "\", \"sourceId\": " + sourceId + ", \"sourceTable\": " + Api.quote(source)
                + ", \"destTable\": " + Api.quote(dest) + ", \"controlField\": " + Api.quote(control) + (extra == null ? "" : ", " + extra) + "}");
    }

    static JsonObject replication(String dest) {
        return Api.get("/replications/" + Api.path(dest)).expect(200).json();
    }

    static final String EVENTS = "inc_src.\"Events-Log\"";
    static final String EVENT_COLS = "id, \"group\", \"created at\"";

    @Test
    void inserterTimeStartsEmptyWaitsForTheBoundaryAndCopiesThreeBatches() throws Exception {
        Sql.source("CREATE TABLE " + EVENTS + " (id bigint, \"group\" text, \"created at\" timestamptz NOT NULL)",
                "CREATE INDEX ON " + EVENTS + " (\"created at\")");
        JsonObject made = make("inserter", "inc_src.Events-Log", "inc_dst.Events-Log", "created at", null);
        assertEquals("inserter", made.getString("type"));
        assertEquals("time", made.getString("controlType"));
        assertTrue(made.isNull("lastValue"), made::toString);

        Sql.source("INSERT INTO " + EVENTS + " SELECT g, 'g' || (g % 5), now() - interval '2 hours' + g * interval '1 second' FROM generate_series(1, 1000) g");
        Api.refreshCompleted("inc_dst.Events-Log", null);
        Rows.assertSame(EVENT_COLS, EVENTS, "inc_dst.\"Events-Log\"");
        String first = replication("inc_dst.Events-Log").getString("lastValue");

        Sql.source("INSERT INTO " + EVENTS + " SELECT g, 'late', now() - interval '30 minutes' + g * interval '1 millisecond' FROM generate_series(1001, 1500) g",
                "INSERT INTO " + EVENTS + " SELECT g, 'recent', now() FROM generate_series(1501, 1510) g");
        Api.refreshCompleted("inc_dst.Events-Log", null);
        Rows.assertSame(EVENT_COLS, EVENTS + " WHERE \"group\" <> 'recent'", "inc_dst.\"Events-Log\"");
        assertTrue(replication("inc_dst.Events-Log").getString("lastValue").compareTo(first) > 0);

        Sql.source("INSERT INTO " + EVENTS + " SELECT g, 'third', now() - interval '1 minute' FROM generate_series(1511, 1600) g");
        Api.patch("/replications/" + Api.path("inc_dst.Events-Log"), "{\"boundary\": \"0 seconds\"}").expect(200);
        Thread.sleep(50);
        Api.refreshCompleted("inc_dst.Events-Log", null);
        Rows.assertSame(EVENT_COLS, EVENTS, "inc_dst.\"Events-Log\"");
        // nothing new: completes at once and changes nothing
        JsonObject idle = Api.refreshCompleted("inc_dst.Events-Log", null);
        assertEquals(0, Api.step(idle, "copy").getInt("readCount"));
        Rows.assertSame(EVENT_COLS, EVENTS, "inc_dst.\"Events-Log\"");
    }

    @Test
    void inserterSerialKeepsTheBoundaryAndZeroIncludesTheMaximum() throws Exception {
        Sql.source("CREATE TABLE inc_src.\"group\" (n bigint NOT NULL, v text)",
                "INSERT INTO inc_src.\"group\" SELECT g, 'v' || g FROM generate_series(1, 2000) g");
        JsonObject made = make("inserter", "inc_src.group", "inc_dst.group", "n", null);
        assertEquals("serial", made.getString("controlType"));
        assertEquals("10", made.getString("boundary"));
        Rows.assertSame("n, v", "inc_src.\"group\" WHERE n <= 1990", "inc_dst.\"group\"");
        assertEquals(1990, replication("inc_dst.group").getInt("lastValue"));

        Sql.source("INSERT INTO inc_src.\"group\" SELECT g, 'w' || g FROM generate_series(2001, 2100) g");
        Api.refreshCompleted("inc_dst.group", null);
        Rows.assertSame("n, v", "inc_src.\"group\" WHERE n <= 2090", "inc_dst.\"group\"");

        // a serial batch limit cuts at the 150th value, in numeric order
        JsonObject limited = Api.refreshCompleted("inc_dst.group", "{\"limit\": 150}");
        assertEquals(0, Api.step(limited, "copy").getInt("rowCount"));
        Api.patch("/replications/" + Api.path("inc_dst.group"), "{\"boundary\": 0}").expect(200);
        Sql.source("INSERT INTO inc_src.\"group\" SELECT g, 'x' || g FROM generate_series(2101, 2400) g");
        limited = Api.refreshCompleted("inc_dst.group", "{\"limit\": 150, \"blockRows\": 40}");
        assertEquals(150, Api.step(limited, "copy").getInt("rowCount"));
        Rows.assertSame("n, v", "inc_src.\"group\" WHERE n <= 2240", "inc_dst.\"group\"");
        Api.refreshCompleted("inc_dst.group", null);
        Rows.assertSame("n, v", "inc_src.\"group\"", "inc_dst.\"group\"");
        assertEquals(2400, replication("inc_dst.group").getInt("lastValue"));
    }

    @Test
    void updaterTimeWithACompositeKeyAppliesThreeBatches() throws Exception {
        Sql.source("CREATE TABLE inc_src.orders (region int, \"Order-No\" int, status text, changed timestamp NOT NULL, PRIMARY KEY (region, \"Order-No\"))",
                "CREATE INDEX ON inc_src.orders (changed)",
                "INSERT INTO inc_src.orders SELECT g % 3, g, 'new', localtimestamp - interval '3 hours' + g * interval '1 second' FROM generate_series(1, 3000) g");
        JsonObject made = make("updater", "inc_src.orders", "inc_dst.orders", "changed", null);
        assertEquals(List.of("region", "Order-No"), made.getJsonArray("pkName").getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList());
        String cols = "region, \"Order-No\", status, changed";
        Rows.assertSame(cols, "inc_src.orders", "inc_dst.orders");

        Sql.source("UPDATE inc_src.orders SET status = 'paid', changed = localtimestamp - interval '40 minutes' WHERE \"Order-No\" % 4 = 0");
        Api.refreshCompleted("inc_dst.orders", null);
        Rows.assertSame(cols, "inc_src.orders", "inc_dst.orders");

        Sql.source("INSERT INTO inc_src.orders SELECT 9, g, 'late', localtimestamp - interval '30 minutes' FROM generate_series(1, 200) g",
                "UPDATE inc_src.orders SET region = region, status = 'shipped', changed = localtimestamp - interval '20 minutes' WHERE \"Order-No\" % 10 = 0");
        Api.refreshCompleted("inc_dst.orders", "{\"blockRows\": 50}");
        Rows.assertSame(cols, "inc_src.orders", "inc_dst.orders");

        Sql.source("UPDATE inc_src.orders SET status = 'too recent', changed = localtimestamp WHERE \"Order-No\" = 1");
        Api.refreshCompleted("inc_dst.orders", null);
        Rows.assertSame(cols, "inc_src.orders WHERE \"Order-No\" <> 1", "inc_dst.orders WHERE \"Order-No\" <> 1");
        assertEquals("new", Sql.destString("SELECT status FROM inc_dst.orders WHERE \"Order-No\" = 1"));
    }

    @Test
    void updaterSerialWithAUniqueKeyFilterAndCondition() throws Exception {
        Sql.source("CREATE TABLE inc_src.items (\"Code\" text NOT NULL, version bigint NOT NULL, v text, secret text)",
                "CREATE UNIQUE INDEX ON inc_src.items (\"Code\")",
                "INSERT INTO inc_src.items SELECT 'c' || g, g, CASE WHEN g % 9 = 0 THEN 'skip' ELSE 'keep' END, 'x' FROM generate_series(1, 1000) g");
        make("updater", "inc_src.items", "inc_dst.items", "version",
                "\"boundary\": 0, \"filter\": [\"Code\", \"version\", \"v\"], \"condition\": \"WHERE v <> 'skip'\"");
        Rows.assertSame("\"Code\", version, v", "inc_src.items WHERE v <> 'skip'", "inc_dst.items");
        Sql.source("UPDATE inc_src.items SET version = version + 1000, v = 'keep2' WHERE version % 7 = 0 AND v <> 'skip'");
        Api.refreshCompleted("inc_dst.items", null);
        Rows.assertSame("\"Code\", version, v", "inc_src.items WHERE v <> 'skip'", "inc_dst.items");
        Api.post("/replications", "{\"type\": \"updater\", \"sourceId\": " + sourceId + ", \"sourceTable\": \"inc_src.items\", \"destTable\": \"inc_dst.items_nokey\","
                + " \"controlField\": \"version\", \"filter\": [\"version\", \"v\"]}").expectError(422, "source_error");
    }

    @Test
    void updaterOverAViewWithAnExplicitKey() throws Exception {
        Sql.source("CREATE TABLE inc_src.base (id int PRIMARY KEY, v text, stamp bigint NOT NULL)",
                "INSERT INTO inc_src.base SELECT g, 'v', g FROM generate_series(1, 500) g",
                "CREATE VIEW inc_src.\"Base View\" AS SELECT id, v, stamp FROM inc_src.base WHERE id % 2 = 0");
        Api.post("/replications", "{\"type\": \"updater\", \"sourceId\": " + sourceId + ", \"sourceTable\": \"inc_src.Base View\", \"destTable\": \"inc_dst.from_view\","
                + " \"controlField\": \"stamp\"}").expectError(422, "source_error");
        make("updater", "inc_src.Base View", "inc_dst.from_view", "stamp", "\"boundary\": 0, \"pkName\": [\"id\"], \"pkType\": [\"integer\"]");
        Sql.source("UPDATE inc_src.base SET v = 'changed', stamp = stamp + 1000 WHERE id % 10 = 0");
        Api.refreshCompleted("inc_dst.from_view", null);
        Rows.assertSame("id, v, stamp", "inc_src.\"Base View\"", "inc_dst.from_view");
        assertEquals("1", Sql.destString("SELECT count(*) FROM pg_index WHERE indrelid = 'inc_dst.from_view'::regclass AND indisunique"));
    }

    @Test
    void aBatchLimitNeverSplitsRowsSharingOneControlValue() throws Exception {
        Sql.source("CREATE TABLE inc_src.bulk (id int, t timestamptz NOT NULL)",
                "INSERT INTO inc_src.bulk SELECT g, now() - interval '2 hours' + g * interval '1 second' FROM generate_series(1, 100) g",
                "INSERT INTO inc_src.bulk SELECT g, date_trunc('minute', now()) - interval '1 hour' FROM generate_series(101, 10100) g");
        make("inserter", "inc_src.bulk", "inc_dst.bulk", "t", "\"pullData\": false, \"batchLimit\": 5000");
        Api.patch("/replications/" + Api.path("inc_dst.bulk"), "{\"lastValue\": null}").expect(200);

        JsonObject partial = Api.refreshCompleted("inc_dst.bulk", null);
        assertEquals(100, Api.step(partial, "copy").getInt("rowCount"));
        Rows.assertSame("id, t", "inc_src.bulk WHERE id <= 100", "inc_dst.bulk");

        JsonObject stuck = Api.refresh("inc_dst.bulk", null);
        assertEquals("FAILED", stuck.getString("status"));
        Api.assertLogContains(stuck, "Raise the limit");
        assertEquals("100", Sql.destString("SELECT count(*) FROM inc_dst.bulk"));

        Api.refreshCompleted("inc_dst.bulk", "{\"limit\": 20000}");
        Rows.assertSame("id, t", "inc_src.bulk", "inc_dst.bulk");
    }

    @Test
    void repullEverythingOrAWindowTimeAndSerial() throws Exception {
        Sql.source("CREATE TABLE inc_src.log (id bigint NOT NULL, note text, at timestamptz NOT NULL)",
                "INSERT INTO inc_src.log SELECT g, 'n', timestamptz '2026-01-01 00:00:00+00' + g * interval '1 minute' FROM generate_series(1, 3000) g");
        make("inserter", "inc_src.log", "inc_dst.log_time", "at", null);
        make("inserter", "inc_src.log", "inc_dst.log_serial", "id", "\"boundary\": 0");
        // an inserter never sees updates: a repull brings them
        Sql.source("UPDATE inc_src.log SET note = 'fixed' WHERE id BETWEEN 1000 AND 1100 OR id < 10");

        Api.refreshCompleted("inc_dst.log_time", "{\"repull\": true, \"repullStart\": \"2026-01-01 16:30:00+00\", \"repullEnd\": \"2026-01-01 18:30:00+00\"}");
        Rows.assertSame("id, note, at", "inc_src.log WHERE id BETWEEN 991 AND 1109", "inc_dst.log_time WHERE id BETWEEN 991 AND 1109");
        assertEquals("n", Sql.destString("SELECT note FROM inc_dst.log_time WHERE id = 5"));
        assertEquals("3000", Sql.destString("SELECT count(*) FROM inc_dst.log_time"));
        Api.refreshCompleted("inc_dst.log_time", "{\"repull\": true}");
        Rows.assertSame("id, note, at", "inc_src.log", "inc_dst.log_time");

        Api.refreshCompleted("inc_dst.log_serial", "{\"repull\": true, \"repullStart\": 999, \"repullEnd\": 1101}");
        Rows.assertSame("id, note", "inc_src.log WHERE id >= 10", "inc_dst.log_serial WHERE id >= 10");
        assertEquals(3000, replication("inc_dst.log_serial").getInt("lastValue"));
        Api.refreshCompleted("inc_dst.log_serial", "{\"repull\": true}");
        Rows.assertSame("id, note, at", "inc_src.log", "inc_dst.log_serial");
    }

    @Test
    void pullDataFalseBringsOnlyNewerRows() throws Exception {
        Sql.source("CREATE TABLE inc_src.old_rows (id bigint PRIMARY KEY, at timestamptz NOT NULL)",
                "INSERT INTO inc_src.old_rows SELECT g, now() - interval '1 day' + g * interval '1 second' FROM generate_series(1, 300) g");
        JsonObject made = make("updater", "inc_src.old_rows", "inc_dst.old_rows", "at", "\"pullData\": false, \"index\": false");
        assertTrue(!made.containsKey("initialLoad"));
        assertEquals("0", Sql.destString("SELECT count(*) FROM inc_dst.old_rows"));
        Sql.source("INSERT INTO inc_src.old_rows SELECT g, now() - interval '20 minutes' FROM generate_series(301, 350) g");
        Api.refreshCompleted("inc_dst.old_rows", null);
        Rows.assertSame("id, at", "inc_src.old_rows WHERE id > 300", "inc_dst.old_rows");
    }

    @Test
    void timeBasedRefreshesPauseInsideTheDstWindowOnAChangeDay() throws Exception {
        Sql.source("CREATE TABLE inc_src.dst (id int, at timestamptz NOT NULL)",
                "INSERT INTO inc_src.dst SELECT g, now() - interval '1 hour' FROM generate_series(1, 10) g");
        make("inserter", "inc_src.dst", "inc_dst.dst", "at", "\"pullData\": false");
        Api.patch("/replications/" + Api.path("inc_dst.dst"), "{\"lastValue\": null, \"dstActive\": true, \"dstStart\": 30, \"dstEnd\": 230}").expect(200);

        JsonObject paused = Api.refreshCompleted("inc_dst.dst", "{\"clock\": \"2026-03-08T01:15:00-05:00[America/New_York]\"}");
        assertEquals("PAUSED", paused.getString("exitStatus"));
        assertEquals("0", Sql.destString("SELECT count(*) FROM inc_dst.dst"));

        JsonObject afterWindow = Api.refreshCompleted("inc_dst.dst", "{\"clock\": \"2026-03-08T03:05:00-04:00[America/New_York]\"}");
        assertEquals("COMPLETED", afterWindow.getString("exitStatus"));
        Rows.assertSame("id, at", "inc_src.dst", "inc_dst.dst");
    }

    @Test
    void destroyKeepsOrDropsTheTable() throws Exception {
        Sql.source("CREATE TABLE inc_src.gone (id int PRIMARY KEY, n int NOT NULL)", "INSERT INTO inc_src.gone SELECT g, g FROM generate_series(1, 50) g");
        make("updater", "inc_src.gone", "inc_dst.gone_kept", "n", "\"boundary\": 0");
        make("inserter", "inc_src.gone", "inc_dst.gone_dropped", "n", "\"boundary\": 0");
        Api.delete("/replications/" + Api.path("inc_dst.gone_kept") + "?archive=true").expect(204);
        Api.delete("/replications/" + Api.path("inc_dst.gone_dropped")).expect(204);
        Rows.assertSame("id, n", "inc_src.gone", "inc_dst.gone_kept");
        assertEquals(null, Sql.destString("SELECT to_regclass('inc_dst.gone_dropped')::text"));
        assertEquals("0", Sql.destString("SELECT count(*) FROM mimeo.refresh_config WHERE dest_table LIKE 'inc_dst.gone%'"));
    }
}
