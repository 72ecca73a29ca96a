package org.mimeo.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mimeo.testsupport.Api;
import org.mimeo.testsupport.MimeoIT;
import org.mimeo.testsupport.Rows;
import org.mimeo.testsupport.Sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Plain table replication end to end: truncate and reload, cascade, sequences, options, destroyers. */
class TableReplicationIT extends MimeoIT {

    static int sourceId;

    @BeforeAll
    static void createSchemas() throws Exception {
        Sql.source("DROP SCHEMA IF EXISTS \"Table Src\" CASCADE", "CREATE SCHEMA \"Table Src\"",
                "CREATE TABLE \"Table Src\".\"Order-Items\" (\"order\" bigint, \"line\" int, \"group\" text, qty numeric(8,2), PRIMARY KEY (\"order\", \"line\"))",
                "CREATE INDEX \"Order-Items_by_group\" ON \"Table Src\".\"Order-Items\" (lower(\"group\")) WHERE qty > 0",
                "INSERT INTO \"Table Src\".\"Order-Items\" SELECT g / 4, g % 4, 'grp ' || (g % 13), g % 50 FROM generate_series(1, 8000) g");
        Sql.dest("DROP SCHEMA IF EXISTS table_dst CASCADE", "CREATE SCHEMA table_dst");
        sourceId = Api.registerSource();
    }

    static String make(String source, String dest, String extra) {
        return "{\"type\": \"table\", \"sourceId\": " + sourceId + ", \"sourceTable\": " + Api.quote(source) + ", \"destTable\": " + Api.quote(dest)
                + (extra == null ? "" : ", " + extra) + "}";
    }

    static final String COLS = "\"order\", \"line\", \"group\", qty";
    static final String SRC = "\"Table Src\".\"Order-Items\"";

    @Test
    void makerAndRefreshReloadTheWholeTable() throws Exception {
        JsonObject made = Api.make(make("Table Src.Order-Items", "table_dst.Order-Items", null));
        assertEquals("table", made.getString("type"));
        Rows.assertSame(COLS, SRC, "table_dst.\"Order-Items\"");
        assertEquals("2", Sql.destString("SELECT count(*) FROM pg_indexes WHERE schemaname = 'table_dst' AND tablename = 'Order-Items'"));
        assertTrue(Sql.destString("SELECT indexdef FROM pg_indexes WHERE schemaname = 'table_dst' AND tablename = 'Order-Items' AND indexdef LIKE '%lower%'")
                .contains("WHERE (qty > (0)::numeric)"));

        Sql.source("UPDATE " + SRC + " SET qty = qty + 1 WHERE \"line\" = 2", "DELETE FROM " + SRC + " WHERE \"order\" < 10",
                "INSERT INTO " + SRC + " VALUES (99999, 1, 'late', 1.5)");
        JsonObject refresh = Api.refreshCompleted("table_dst.Order-Items", "{\"blockRows\": 1000}");
        assertTrue(Api.step(refresh, "copy").getInt("readCount") > 1, refresh::toString);
        Rows.assertSame(COLS, SRC, "table_dst.\"Order-Items\"");
        assertFalse(Api.get("/replications/" + Api.path("table_dst.Order-Items")).expect(200).json().isNull("lastRun"));
    }

