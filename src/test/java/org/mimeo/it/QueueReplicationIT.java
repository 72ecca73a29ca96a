package org.mimeo.it;

import jakarta.json.JsonObject;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mimeo.testsupport.Api;
import org.mimeo.testsupport.MimeoIT;
import org.mimeo.testsupport.Rows;
import org.mimeo.testsupport.Sql;
import org.mimeo.testsupport.TestDatabases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** dml and logdel replication: trigger queues on the source, replayed by key, against real PostgreSQL servers. */
class QueueReplicationIT extends MimeoIT {

    static int sourceId;

    @BeforeAll
    static void setUp() throws Exception {
        Sql.source("DROP SCHEMA IF EXISTS q_src CASCADE", "CREATE SCHEMA q_src");
        Sql.dest("DROP SCHEMA IF EXISTS q_dst CASCADE", "CREATE SCHEMA q_dst");
        sourceId = Api.registerSource();
    }

    static JsonObject make(String type, String source, String dest, String extra) {
        return Api.make("{\"type\": \"" + type + "\", \"sourceId\": " + sourceId + ", \"sourceTable\": " + Api.quote(source)
                + ", \"destTable\": " + Api.quote(dest) + (extra == null ? "" : ", " + extra) + "}");
    }

    static long queued(JsonObject replication) throws Exception {
        return Long.parseLong(Sql.sourceStrings("SELECT count(*) FROM " + org.mimeo.sql.QualifiedName.parse(replication.getString("queueTable")).sql()).get(0));
    }

    static void refresh(String dest, JsonObject replication) throws Exception {
        Api.refreshCompleted(dest, null);
        assertEquals(0, queued(replication), "the queue is empty after a refresh");
    }

    /** logdel: live rows equal the source; rows deleted on the source stay with their last values and a time. */
    static void assertLogdel(String columns, String source, String dest, List<String> deletedRows) throws Exception {
        Rows.assertSame(columns, source, dest + " WHERE mimeo_source_deleted IS NULL");
        assertEquals(deletedRows, Rows.destRows(columns, dest + " WHERE mimeo_source_deleted IS NOT NULL"));
    }

    @Test
    void dmlReplaysBatchesOfOnlyInsertsOnlyUpdatesOnlyDeletesAndMixed() throws Exception {
        String src = "q_src.\"Order-Items\"";
        Sql.source("CREATE TABLE " + src + " (id bigint PRIMARY KEY, \"group\" text, qty int)",
                "INSERT INTO " + src + " SELECT g, 'g' || (g % 10), g FROM generate_series(1, 5000) g");
        JsonObject r = make("dml", "q_src.Order-Items", "q_dst.Order-Items", null);
        String cols = "id, \"group\", qty";
        Rows.assertSame(cols, src, "q_dst.\"Order-Items\"");

        Sql.source("INSERT INTO " + src + " SELECT g, 'new', 0 FROM generate_series(5001, 5500) g");
        refresh("q_dst.Order-Items", r);
        Rows.assertSame(cols, src, "q_dst.\"Order-Items\"");
        Sql.source("UPDATE " + src + " SET qty = -qty WHERE id % 3 = 0");
        refresh("q_dst.Order-Items", r);
        Rows.assertSame(cols, src, "q_dst.\"Order-Items\"");
        Sql.source("DELETE FROM " + src + " WHERE id % 7 = 0");
        refresh("q_dst.Order-Items", r);
        Rows.assertSame(cols, src, "q_dst.\"Order-Items\"");
        Sql.source("INSERT INTO " + src + " VALUES (9000, 'mixed', 1)", "UPDATE " + src + " SET \"group\" = 'moved' WHERE id BETWEEN 10 AND 20",
                "DELETE FROM " + src + " WHERE id BETWEEN 30 AND 40", "UPDATE " + src + " SET id = id + 100000 WHERE id BETWEEN 50 AND 60");
        JsonObject small = Api.refreshCompleted("q_dst.Order-Items", "{\"blockRows\": 5}");
        assertTrue(Api.step(small, "copy").getInt("readCount") > 3, small::toString);
        Rows.assertSame(cols, src, "q_dst.\"Order-Items\"");
        assertEquals(0, queued(r));
    }

    @Test
    void compositeKeyWithAChangedKeyColumnForDmlAndLogdel() throws Exception {
        Sql.source("CREATE TABLE q_src.lines (\"order\" int, line int, note text, PRIMARY KEY (\"order\", line))",
                "INSERT INTO q_src.lines SELECT g / 5, g % 5, 'n' || g FROM generate_series(1, 1000) g");
        JsonObject dml = make("dml", "q_src.lines", "q_dst.lines", null);
        JsonObject logdel = make("logdel", "q_src.lines", "q_dst.lines_log", null);
        Sql.source("UPDATE q_src.lines SET line = line + 10 WHERE \"order\" = 3", "DELETE FROM q_src.lines WHERE \"order\" = 4 AND line = 1",
                "UPDATE q_src.lines SET note = 'x' WHERE \"order\" = 5");
        refresh("q_dst.lines", dml);
        refresh("q_dst.lines_log", logdel);
        Rows.assertSame("\"order\", line, note", "q_src.lines", "q_dst.lines");
        assertLogdel("\"order\", line, note", "q_src.lines", "q_dst.lines_log", List.of("(4,1,n21)"));
    }

