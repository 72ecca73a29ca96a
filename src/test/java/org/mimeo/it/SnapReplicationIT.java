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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Snapshot replication end to end: makers, refreshes, column changes, options, destroyers, against real PostgreSQL servers. */
class SnapReplicationIT extends MimeoIT {

    static int sourceId;

    static final String ALL = "\"id\", \"COL-3\", \"primary\", \"group\"";

    @BeforeAll
    static void createSchemas() throws Exception {
        Sql.source("DROP SCHEMA IF EXISTS snap_src CASCADE", "CREATE SCHEMA snap_src");
        Sql.dest("DROP SCHEMA IF EXISTS snap_dst CASCADE", "CREATE SCHEMA snap_dst");
        sourceId = Api.registerSource();
    }

    static void createSpecialTable(String name, int rows) throws Exception {
        Sql.source("CREATE TABLE snap_src.\"" + name + "\" (id bigint PRIMARY KEY, \"COL-3\" text, \"primary\" int, \"group\" varchar(20), bits bit(7))",
                "CREATE INDEX ON snap_src.\"" + name + "\" (\"COL-3\")",
                "CREATE UNIQUE INDEX ON snap_src.\"" + name + "\" (\"group\", \"primary\")",
                "INSERT INTO snap_src.\"" + name + "\" SELECT g, 'row ' || g, g % 7, 'g' || g, B'1010101' FROM generate_series(1, " + rows + ") g",
                "ANALYZE snap_src.\"" + name + "\"");
    }

    static String make(String source, String dest, String extra) {
        return "{\"type\": \"snap\", \"sourceId\": " + sourceId + ", \"sourceTable\": " + Api.quote(source) + ", \"destTable\": " + Api.quote(dest)
                + (extra == null ? "" : ", " + extra) + "}";
    }

    @Test
    void makerCopiesSpecialIdentifiersAndReplaysIndexes() throws Exception {
        createSpecialTable("Snap-Test-Source", 5000);
        JsonObject made = Api.make(make("snap_src.Snap-Test-Source", "snap_dst.Snap-Test-Source", null));
        assertEquals("snap_dst.Snap-Test-Source", made.getString("destTable"));
        assertFalse(made.isNull("lastRun"));
        Rows.assertSame(ALL + ", bits", "snap_src.\"Snap-Test-Source\"", "snap_dst.\"Snap-Test-Source\"");
        assertEquals("v", Sql.destString("SELECT relkind FROM pg_class WHERE oid = 'snap_dst.\"Snap-Test-Source\"'::regclass"));
        String active = Sql.destString("SELECT CASE WHEN pg_get_viewdef('snap_dst.\"Snap-Test-Source\"'::regclass) LIKE '%snap2%' THEN 'snap2' ELSE 'snap1' END");
        List<String> indexes = Sql.destStrings("SELECT indexdef FROM pg_indexes WHERE schemaname = 'snap_dst' AND tablename = 'Snap-Test-Source_" + active + "' ORDER BY 1");
        assertEquals(3, indexes.size(), indexes::toString);
        assertTrue(indexes.stream().anyMatch(d -> d.contains("UNIQUE") && d.contains("(\"group\", \"primary\")")), indexes::toString);
        assertEquals("bit(7)", Sql.destString("SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'snap_dst.\"Snap-Test-Source\"'::regclass AND attname = 'bits'"));
        JsonObject execution = Api.get("/executions/" + made.getJsonObject("initialLoad").getInt("executionId")).expect(200).json();
        assertEquals(5000, Api.step(execution, "copy").getInt("rowCount"));
    }