    @Test
    void truncateCascadeAndSequenceReset() throws Exception {
        Sql.source("CREATE TABLE \"Table Src\".parent (id bigint PRIMARY KEY, name text)",
                "INSERT INTO \"Table Src\".parent SELECT g, 'p' || g FROM generate_series(1, 500) g");
        Sql.dest("CREATE SEQUENCE table_dst.parent_id_seq",
                "CREATE TABLE table_dst.parent (id bigint PRIMARY KEY DEFAULT nextval('table_dst.parent_id_seq'), name text)",
                "ALTER SEQUENCE table_dst.parent_id_seq OWNED BY table_dst.parent.id");
        JsonObject made = Api.make(make("Table Src.parent", "table_dst.parent", "\"sequences\": [\"table_dst.parent_id_seq\"]"));
        // an existing destination table is adopted, not loaded, as in the original
        assertFalse(made.containsKey("initialLoad"), made::toString);
        assertEquals("0", Sql.destString("SELECT count(*) FROM table_dst.parent"));

        Api.refreshCompleted("table_dst.parent", null);
        Rows.assertSame("id, name", "\"Table Src\".parent", "table_dst.parent");
        assertEquals("501", Sql.destString("SELECT nextval('table_dst.parent_id_seq')"));

        Sql.dest("CREATE TABLE table_dst.child (id int PRIMARY KEY, parent_id bigint REFERENCES table_dst.parent (id))",
                "INSERT INTO table_dst.child VALUES (1, 10)");
        JsonObject blocked = Api.refresh("table_dst.parent", null);
        assertEquals("FAILED", blocked.getString("status"));
        Api.assertLogContains(blocked, "foreign key");
        Rows.assertSame("id, name", "\"Table Src\".parent", "table_dst.parent");

        Sql.source("INSERT INTO \"Table Src\".parent VALUES (900, 'p900')");
        Api.refreshCompleted("table_dst.parent", "{\"truncateCascade\": true}");
        Rows.assertSame("id, name", "\"Table Src\".parent", "table_dst.parent");
        assertEquals("0", Sql.destString("SELECT count(*) FROM table_dst.child"));
        assertEquals("901", Sql.destString("SELECT nextval('table_dst.parent_id_seq')"));

        Api.patch("/replications/" + Api.path("table_dst.parent"), "{\"truncateCascade\": true}").expect(200);
        Sql.dest("INSERT INTO table_dst.child VALUES (2, 900)");
        Api.refreshCompleted("table_dst.parent", null);
        assertEquals("0", Sql.destString("SELECT count(*) FROM table_dst.child"));
    }

    @Test
    void filterConditionViewAndEmptySource() throws Exception {
        Api.make(make("Table Src.Order-Items", "table_dst.filtered", "\"filter\": [\"order\", \"group\"], \"condition\": \"WHERE \\\"line\\\" = 1 OR \\\"group\\\" = 'grp 3'\""));
        Rows.assertSame("\"order\", \"group\"", SRC + " WHERE \"line\" = 1 OR \"group\" = 'grp 3'", "table_dst.filtered");
        assertEquals("0", Sql.destString("SELECT count(*) FROM pg_indexes WHERE schemaname = 'table_dst' AND tablename = 'filtered'"));

        Sql.source("CREATE VIEW \"Table Src\".\"v-items\" AS SELECT \"order\", sum(qty) AS total FROM \"Table Src\".\"Order-Items\" GROUP BY \"order\"");
        Api.make(make("Table Src.v-items", "table_dst.v-items", null));
        Rows.assertSame("\"order\", total", "\"Table Src\".\"v-items\"", "table_dst.\"v-items\"");

        Sql.source("CREATE TABLE \"Table Src\".empty (id serial PRIMARY KEY, payload jsonb)");
        Api.make(make("Table Src.empty", "table_dst.empty", null));
        assertEquals("0", Sql.destString("SELECT count(*) FROM table_dst.empty"));
        Sql.source("INSERT INTO \"Table Src\".empty (payload) SELECT jsonb_build_object('n', g) FROM generate_series(1, 50) g");
        Api.refreshCompleted("table_dst.empty", null);
        Rows.assertSame("id, payload", "\"Table Src\".empty", "table_dst.empty");

        Api.make(make("Table Src.Order-Items", "table_dst.later", "\"pullData\": false, \"index\": false"));
        assertEquals("0", Sql.destString("SELECT count(*) FROM table_dst.later"));
        assertEquals("0", Sql.destString("SELECT count(*) FROM pg_indexes WHERE schemaname = 'table_dst' AND tablename = 'later'"));
        Api.refreshCompleted("table_dst.later", null);
        Rows.assertSame(COLS, SRC, "table_dst.later");
    }

    @Test
    void destroyKeepsTheTableWithArchiveAndDropsItWithout() throws Exception {
        Api.make(make("Table Src.Order-Items", "table_dst.kept", null));
        Api.make(make("Table Src.Order-Items", "table_dst.dropped", null));
        Api.delete("/replications/" + Api.path("table_dst.kept") + "?archive=true").expect(204);
        Rows.assertSame(COLS, SRC, "table_dst.kept");
        Api.delete("/replications/" + Api.path("table_dst.dropped")).expect(204);
        assertEquals(null, Sql.destString("SELECT to_regclass('table_dst.dropped')::text"));
        assertEquals("0", Sql.destString("SELECT count(*) FROM mimeo.refresh_config WHERE dest_table IN ('table_dst.kept', 'table_dst.dropped')"));
        Api.post("/replications/" + Api.path("table_dst.kept") + "/refresh", null).expectError(404, "not_found");
    }
}