    @Test
    void uniqueNotNullKeyFilterAndCondition() throws Exception {
        Sql.source("CREATE TABLE q_src.codes (code text NOT NULL UNIQUE, region int, v text, secret text)",
                "INSERT INTO q_src.codes SELECT 'c' || g, g % 4, 'v', 's' FROM generate_series(1, 400) g");
        Api.post("/replications", "{\"type\": \"dml\", \"sourceId\": " + sourceId + ", \"sourceTable\": \"q_src.codes\", \"destTable\": \"q_dst.nokey\","
                + " \"filter\": [\"region\", \"v\"]}").expectError(422, "source_error");
        assertEquals(List.of(), Sql.sourceStrings("SELECT tgname FROM pg_trigger WHERE tgrelid = 'q_src.codes'::regclass"));
        assertEquals("0", Sql.destString("SELECT count(*) FROM mimeo.refresh_config WHERE dest_table = 'q_dst.nokey'"));

        JsonObject r = make("dml", "q_src.codes", "q_dst.codes", "\"filter\": [\"code\", \"region\", \"v\"], \"condition\": \"WHERE region <> 0\"");
        Rows.assertSame("code, region, v", "q_src.codes WHERE region <> 0", "q_dst.codes");
        // a write to a column outside the filter queues nothing (row trigger UPDATE OF the replicated columns)
        Sql.source("UPDATE q_src.codes SET secret = 'changed'");
        assertEquals(0, queued(r));
        Sql.source("UPDATE q_src.codes SET region = 0 WHERE code IN ('c1', 'c2')", "UPDATE q_src.codes SET v = 'w' WHERE region = 3",
                "UPDATE q_src.codes SET code = 'renamed' WHERE code = 'c5'");
        refresh("q_dst.codes", r);
        Rows.assertSame("code, region, v", "q_src.codes WHERE region <> 0", "q_dst.codes");
    }

    @Test
    void emptySourceAndAWriterThatDoesNotOwnTheTable() throws Exception {
        Sql.source("CREATE TABLE q_src.\"group\" (id int PRIMARY KEY, v text)",
                "DROP ROLE IF EXISTS \"app-writer\"", "CREATE ROLE \"app-writer\"",
                "GRANT USAGE ON SCHEMA q_src TO \"app-writer\"", "GRANT SELECT, INSERT, UPDATE, DELETE ON q_src.\"group\" TO \"app-writer\"");
        JsonObject r = make("logdel", "q_src.group", "q_dst.group", null);
        assertEquals("0", Sql.destString("SELECT count(*) FROM q_dst.\"group\""));
        try (Connection c = TestDatabases.source()) {
            Sql.run(c, "SET ROLE \"app-writer\"", "INSERT INTO q_src.\"group\" SELECT g, 'v' || g FROM generate_series(1, 100) g",
                    "UPDATE q_src.\"group\" SET v = 'u' WHERE id <= 10", "DELETE FROM q_src.\"group\" WHERE id > 95");
        }
        refresh("q_dst.group", r);
        assertLogdel("id, v", "q_src.\"group\"", "q_dst.\"group\"", List.of("(100,v100)", "(96,v96)", "(97,v97)", "(98,v98)", "(99,v99)"));
    }

    @Test
    void logdelKeyDeletedAndInsertedAgainEndsAsTheLiveRow() throws Exception {
        Sql.source("CREATE TABLE q_src.reuse (id int PRIMARY KEY, v text)", "INSERT INTO q_src.reuse SELECT g, 'first' FROM generate_series(1, 10) g");
        JsonObject r = make("logdel", "q_src.reuse", "q_dst.reuse", null);
        Sql.source("DELETE FROM q_src.reuse WHERE id = 5", "INSERT INTO q_src.reuse VALUES (5, 'second')", "DELETE FROM q_src.reuse WHERE id = 6");
        refresh("q_dst.reuse", r);
        assertLogdel("id, v", "q_src.reuse", "q_dst.reuse", List.of("(6,first)"));
        // deleted earlier and back now: the kept deleted row gives way to the live one
        Sql.source("INSERT INTO q_src.reuse VALUES (6, 'back')");
        refresh("q_dst.reuse", r);
        assertLogdel("id, v", "q_src.reuse", "q_dst.reuse", List.of());
        assertTrue(Sql.destString("SELECT indexdef FROM pg_indexes WHERE schemaname = 'q_dst' AND tablename = 'reuse' AND indexdef LIKE '%mimeo_source_deleted%'") != null);
    }

