package org.mimeo.it;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mimeo.testsupport.Api;
import org.mimeo.testsupport.MimeoIT;
import org.mimeo.testsupport.Rows;
import org.mimeo.testsupport.Sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile text in requests and catalogs never becomes SQL: injected statements in pkType, index names,
 * repull bounds, conditions and postScript are refused with a 400 (or kept as names) and run nowhere;
 * reserved destinations are refused; an adopted table survives its replication.
 */
class HostileInputIT extends MimeoIT {

    static final String SRC = "\"Hostile Src\".\"select\"";
    static final String COLS = "id, \"Mixed Col\", t, n, arr, h, stamp";
    static final String DROP_VICTIM = "DROP TABLE hostile_victim.t";

    static int sourceId;

    @BeforeAll
    static void setUp() throws Exception {
        Sql.source("DROP SCHEMA IF EXISTS \"Hostile Src\" CASCADE", "CREATE SCHEMA \"Hostile Src\"",
                "CREATE TABLE " + SRC + " (id int PRIMARY KEY, \"Mixed Col\" text, t text, n int, arr int[], h text, stamp timestamptz NOT NULL)",
                "INSERT INTO " + SRC + " SELECT g, 'Row ' || g, CASE WHEN g % 5 = 0 THEN 'a;b' ELSE 't' || g END, CASE WHEN g % 9 = 0 THEN NULL ELSE g END,"
                        + " ARRAY[g, g + 1], 'h' || (g % 4), now() - interval '1 day' + g * interval '1 second' FROM generate_series(1, 200) g",
                "CREATE INDEX \"x USING btree (c); " + DROP_VICTIM + "; --\" ON " + SRC + " (t)",
                "CREATE INDEX \"It's MiXed\" ON " + SRC + " (\"Mixed Col\")",
                "CREATE INDEX hostile_expr ON " + SRC + " (lower(\"Mixed Col\"), (n + 1))",
                "CREATE INDEX hostile_partial ON " + SRC + " (n) WHERE n > 10 AND t <> 'x'",
                "CREATE INDEX hostile_include ON " + SRC + " (n) INCLUDE (h)",
                "CREATE INDEX hostile_order ON " + SRC + " (stamp DESC NULLS LAST, n NULLS FIRST)",
                "CREATE INDEX hostile_pattern ON " + SRC + " (t COLLATE \"C\" text_pattern_ops)",
                "CREATE INDEX hostile_gin ON " + SRC + " USING gin (arr)",
                "CREATE INDEX hostile_hash ON " + SRC + " USING hash (h) WITH (fillfactor = 70)",
                "CREATE VIEW \"Hostile Src\".\"v select\" AS SELECT id, t, stamp FROM " + SRC,
                "ANALYZE " + SRC);
        Sql.dest("DROP SCHEMA IF EXISTS \"Hostile Dst\" CASCADE", "CREATE SCHEMA \"Hostile Dst\"");
        sourceId = Api.registerSource();
    }

    /** A table named by the payloads on both databases, with rows: it must outlive every test. */
    @BeforeEach
    void createVictims() throws Exception {
        for (String side : List.of("source", "dest")) {
            String[] ddl = {"CREATE SCHEMA IF NOT EXISTS hostile_victim", "CREATE TABLE IF NOT EXISTS hostile_victim.t (x int)",
                    "TRUNCATE hostile_victim.t", "INSERT INTO hostile_victim.t VALUES (1), (2), (3)"};
            if (side.equals("source")) {
                Sql.source(ddl);
            } else {
                Sql.dest(ddl);
            }
        }
    }

    static void assertVictimsAlive() throws Exception {
        assertEquals(List.of("3"), Sql.sourceStrings("SELECT count(*) FROM hostile_victim.t"));
        assertEquals(List.of("3"), Sql.destStrings("SELECT count(*) FROM hostile_victim.t"));
    }