    @Test
    void refreshCarriesChangesAndSkipsWhenTheSourceHadNoWrites() throws Exception {
        createSpecialTable("group", 3000);
        Api.make(make("snap_src.group", "snap_dst.group", null));
        Sql.sourceWrite("snap_src.\"group\"",
                "INSERT INTO snap_src.\"group\" SELECT g, 'new ' || g, 1, 'n' || g, B'0000001' FROM generate_series(3001, 3100) g",
                "UPDATE snap_src.\"group\" SET \"COL-3\" = 'changed' WHERE id % 10 = 0",
                "DELETE FROM snap_src.\"group\" WHERE id BETWEEN 100 AND 199");
        JsonObject refresh = Api.refreshCompleted("snap_dst.group", null);
        assertEquals("COPY", Api.step(refresh, "prepare").getString("exitStatus"));
        Rows.assertSame(ALL, "snap_src.\"group\"", "snap_dst.\"group\"");

        JsonObject skipped = Api.refreshCompleted("snap_dst.group", null);
        assertEquals("SKIPPED", skipped.getString("exitStatus"));
        assertEquals(1, skipped.getJsonArray("steps").size());
        Api.assertLogContains(skipped, "has not had any writes");
        Rows.assertSame(ALL, "snap_src.\"group\"", "snap_dst.\"group\"");

        JsonObject forced = Api.refreshCompleted("snap_dst.group", "{\"checkStats\": false}");
        assertEquals(3000, Api.step(forced, "copy").getInt("rowCount"));
        Rows.assertSame(ALL, "snap_src.\"group\"", "snap_dst.\"group\"");
    }

    @Test
    void columnChangesRebuildBothTablesAndTheViewKeepingGrants() throws Exception {
        createSpecialTable("changing", 500);
        Api.make(make("snap_src.changing", "snap_dst.changing", null));
        Sql.destSuperuser("DROP ROLE IF EXISTS \"report-reader\"", "CREATE ROLE \"report-reader\"");
        Sql.dest("GRANT SELECT ON snap_dst.changing TO \"report-reader\"");
        Api.patch("/replications/" + Api.path("snap_dst.changing"),
                "{\"postScript\": [\"CREATE TABLE IF NOT EXISTS snap_dst.post_script_ran (at timestamptz DEFAULT now())\", \"INSERT INTO snap_dst.post_script_ran DEFAULT VALUES\"]}")
                .expect(200);

        // drop only: the original misses this one
        Sql.sourceWrite("snap_src.changing", "ALTER TABLE snap_src.changing DROP COLUMN bits", "UPDATE snap_src.changing SET \"primary\" = 99 WHERE id = 1");
        Api.assertLogContains(Api.refreshCompleted("snap_dst.changing", null), "structure changed");
        assertColumnsMatchSource("changing");
        Rows.assertSame(ALL, "snap_src.changing", "snap_dst.changing");
        assertEquals("1", Sql.destString("SELECT count(*) FROM snap_dst.post_script_ran"));

        // add, rename, type change together
        Sql.sourceWrite("snap_src.changing", "ALTER TABLE snap_src.changing ADD COLUMN \"New Col\" numeric(10,3) DEFAULT 1.5",
                "ALTER TABLE snap_src.changing RENAME COLUMN \"COL-3\" TO \"Col-Renamed\"",
                "ALTER TABLE snap_src.changing ALTER COLUMN \"primary\" TYPE bigint",
                "UPDATE snap_src.changing SET \"New Col\" = id / 3.0 WHERE id < 50");
        Api.refreshCompleted("snap_dst.changing", null);
        assertColumnsMatchSource("changing");
        Rows.assertSame("\"id\", \"Col-Renamed\", \"primary\", \"group\", \"New Col\"", "snap_src.changing", "snap_dst.changing");
        // the next refresh loads the other snap table, rebuilt with the new columns at the swap
        Api.refreshCompleted("snap_dst.changing", "{\"checkStats\": false}");
        Rows.assertSame("\"id\", \"Col-Renamed\", \"primary\", \"group\", \"New Col\"", "snap_src.changing", "snap_dst.changing");
        assertEquals("t", Sql.destString("SELECT has_table_privilege('report-reader', 'snap_dst.changing', 'SELECT')"));
        // post_script runs after each rebuild: the drop and the add/rename/type change
        assertEquals("2", Sql.destString("SELECT count(*) FROM snap_dst.post_script_ran"));
        for (String snap : List.of("changing_snap1", "changing_snap2")) {
            assertEquals(List.of("id", "Col-Renamed", "primary", "group", "New Col"),
                    Sql.destStrings("SELECT attname FROM pg_attribute WHERE attrelid = 'snap_dst." + snap + "'::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum"));
            assertEquals("3", Sql.destString("SELECT count(*) FROM pg_indexes WHERE schemaname = 'snap_dst' AND tablename = '" + snap + "'"));
        }
    }