    @Test
    void twoDestinationsOfOneSourceAndDestroyingOne() throws Exception {
        Sql.source("CREATE TABLE q_src.shared (id int PRIMARY KEY, v text)", "INSERT INTO q_src.shared SELECT g, 'v' FROM generate_series(1, 50) g");
        JsonObject a = make("dml", "q_src.shared", "q_dst.shared_a", null);
        JsonObject b = make("dml", "q_src.shared", "q_dst.shared_b", null);
        assertTrue(!a.getString("queueTable").equals(b.getString("queueTable")));
        Sql.source("UPDATE q_src.shared SET v = 'w' WHERE id < 10");
        Api.delete("/replications/" + Api.path("q_dst.shared_b")).expect(204);
        assertEquals(List.of(), Sql.sourceStrings("SELECT to_regclass(" + Api.quote(b.getString("queueTable")).replace('"', '\'') + ")::text WHERE to_regclass("
                + Api.quote(b.getString("queueTable")).replace('"', '\'') + ") IS NOT NULL"));
        assertEquals("4", Sql.sourceStrings("SELECT count(*) FROM pg_trigger WHERE tgrelid = 'q_src.shared'::regclass AND NOT tgisinternal").get(0));
        refresh("q_dst.shared_a", a);
        Rows.assertSame("id, v", "q_src.shared", "q_dst.shared_a");
        Api.delete("/replications/" + Api.path("q_dst.shared_a") + "?archive=true").expect(204);
        assertEquals("0", Sql.sourceStrings("SELECT count(*) FROM pg_trigger WHERE tgrelid = 'q_src.shared'::regclass AND NOT tgisinternal").get(0));
        Rows.assertSame("id, v", "q_src.shared", "q_dst.shared_a");
    }

    @Test
    void repullReloadsEverythingAndLogdelKeepsItsDeletedRows() throws Exception {
        Sql.source("CREATE TABLE q_src.rep (id int PRIMARY KEY, v text)", "INSERT INTO q_src.rep SELECT g, 'v' FROM generate_series(1, 300) g");
        JsonObject dml = make("dml", "q_src.rep", "q_dst.rep", null);
        JsonObject logdel = make("logdel", "q_src.rep", "q_dst.rep_log", null);
        Sql.source("DELETE FROM q_src.rep WHERE id <= 3");
        refresh("q_dst.rep_log", logdel);
        Sql.dest("DELETE FROM q_dst.rep WHERE id > 250", "UPDATE q_dst.rep_log SET v = 'drift' WHERE id > 290");
        Sql.source("UPDATE q_src.rep SET v = 'after' WHERE id = 100");
        Api.refreshCompleted("q_dst.rep", "{\"repull\": true}");
        Api.refreshCompleted("q_dst.rep_log", "{\"repull\": true}");
        Rows.assertSame("id, v", "q_src.rep", "q_dst.rep");
        assertLogdel("id, v", "q_src.rep", "q_dst.rep_log", List.of("(1,v)", "(2,v)", "(3,v)"));
        // the changes queued before the repull are covered by it; later ones still replay
        Sql.source("UPDATE q_src.rep SET v = 'later' WHERE id = 200");
        refresh("q_dst.rep", dml);
        refresh("q_dst.rep_log", logdel);
        Rows.assertSame("id, v", "q_src.rep", "q_dst.rep");
        assertLogdel("id, v", "q_src.rep", "q_dst.rep_log", List.of("(1,v)", "(2,v)", "(3,v)"));
    }

    @Test
    void aViewCannotFeedATriggerQueue() throws Exception {
        Sql.source("CREATE TABLE q_src.base (id int PRIMARY KEY)", "CREATE VIEW q_src.v AS SELECT id FROM q_src.base");
        Api.post("/replications", "{\"type\": \"logdel\", \"sourceId\": " + sourceId + ", \"sourceTable\": \"q_src.v\", \"destTable\": \"q_dst.v\","
                + " \"pkName\": [\"id\"], \"pkType\": [\"integer\"]}").expectError(422, "source_error");
        assertEquals(null, Sql.destString("SELECT to_regclass('q_dst.v')::text"));
    }

    @Test
    void aChangeQueuedEarlierButCommittedLaterIsNotLost() throws Exception {
        Sql.source("CREATE TABLE q_src.race (id int PRIMARY KEY, v text)", "INSERT INTO q_src.race SELECT g, 'v' FROM generate_series(1, 10) g");
        JsonObject r = make("dml", "q_src.race", "q_dst.race", null);
        try (Connection slow = TestDatabases.source()) {
            slow.setAutoCommit(false);
            // queued first (lower entry id), committed last
            Sql.run(slow, "INSERT INTO q_src.race VALUES (100, 'slow')");
            Sql.source("INSERT INTO q_src.race VALUES (200, 'fast')");
            Api.refreshCompleted("q_dst.race", null);
            assertEquals(List.of(), Rows.destRows("id", "q_dst.race WHERE id = 100"));
            slow.commit();
        }
        refresh("q_dst.race", r);
        Rows.assertSame("id, v", "q_src.race", "q_dst.race");
    }
}