    static String maker(String type, String source, String dest, String extra) {
        return "{\"type\": " + Api.quote(type) + ", \"sourceId\": " + sourceId + ", \"sourceTable\": " + Api.quote(source)
                + ", \"destTable\": " + Api.quote(dest) + (extra == null ? "" : ", " + extra) + "}";
    }

    /** No config row, no destination relation named like {@code table} (nor its _snap tables), no source queue or trigger. */
    static void assertNothingMade(String destTable, String table) throws Exception {
        assertEquals("0", Sql.destString("SELECT count(*) FROM mimeo.refresh_config WHERE dest_table = " + literal(destTable)));
        assertEquals(List.of(), Sql.destStrings("SELECT relname FROM pg_class WHERE relnamespace = '\"Hostile Dst\"'::regnamespace AND relname LIKE "
                + literal(table + "%")));
        assertEquals(List.of(), Sql.sourceStrings("SELECT tgname FROM pg_trigger WHERE tgrelid = '" + SRC.replace("'", "''") + "'::regclass AND NOT tgisinternal"));
        assertEquals(List.of(), Sql.sourceStrings("SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'mimeo'"
                + " AND c.relname LIKE 'Hostile Src\\_select\\_%'"));
    }

    static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    static List<String> strings(JsonObject o, String field) {
        return o.getJsonArray(field).getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    @Test
    void aHostilePkTypeOnATableIsIgnoredForTheCatalogsType() throws Exception {
        String hostile = Api.quote("int); " + DROP_VICTIM + "; --");
        JsonObject updater = Api.make(maker("updater", "Hostile Src.select", "Hostile Dst.pk updater", "\"controlField\": \"stamp\", \"boundary\": \"0\","
                + " \"index\": false, \"pkName\": [\"id\"], \"pkType\": [" + hostile + "]"));
        assertEquals(List.of("integer"), strings(updater, "pkType"));
        Rows.assertSame(COLS, SRC, "\"Hostile Dst\".\"pk updater\"");

        JsonObject dml = Api.make(maker("dml", "Hostile Src.select", "Hostile Dst.pk dml", "\"index\": false, \"pkName\": [\"id\"], \"pkType\": [" + hostile + "]"));
        assertEquals(List.of("integer"), strings(dml, "pkType"));
        String queue = dml.getString("queueTable");
        assertEquals(List.of("integer"), Sql.sourceStrings("SELECT format_type(a.atttypid, a.atttypmod) FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname || '.' || c.relname = " + literal(queue) + " AND a.attname = 'id'"));
        Sql.source("UPDATE " + SRC + " SET h = 'changed' WHERE id = 7");
        Api.refreshCompleted("Hostile Dst.pk dml", null);
        Rows.assertSame(COLS, SRC, "\"Hostile Dst\".\"pk dml\"");
        Api.delete("/replications/" + Api.path("Hostile Dst.pk dml")).expect(204);
        Api.delete("/replications/" + Api.path("Hostile Dst.pk updater")).expect(204);
        assertVictimsAlive();
    }

    @Test
    void aViewsPkTypeMustBeATypeTheSourceKnows() throws Exception {
        for (String bad : List.of("int); " + DROP_VICTIM + "; --", "no_such_type", "int4 NOT NULL DEFAULT 0", "")) {
            Api.Reply reply = Api.post("/replications", maker("updater", "Hostile Src.v select", "Hostile Dst.view key",
                    "\"controlField\": \"stamp\", \"pkName\": [\"id\"], \"pkType\": [" + Api.quote(bad) + "]")).expectError(400, "invalid_request");
            assertTrue(reply.json().getString("message").contains("pkType"), reply.body());
            assertNothingMade("Hostile Dst.view key", "view key");
        }
        Api.post("/replications", maker("updater", "Hostile Src.v select", "Hostile Dst.view key", "\"controlField\": \"stamp\", \"pkName\": [\"id\"]"))
                .expectError(400, "invalid_request");
        assertVictimsAlive();

        JsonObject made = Api.make(maker("updater", "Hostile Src.v select", "Hostile Dst.view key",
                "\"controlField\": \"stamp\", \"boundary\": \"0\", \"pkName\": [\"id\"], \"pkType\": [\"int4\"]"));
        assertEquals(List.of("integer"), strings(made, "pkType"));
        Rows.assertSame("id, t, stamp", "\"Hostile Src\".\"v select\"", "\"Hostile Dst\".\"view key\"");
        Api.delete("/replications/" + Api.path("Hostile Dst.view key")).expect(204);
    }

    /** Index definitions with the CREATE ... ON table prefix removed, sorted: equal sets mean equivalent indexes. */
    static List<String> indexDefinitions(boolean source, String schema, String table) throws Exception {
        String query = "SELECT substr(pg_get_indexdef(i.indexrelid), length('CREATE ' || CASE WHEN i.indisunique THEN 'UNIQUE ' ELSE '' END || 'INDEX '"
                + " || quote_ident(ic.relname) || ' ON ' || quote_ident(n.nspname) || '.' || quote_ident(c.relname) || ' ') + 1)"
                + " FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_class c ON c.oid = i.indrelid"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = " + literal(schema) + " AND c.relname = " + literal(table) + " ORDER BY 1";
        return source ? Sql.sourceStrings(query) : Sql.destStrings(query);
    }

    @Test
    void indexesWithHostileNamesAndEveryKindOfDefinitionAreReplayed() throws Exception {
        List<String> expected = indexDefinitions(true, "Hostile Src", "select");
        assertEquals(10, expected.size(), expected::toString);
        assertTrue(expected.stream().anyMatch(d -> d.contains("text_pattern_ops") && d.contains("COLLATE \"C\"")), expected::toString);

        Api.make(maker("table", "Hostile Src.select", "Hostile Dst.select", "\"index\": true"));
        Rows.assertSame(COLS, SRC, "\"Hostile Dst\".\"select\"");
        assertEquals(expected, indexDefinitions(false, "Hostile Dst", "select"));
        assertEquals(List.of("select_x USING btree (c); " + DROP_VICTIM + "; --"), Sql.destStrings(
                "SELECT relname FROM pg_class WHERE relnamespace = '\"Hostile Dst\"'::regnamespace AND relname LIKE '%DROP TABLE%'"));
        assertEquals("p", Sql.destString("SELECT contype FROM pg_constraint WHERE conrelid = '\"Hostile Dst\".\"select\"'::regclass"));

        Api.make(maker("snap", "Hostile Src.select", "Hostile Dst.snapped", null));
        Rows.assertSame(COLS, SRC, "\"Hostile Dst\".snapped");
        String active = Sql.destString("SELECT CASE WHEN pg_get_viewdef('\"Hostile Dst\".snapped'::regclass) LIKE '%snap2%' THEN 'snapped_snap2' ELSE 'snapped_snap1' END");
        assertEquals(expected, indexDefinitions(false, "Hostile Dst", active));
        // the next refresh loads the other table, whose indexes are replayed too
        Api.refreshCompleted("Hostile Dst.snapped", "{\"checkStats\": false}");
        String other = active.endsWith("1") ? "snapped_snap2" : "snapped_snap1";
        assertEquals(expected, indexDefinitions(false, "Hostile Dst", other));
        assertVictimsAlive();
        Api.delete("/replications/" + Api.path("Hostile Dst.snapped")).expect(204);
        Api.delete("/replications/" + Api.path("Hostile Dst.select")).expect(204);
    }

    @Test
    void hostileRepullBoundsAreRefusedBeforeAnyJob() throws Exception {
        Api.make(maker("inserter", "Hostile Src.select", "Hostile Dst.repulled", "\"controlField\": \"stamp\", \"boundary\": \"0\", \"index\": false"));
        Rows.assertSame(COLS, SRC, "\"Hostile Dst\".repulled");
        int executions = Api.get("/executions?destTable=" + Api.path("Hostile Dst.repulled")).expect(200).array().size();
        for (String field : List.of("repullStart", "repullEnd")) {
            for (String bad : List.of("2020-01-01'::timestamptz); " + DROP_VICTIM + "; --", "yesterday-ish", "1) OR (true")) {
                Api.Reply reply = Api.post("/replications/" + Api.path("Hostile Dst.repulled") + "/refresh",
                        "{\"repull\": true, " + Api.quote(field) + ": " + Api.quote(bad) + "}").expectError(400, "invalid_request");
                assertTrue(reply.json().getString("message").contains(field), reply.body());
            }
        }
        assertEquals(executions, Api.get("/executions?destTable=" + Api.path("Hostile Dst.repulled")).expect(200).array().size());
        Rows.assertSame(COLS, SRC, "\"Hostile Dst\".repulled");
        assertVictimsAlive();

        // a genuine window still works: its rows are deleted and pulled again
        Sql.dest("UPDATE \"Hostile Dst\".repulled SET h = 'stale'");
        Api.refreshCompleted("Hostile Dst.repulled", "{\"repull\": true, \"repullStart\": \"2000-01-01 00:00:00+00\", \"repullEnd\": \"2999-01-01\"}");
        Rows.assertSame(COLS, SRC, "\"Hostile Dst\".repulled");
        Api.delete("/replications/" + Api.path("Hostile Dst.repulled")).expect(204);
    }

    @Test
    void conditionsThatEndOrEscapeTheQueryAreRefused() throws Exception {
        List<String> bad = List.of("WHERE id > 0; " + DROP_VICTIM,
                "WHERE id > 0 /* c */; " + DROP_VICTIM + " --",
                "WHERE t = 'x'; " + DROP_VICTIM + "; --'",
                "WHERE id > 0) AS s, hostile_victim.t AS v WHERE (true",
                "WHERE (id > 0",
                "WHERE t = 'open");
        for (String type : List.of("table", "dml", "snap")) {
            for (String condition : bad) {
                Api.Reply reply = Api.post("/replications", maker(type, "Hostile Src.select", "Hostile Dst.cond " + type,
                        "\"condition\": " + Api.quote(condition))).expectError(400, "invalid_request");
                assertTrue(reply.json().getString("message").contains("condition"), reply.body());
                assertNothingMade("Hostile Dst.cond " + type, "cond " + type);
            }
        }
        assertVictimsAlive();

        Api.make(maker("table", "Hostile Src.select", "Hostile Dst.patched", "\"index\": false, \"condition\": \"WHERE id <= 50\""));
        for (String condition : bad) {
            Api.patch("/replications/" + Api.path("Hostile Dst.patched"), "{\"condition\": " + Api.quote(condition) + "}").expectError(400, "invalid_request");
        }
        assertEquals("WHERE id <= 50", Api.get("/replications/" + Api.path("Hostile Dst.patched")).expect(200).json().getString("condition"));
        Api.refreshCompleted("Hostile Dst.patched", null);
        Rows.assertSame(COLS, SRC + " WHERE id <= 50", "\"Hostile Dst\".patched");
        assertVictimsAlive();
        Api.delete("/replications/" + Api.path("Hostile Dst.patched")).expect(204);
    }

    @Test
    void semicolonsInsideStringsAndCommentsAreFine() throws Exception {
        String condition = "WHERE t <> 'a;b' /* not; here */ AND id > 20 -- trailing; comment";
        String where = " WHERE t <> 'a;b' AND id > 20";
        Api.make(maker("table", "Hostile Src.select", "Hostile Dst.semi table", "\"index\": false, \"condition\": " + Api.quote(condition)));
        Rows.assertSame(COLS, SRC + where, "\"Hostile Dst\".\"semi table\"");

        Api.make(maker("inserter", "Hostile Src.select", "Hostile Dst.semi inserter", "\"controlField\": \"stamp\", \"boundary\": \"0\", \"index\": false,"
                + " \"condition\": " + Api.quote(condition)));
        Rows.assertSame(COLS, SRC + where, "\"Hostile Dst\".\"semi inserter\"");

        JsonObject dml = Api.make(maker("dml", "Hostile Src.select", "Hostile Dst.semi dml", "\"index\": false, \"condition\": " + Api.quote(condition)));
        Rows.assertSame(COLS, SRC + where, "\"Hostile Dst\".\"semi dml\"");
        Sql.source("UPDATE " + SRC + " SET t = 'a;b' WHERE id = 21", "UPDATE " + SRC + " SET \"Mixed Col\" = 'changed' WHERE id = 22");
        Api.refreshCompleted("Hostile Dst.semi dml", null);
        Rows.assertSame(COLS, SRC + where, "\"Hostile Dst\".\"semi dml\"");
        assertEquals(condition, dml.getString("condition"));

        Api.refreshCompleted("Hostile Dst.semi table", null);
        Rows.assertSame(COLS, SRC + where, "\"Hostile Dst\".\"semi table\"");
        JsonObject rowCount = Api.get("/checks/row-count?destTable=" + Api.path("Hostile Dst.semi table")).expect(200).json();
        assertTrue(rowCount.getBoolean("match"), rowCount::toString);
        for (String dest : List.of("Hostile Dst.semi table", "Hostile Dst.semi inserter", "Hostile Dst.semi dml")) {
            Api.delete("/replications/" + Api.path(dest)).expect(204);
        }
        Sql.source("UPDATE " + SRC + " SET t = CASE WHEN id % 5 = 0 THEN 'a;b' ELSE 't' || id END, \"Mixed Col\" = 'Row ' || id WHERE id IN (21, 22)");
        assertVictimsAlive();
    }

    @Test
    void postScriptElementsAreSingleStatements() throws Exception {
        Sql.source("DROP TABLE IF EXISTS \"Hostile Src\".scripted", "CREATE TABLE \"Hostile Src\".scripted (id int PRIMARY KEY, v text)",
                "INSERT INTO \"Hostile Src\".scripted VALUES (1, 'a'), (2, 'b')");
        Sql.dest("CREATE TABLE \"Hostile Dst\".post_log (note text)");
        Api.make(maker("snap", "Hostile Src.scripted", "Hostile Dst.scripted", null));
        String path = "/replications/" + Api.path("Hostile Dst.scripted");
        for (String bad : List.of("INSERT INTO \"Hostile Dst\".post_log VALUES ('x'); " + DROP_VICTIM,
                "INSERT INTO \"Hostile Dst\".post_log VALUES ('x');;",
                "INSERT INTO \"Hostile Dst\".post_log VALUES ('open)",
                "INSERT INTO \"Hostile Dst\".post_log VALUES ('x') /* open")) {
            Api.Reply reply = Api.patch(path, "{\"postScript\": [\"ANALYZE \\\"Hostile Dst\\\".post_log\", " + Api.quote(bad) + "]}")
                    .expectError(400, "invalid_request");
            assertTrue(reply.json().getString("message").contains("postScript"), reply.body());
        }
        assertTrue(Api.get(path).expect(200).json().isNull("postScript"));

        JsonObject patched = Api.patch(path, "{\"postScript\": [\"INSERT INTO \\\"Hostile Dst\\\".post_log VALUES ('ran; once');\"]}").expect(200).json();
        assertEquals(List.of("INSERT INTO \"Hostile Dst\".post_log VALUES ('ran; once')"), strings(patched, "postScript"));
        // the post script runs when the snap's structure is rebuilt
        Sql.source("ALTER TABLE \"Hostile Src\".scripted ADD COLUMN extra int DEFAULT 7");
        Api.refreshCompleted("Hostile Dst.scripted", "{\"checkStats\": false}");
        Rows.assertSame("id, v, extra", "\"Hostile Src\".scripted", "\"Hostile Dst\".scripted");
        assertEquals(List.of("ran; once"), Sql.destStrings("SELECT note FROM \"Hostile Dst\".post_log"));
        assertVictimsAlive();
        Api.delete("/replications/" + Api.path("Hostile Dst.scripted")).expect(204);
    }

    @Test
    void reservedDestinationsAreRefused() throws Exception {
        String jobExecutions = Sql.destString("SELECT count(*) FROM public.job_execution");
        String configRows = Sql.destString("SELECT count(*) FROM mimeo.refresh_config");
        String jobExecutionOid = Sql.destString("SELECT 'public.job_execution'::regclass::oid::text");
        String configOid = Sql.destString("SELECT 'mimeo.refresh_config'::regclass::oid::text");
        List<String> reserved = List.of("mimeo.refresh_config", "mimeo.select", "pg_catalog.pg_class", "pg_catalog.hostile", "information_schema.tables",
                "pg_toast.hostile", "pg_temp.hostile", "pg_temp_3.hostile", "pg_toast_temp_3.hostile",
                "public.job_execution", "public.job_instance", "public.step_execution", "public.partition_execution");
        for (String dest : reserved) {
            for (String type : List.of("table", "snap", "dml")) {
                Api.Reply reply = Api.post("/replications", maker(type, "Hostile Src.select", dest, null)).expectError(400, "invalid_request");
                assertTrue(reply.json().getString("message").contains("destTable"), reply.body());
                assertEquals("0", Sql.destString("SELECT count(*) FROM mimeo.refresh_config WHERE dest_table = " + literal(dest)));
            }
        }
        assertEquals(jobExecutionOid, Sql.destString("SELECT 'public.job_execution'::regclass::oid::text"));
        assertEquals(configOid, Sql.destString("SELECT 'mimeo.refresh_config'::regclass::oid::text"));
        assertEquals(jobExecutions, Sql.destString("SELECT count(*) FROM public.job_execution"));
        assertEquals(configRows, Sql.destString("SELECT count(*) FROM mimeo.refresh_config"));
        assertNull(Sql.destString("SELECT to_regclass('mimeo.select')::text"));
        assertEquals(List.of(), Sql.sourceStrings("SELECT tgname FROM pg_trigger WHERE tgrelid = '" + SRC + "'::regclass AND NOT tgisinternal"));
        assertVictimsAlive();
    }

    @Test
    void anAdoptedTableOutlivesItsReplicationAndACreatedOneDoesNot() throws Exception {
        Sql.dest("CREATE TABLE \"Hostile Dst\".\"Adopted Table\" (id int PRIMARY KEY, \"Mixed Col\" text, t text, n int, arr int[], h text, stamp timestamptz)",
                "INSERT INTO \"Hostile Dst\".\"Adopted Table\" (id, t, stamp) VALUES (-1, 'mine', now()), (-2, 'mine too', now())");
        JsonObject adopted = Api.make(maker("table", "Hostile Src.select", "Hostile Dst.Adopted Table", null));
        assertTrue(adopted.getBoolean("adopted"), adopted::toString);
        assertTrue(Api.get("/replications/" + Api.path("Hostile Dst.Adopted Table")).expect(200).json().getBoolean("adopted"));
        assertEquals("2", Sql.destString("SELECT count(*) FROM \"Hostile Dst\".\"Adopted Table\""));
        Api.refreshCompleted("Hostile Dst.Adopted Table", null);
        Rows.assertSame(COLS, SRC, "\"Hostile Dst\".\"Adopted Table\"");
        Api.delete("/replications/" + Api.path("Hostile Dst.Adopted Table")).expect(204);
        Rows.assertSame(COLS, SRC, "\"Hostile Dst\".\"Adopted Table\"");
        assertEquals("0", Sql.destString("SELECT count(*) FROM mimeo.refresh_config WHERE dest_table = 'Hostile Dst.Adopted Table'"));

        JsonObject created = Api.make(maker("table", "Hostile Src.select", "Hostile Dst.Created Table", "\"index\": false"));
        assertFalse(created.getBoolean("adopted"), created::toString);
        Rows.assertSame(COLS, SRC, "\"Hostile Dst\".\"Created Table\"");
        Api.delete("/replications/" + Api.path("Hostile Dst.Created Table")).expect(204);
        assertNull(Sql.destString("SELECT to_regclass('\"Hostile Dst\".\"Created Table\"')::text"));
        assertVictimsAlive();
    }
}