    private static void assertColumnsMatchSource(String table) throws Exception {
        String q = "SELECT attname || ' ' || format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = '%s'::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum";
        assertEquals(Sql.sourceStrings(String.format(q, "snap_src." + table)), Sql.destStrings(String.format(q, "snap_dst." + table)));
    }

    @Test
    void filterAndConditionsIncludingAJoin() throws Exception {
        createSpecialTable("Filtered", 2000);
        Sql.source("CREATE TABLE snap_src.keep (id bigint PRIMARY KEY, keep boolean)",
                "INSERT INTO snap_src.keep SELECT g, g % 3 = 0 FROM generate_series(1, 2000) g");
        Api.make(make("snap_src.Filtered", "snap_dst.filtered_plain", "\"filter\": [\"id\", \"group\"], \"condition\": \"WHERE \\\"primary\\\" > 4 OR id < 10\""));
        Rows.assertSame("\"id\", \"group\"", "snap_src.\"Filtered\" WHERE \"primary\" > 4 OR id < 10", "snap_dst.filtered_plain");
        assertEquals(List.of("id", "group"), Sql.destStrings("SELECT attname FROM pg_attribute WHERE attrelid = 'snap_dst.filtered_plain'::regclass AND attnum > 0 ORDER BY attnum"));
        // a filter keeps only the primary key among the indexes
        assertEquals("1", Sql.destString("SELECT count(*) FROM pg_indexes WHERE schemaname = 'snap_dst' AND tablename LIKE 'filtered_plain_snap%' AND indexdef LIKE '%pkey%' AND tablename = (SELECT CASE WHEN pg_get_viewdef('snap_dst.filtered_plain'::regclass) LIKE '%snap2%' THEN 'filtered_plain_snap2' ELSE 'filtered_plain_snap1' END)"));

        Api.make(make("snap_src.Filtered", "snap_dst.filtered_join",
                "\"condition\": \", snap_src.keep WHERE \\\"Filtered\\\".id = keep.id AND keep.keep\""));
        Rows.assertSame(ALL, "snap_src.\"Filtered\" WHERE id IN (SELECT id FROM snap_src.keep WHERE keep)", "snap_dst.filtered_join");
        Sql.sourceWrite("snap_src.\"Filtered\"", "UPDATE snap_src.\"Filtered\" SET \"COL-3\" = 'moved' WHERE id % 6 = 0");
        Api.refreshCompleted("snap_dst.filtered_join", "{\"blockRows\": 300}");
        Rows.assertSame(ALL, "snap_src.\"Filtered\" WHERE id IN (SELECT id FROM snap_src.keep WHERE keep)", "snap_dst.filtered_join");
    }

    @Test
    void viewAsSourceAndTablesWithoutKeyInSeveralBlocks() throws Exception {
        Sql.source("CREATE TABLE snap_src.nokey (a int, b text, c timestamptz)",
                "INSERT INTO snap_src.nokey SELECT g % 500, md5(g::text), now() - g * interval '1 minute' FROM generate_series(1, 20000) g",
                "INSERT INTO snap_src.nokey SELECT 1, 'duplicate', NULL FROM generate_series(1, 10)",
                "ANALYZE snap_src.nokey",
                "CREATE VIEW snap_src.\"Nokey View\" AS SELECT a, b FROM snap_src.nokey WHERE a < 100");
        Api.make(make("snap_src.nokey", "snap_dst.nokey", null));
        JsonObject blocks = Api.refreshCompleted("snap_dst.nokey", "{\"checkStats\": false, \"blockRows\": 1500}");
        assertTrue(Api.step(blocks, "copy").getInt("readCount") > 5, blocks::toString);
        Api.assertLogContains(blocks, "by heap pages");
        Rows.assertSame("a, b, c", "snap_src.nokey", "snap_dst.nokey");

        Api.make(make("snap_src.Nokey View", "snap_dst.from_view", null));
        Rows.assertSame("a, b", "snap_src.\"Nokey View\"", "snap_dst.from_view");
        Sql.source("UPDATE snap_src.nokey SET b = 'view changed' WHERE a = 5");
        // a view has no write statistics, so it is never skipped
        Api.refreshCompleted("snap_dst.from_view", null);
        Rows.assertSame("a, b", "snap_src.\"Nokey View\"", "snap_dst.from_view");
    }

    @Test
    void emptySourceNoDataAndNoIndexOptions() throws Exception {
        Sql.source("CREATE TABLE snap_src.empty (id int PRIMARY KEY, v text)", "CREATE INDEX ON snap_src.empty (v)");
        JsonObject made = Api.make(make("snap_src.empty", "snap_dst.empty", null));
        assertEquals("0", Sql.destString("SELECT count(*) FROM snap_dst.empty"));
        Api.get("/executions/" + made.getJsonObject("initialLoad").getInt("executionId")).expect(200);
        Sql.sourceWrite("snap_src.empty", "INSERT INTO snap_src.empty SELECT g, 'v' || g FROM generate_series(1, 100) g");
        Api.refreshCompleted("snap_dst.empty", null);
        Rows.assertSame("id, v", "snap_src.empty", "snap_dst.empty");

        createSpecialTable("later", 700);
        JsonObject noData = Api.make(make("snap_src.later", "snap_dst.later", "\"pullData\": false"));
        assertTrue(!noData.containsKey("initialLoad"), noData::toString);
        assertEquals("0", Sql.destString("SELECT count(*) FROM snap_dst.later"));
        assertEquals("3", Sql.destString("SELECT count(*) FROM pg_indexes WHERE schemaname = 'snap_dst' AND tablename = 'later_snap2'"));
        Api.refreshCompleted("snap_dst.later", null);
        Rows.assertSame(ALL, "snap_src.later", "snap_dst.later");

        Api.make(make("snap_src.later", "snap_dst.later_noindex", "\"index\": false"));
        assertEquals("0", Sql.destString("SELECT count(*) FROM pg_indexes WHERE schemaname = 'snap_dst' AND tablename LIKE 'later_noindex_snap%'"));
        Rows.assertSame(ALL, "snap_src.later", "snap_dst.later_noindex");
    }

    @Test
    void destroyWithArchiveKeepsTheDataAsATableWithoutItRemovesEverything() throws Exception {
        createSpecialTable("destroyed", 300);
        Api.make(make("snap_src.destroyed", "snap_dst.archived", null));
        Api.make(make("snap_src.destroyed", "snap_dst.removed", null));

        Api.delete("/replications/" + Api.path("snap_dst.archived") + "?archive=true").expect(204);
        assertEquals("r", Sql.destString("SELECT relkind FROM pg_class WHERE oid = 'snap_dst.archived'::regclass"));
        Rows.assertSame(ALL, "snap_src.destroyed", "snap_dst.archived");
        assertNull(Sql.destString("SELECT to_regclass('snap_dst.archived_snap1')::text || to_regclass('snap_dst.archived_snap2')::text"));
        Api.get("/replications/" + Api.path("snap_dst.archived")).expectError(404, "not_found");

        Api.delete("/replications/" + Api.path("snap_dst.removed")).expect(204);
        assertEquals(List.of(), Sql.destStrings("SELECT relname FROM pg_class WHERE relnamespace = 'snap_dst'::regnamespace AND relname LIKE 'removed%'"));
        assertEquals("0", Sql.destString("SELECT count(*) FROM mimeo.refresh_config_snap WHERE dest_table = 'snap_dst.removed'"));
        assertNotEquals(0, Rows.sourceRows("id", "snap_src.destroyed").size());
    }
}
