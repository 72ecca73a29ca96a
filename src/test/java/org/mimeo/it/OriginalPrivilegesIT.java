package org.mimeo.it;

import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mimeo.testsupport.Api;
import org.mimeo.testsupport.EmbeddedDatabases;
import org.mimeo.testsupport.MimeoIT;
import org.mimeo.testsupport.Rows;
import org.mimeo.testsupport.ServerProcess;
import org.mimeo.testsupport.Sql;
import org.mimeo.testsupport.TestDatabases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The original's set-up: on the source a role with SELECT on the tables, TRIGGER on the dml/logdel ones and
 * a pre-created schema mimeo it owns, without CREATE on the database; on the destination (a server of its
 * own) a role that owns only schema mimeo and the replicated schemas, without CREATE on the database or on public.
 */
class OriginalPrivilegesIT extends MimeoIT {

    static final String ROLE = "mimeo_repl";
    static final String SOURCE_DB = "priv_source";
    /** A source database without schema mimeo, where the role may not create it. */
    static final String BARE_DB = "priv_bare";
    static final String LEAST_DB = "mimeo_least";
    static final String LEAST_ROLE = "mimeo_least";

    static int sourceId;

    @BeforeAll
    static void setUp() throws Exception {
        Sql.source("DROP DATABASE IF EXISTS " + SOURCE_DB + " WITH (FORCE)", "DROP DATABASE IF EXISTS " + BARE_DB + " WITH (FORCE)",
                "DO $$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + ROLE + "') THEN CREATE ROLE " + ROLE + " LOGIN; END IF; END$$",
                "CREATE DATABASE " + SOURCE_DB, "CREATE DATABASE " + BARE_DB,
                "REVOKE CREATE ON DATABASE " + SOURCE_DB + " FROM PUBLIC", "REVOKE CREATE ON DATABASE " + BARE_DB + " FROM PUBLIC");
        try (Connection c = source(SOURCE_DB)) {
            Sql.run(c, "CREATE SCHEMA mimeo AUTHORIZATION " + ROLE, "CREATE SCHEMA ps", "GRANT USAGE ON SCHEMA ps TO " + ROLE,
                    "CREATE TABLE ps.dml_t (id int PRIMARY KEY, v text)", "CREATE TABLE ps.logdel_t (id int PRIMARY KEY, v text)",
                    "CREATE TABLE ps.dml_least (id int PRIMARY KEY, v text)",
                    "CREATE TABLE ps.snap_t (id int PRIMARY KEY, v text)", "CREATE TABLE ps.table_t (id int PRIMARY KEY, v text)",
                    "CREATE TABLE ps.ins_t (id int PRIMARY KEY, v text)", "CREATE TABLE ps.upd_t (id int PRIMARY KEY, version int NOT NULL, v text)",
                    "CREATE TABLE ps.no_trigger (id int PRIMARY KEY, v text)");
            for (String t : List.of("dml_t", "logdel_t", "dml_least", "snap_t", "table_t", "ins_t", "no_trigger")) {
                Sql.run(c, "INSERT INTO ps." + t + " SELECT g, 'v' || g FROM generate_series(1, 1000) g");
            }
            Sql.run(c, "INSERT INTO ps.upd_t SELECT g, 1, 'v' || g FROM generate_series(1, 1000) g",
                    "GRANT SELECT ON ALL TABLES IN SCHEMA ps TO " + ROLE, "GRANT TRIGGER ON ps.dml_t, ps.logdel_t, ps.dml_least TO " + ROLE);
            assertEquals(List.of("f"), Sql.strings(c, "SELECT has_database_privilege('" + ROLE + "', current_database(), 'CREATE')"));
        }
        try (Connection c = source(BARE_DB)) {
            Sql.run(c, "CREATE SCHEMA ps", "GRANT USAGE ON SCHEMA ps TO " + ROLE, "CREATE TABLE ps.t (id int PRIMARY KEY, v text)",
                    "GRANT SELECT, TRIGGER ON ps.t TO " + ROLE);
            assertEquals(List.of("f"), Sql.strings(c, "SELECT has_database_privilege('" + ROLE + "', current_database(), 'CREATE')"));
        }
        Sql.dest("DROP SCHEMA IF EXISTS priv_dst CASCADE", "CREATE SCHEMA priv_dst");
        sourceId = register(SOURCE_DB);
    }

    @AfterAll
    static void tearDown() {
        Api.target(null);
        LEAST.close();
    }

    static final ServerProcess LEAST = new ServerProcess(240, "least-priv", true,
            "jdbc:postgresql://localhost:" + EmbeddedDatabases.destPort() + "/" + LEAST_DB, LEAST_ROLE);

    static Connection source(String db) throws Exception {
        return DriverManager.getConnection("jdbc:postgresql://" + TestDatabases.sourceHost() + ":" + TestDatabases.sourcePort() + "/" + db,
                TestDatabases.USER, "");
    }

    static int register(String db) {
        return Api.post("/sources", "{\"dataSource\": \"host=" + TestDatabases.sourceHost() + " port=" + TestDatabases.sourcePort()
                + " dbname=" + db + "\", \"username\": \"" + ROLE + "\", \"password\": \"not-used-secret\"}").expect(201).json().getInt("id");
    }

    static String maker(int source, String type, String src, String dest, String extra) {
        return "{\"type\": \"" + type + "\", \"sourceId\": " + source + ", \"sourceTable\": " + Api.quote(src) + ", \"destTable\": "
                + Api.quote(dest) + (extra == null ? "" : ", " + extra) + "}";
    }

    static void write(String... statements) throws Exception {
        try (Connection c = source(SOURCE_DB)) {
            Sql.run(c, statements);
        }
    }

    static void assertSame(String columns, String src, Connection dest, String destFrom) throws Exception {
        List<String> expected;
        try (Connection c = source(SOURCE_DB)) {
            expected = Rows.rows(c, columns, src);
        }
        List<String> actual = Rows.rows(dest, columns, destFrom);
        assertEquals(expected.size(), actual.size(), "row count of " + destFrom);
        assertEquals(expected, actual, "rows of " + destFrom);
    }

    static void assertSame(String columns, String src, String destFrom) throws Exception {
        try (Connection d = TestDatabases.dest()) {
            assertSame(columns, src, d, destFrom);
        }
    }

    /** The queue objects and triggers on the source for {@code table}: its non-internal triggers, and what schema mimeo holds for it. */
    static List<String> sourceObjects(String db, String table) throws Exception {
        String prefix = table.replace('.', '_') + "%";
        try (Connection c = source(db)) {
            return Sql.strings(c, "SELECT 'trigger ' || tgname FROM pg_trigger WHERE tgrelid = '" + table + "'::regclass AND NOT tgisinternal"
                    + " UNION ALL SELECT 'relation ' || relname FROM pg_class WHERE relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = 'mimeo')"
                    + " AND relname LIKE '" + prefix + "'"
                    + " UNION ALL SELECT 'function ' || proname FROM pg_proc WHERE pronamespace = (SELECT oid FROM pg_namespace WHERE nspname = 'mimeo')"
                    + " AND proname LIKE '" + prefix + "'"
                    + " ORDER BY 1");
        }
    }

    @Test
    void dmlAndLogdelWorkWithTriggerOnTheTableAndAnOwnedSchemaMimeo() throws Exception {
        for (String type : List.of("dml", "logdel")) {
            String src = "ps." + type + "_t";
            String dest = "priv_dst." + type + "_t";
            String live = "logdel".equals(type) ? dest + " WHERE mimeo_source_deleted IS NULL" : dest;
            JsonObject made = Api.make(maker(sourceId, type, src, dest, null));
            assertSame("id, v", src, live);
            assertEquals(4, sourceObjects(SOURCE_DB, src).stream().filter(o -> o.startsWith("trigger ")).count(), sourceObjects(SOURCE_DB, src)::toString);
            try (Connection c = source(SOURCE_DB)) {
                assertEquals(List.of(ROLE), Sql.strings(c, "SELECT DISTINCT pg_get_userbyid(relowner) FROM pg_class WHERE relname = '"
                        + org.mimeo.sql.QualifiedName.parse(made.getString("queueTable")).table() + "'"));
            }
            write("INSERT INTO " + src + " SELECT g, 'new' || g FROM generate_series(1001, 1200) g");
            Api.refreshCompleted(dest, null);
            assertSame("id, v", src, live);
            write("UPDATE " + src + " SET v = v || '-changed' WHERE id % 3 = 0");
            Api.refreshCompleted(dest, null);
            assertSame("id, v", src, live);
            write("DELETE FROM " + src + " WHERE id % 7 = 0");
            Api.refreshCompleted(dest, null);
            assertSame("id, v", src, live);
            write("INSERT INTO " + src + " VALUES (5000, 'mixed')", "UPDATE " + src + " SET v = 'moved' WHERE id BETWEEN 10 AND 20",
                    "DELETE FROM " + src + " WHERE id BETWEEN 30 AND 40", "UPDATE " + src + " SET id = id + 100000 WHERE id BETWEEN 50 AND 60");
            Api.refreshCompleted(dest, null);
            assertSame("id, v", src, live);
            if ("logdel".equals(type)) {
                // every key deleted on the source is kept, stamped: 171 multiples of 7 up to 1200, then 30..40 less 35
                // (a key changed by an UPDATE is no delete: the old key goes)
                assertEquals("181", Sql.destString("SELECT count(*) FROM " + dest + " WHERE mimeo_source_deleted IS NOT NULL"));
                assertEquals("0", Sql.destString("SELECT count(*) FROM " + dest + " d WHERE mimeo_source_deleted IS NOT NULL"
                        + " AND d.id % 7 <> 0 AND d.id NOT BETWEEN 30 AND 40"));
            }
            // only the table's owner may drop a trigger: the destroyer says what to run and drops nothing
            List<String> before = sourceObjects(SOURCE_DB, src);
            Api.Reply refused = Api.delete("/replications/" + Api.path(dest)).expectError(422, "source_error");
            assertTrue(refused.json().getString("message").contains("DROP TRIGGER IF EXISTS"), refused.body());
            assertEquals(1, Sql.destStrings("SELECT dest_table FROM mimeo.refresh_config WHERE dest_table = '" + dest + "'").size());
            assertEquals(before, sourceObjects(SOURCE_DB, src));
            try (Connection c = source(SOURCE_DB)) {
                for (String trigger : Sql.strings(c, "SELECT tgname FROM pg_trigger WHERE tgrelid = '" + src + "'::regclass AND NOT tgisinternal")) {
                    Sql.run(c, "DROP TRIGGER IF EXISTS \"" + trigger + "\" ON " + src);
                }
            }
            Api.delete("/replications/" + Api.path(dest)).expect(204);
            assertEquals(List.of(), sourceObjects(SOURCE_DB, src));
            assertEquals(List.of(), Sql.destStrings("SELECT dest_table FROM mimeo.refresh_config WHERE dest_table = '" + dest + "'"));
            assertEquals(null, Sql.destString("SELECT to_regclass('" + dest + "')::text"));
        }
    }

    @Test
    void snapTableInserterAndUpdaterNeedOnlySelect() throws Exception {
        Api.make(maker(sourceId, "snap", "ps.snap_t", "priv_dst.snap_t", null));
        Api.make(maker(sourceId, "table", "ps.table_t", "priv_dst.table_t", null));
        Api.make(maker(sourceId, "inserter", "ps.ins_t", "priv_dst.ins_t", "\"controlField\": \"id\", \"boundary\": 0"));
        Api.make(maker(sourceId, "updater", "ps.upd_t", "priv_dst.upd_t", "\"controlField\": \"version\", \"boundary\": 0"));
        write("UPDATE ps.snap_t SET v = 'snap' WHERE id < 100", "DELETE FROM ps.table_t WHERE id > 900",
                "INSERT INTO ps.ins_t SELECT g, 'n' || g FROM generate_series(1001, 1100) g",
                "UPDATE ps.upd_t SET version = 2, v = 'up' WHERE id % 5 = 0", "INSERT INTO ps.upd_t VALUES (2000, 2, 'new')");
        Api.refreshCompleted("priv_dst.snap_t", "{\"checkStats\": false}");
        Api.refreshCompleted("priv_dst.table_t", null);
        Api.refreshCompleted("priv_dst.ins_t", null);
        Api.refreshCompleted("priv_dst.upd_t", null);
        assertSame("id, v", "ps.snap_t", "priv_dst.snap_t");
        assertSame("id, v", "ps.table_t", "priv_dst.table_t");
        assertSame("id, v", "ps.ins_t", "priv_dst.ins_t");
        assertSame("id, version, v", "ps.upd_t", "priv_dst.upd_t");
        assertEquals(List.of(), sourceObjects(SOURCE_DB, "ps.snap_t"), "SELECT-only modes create nothing on the source");
    }

    @Test
    void missingPrivilegesAreRefusedNamingWhatToRunAndNothingIsMade() throws Exception {
        Api.Reply noTrigger = Api.post("/replications", maker(sourceId, "dml", "ps.no_trigger", "priv_dst.no_trigger", null)).expectError(422, "source_error");
        assertTrue(noTrigger.json().getString("message").contains("GRANT TRIGGER ON \"ps\".\"no_trigger\" TO \"" + ROLE + "\""), noTrigger.body());
        assertEquals(List.of(), sourceObjects(SOURCE_DB, "ps.no_trigger"));

        int bare = register(BARE_DB);
        Api.Reply noSchema = Api.post("/replications", maker(bare, "logdel", "ps.t", "priv_dst.bare_t", null)).expectError(422, "source_error");
        String message = noSchema.json().getString("message");
        assertTrue(message.contains("CREATE SCHEMA \"mimeo\" AUTHORIZATION \"" + ROLE + "\""), message);
        assertTrue(message.contains("GRANT CREATE ON DATABASE \"" + BARE_DB + "\" TO \"" + ROLE + "\""), message);
        try (Connection c = source(BARE_DB)) {
            assertEquals(List.of(), Sql.strings(c, "SELECT nspname FROM pg_namespace WHERE nspname = 'mimeo'"));
            assertEquals(List.of(), Sql.strings(c, "SELECT tgname FROM pg_trigger WHERE tgrelid = 'ps.t'::regclass AND NOT tgisinternal"));
        }
        for (String dest : List.of("priv_dst.no_trigger", "priv_dst.bare_t")) {
            assertEquals(List.of(), Sql.destStrings("SELECT dest_table FROM mimeo.refresh_config WHERE dest_table = '" + dest + "'"));
            assertEquals(null, Sql.destString("SELECT to_regclass('" + dest + "')::text"));
        }
    }

    /** A server whose role owns only schema mimeo and the replicated schemas: no CREATE on the database, none on public. */
    @Test
    void destinationRoleOwningOnlySchemaMimeo() throws Exception {
        Sql.destSuperuser("DROP DATABASE IF EXISTS " + LEAST_DB + " WITH (FORCE)",
                "DO $$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + LEAST_ROLE + "') THEN CREATE ROLE " + LEAST_ROLE + " LOGIN; END IF; END$$",
                "CREATE DATABASE " + LEAST_DB, "REVOKE CREATE ON DATABASE " + LEAST_DB + " FROM PUBLIC",
                "GRANT CONNECT, TEMPORARY ON DATABASE " + LEAST_DB + " TO " + LEAST_ROLE);
        String url = "jdbc:postgresql://localhost:" + EmbeddedDatabases.destPort() + "/" + LEAST_DB;
        try (Connection c = DriverManager.getConnection(url, TestDatabases.USER, "")) {
            Sql.run(c, "REVOKE CREATE ON SCHEMA public FROM PUBLIC", "CREATE SCHEMA mimeo AUTHORIZATION " + LEAST_ROLE,
                    "CREATE SCHEMA least_dst AUTHORIZATION " + LEAST_ROLE);
            assertEquals(List.of("false false"), Sql.strings(c, "SELECT has_database_privilege('" + LEAST_ROLE + "', current_database(), 'CREATE') || ' '"
                    + " || has_schema_privilege('" + LEAST_ROLE + "', 'public', 'CREATE')"));
        }
        LEAST.start();
        Api.target(LEAST.apiBase());
        try (Connection d = DriverManager.getConnection(url, LEAST_ROLE, "")) {
            // JBeret's tables went into schema mimeo, the first schema on the datasource's search_path the role can create in
            assertEquals(List.of("mimeo.job_execution mimeo.job_instance mimeo.partition_execution mimeo.step_execution"),
                    Sql.strings(d, "SELECT string_agg(n.nspname || '.' || c.relname, ' ' ORDER BY c.relname) FROM pg_class c JOIN pg_namespace n"
                            + " ON n.oid = c.relnamespace WHERE c.relname IN ('job_execution', 'job_instance', 'partition_execution', 'step_execution')"
                            + " AND c.relkind = 'r'"));
            int source = register(SOURCE_DB);
            Api.make(maker(source, "snap", "ps.snap_t", "least_dst.snap_t", null));
            Api.make(maker(source, "dml", "ps.dml_least", "least_dst.dml_least", null));
            assertSame("id, v", "ps.snap_t", d, "least_dst.snap_t");
            assertSame("id, v", "ps.dml_least", d, "least_dst.dml_least");
            write("UPDATE ps.snap_t SET v = 'least' WHERE id > 500", "INSERT INTO ps.dml_least VALUES (7000, 'x')",
                    "UPDATE ps.dml_least SET v = 'least' WHERE id % 4 = 0", "DELETE FROM ps.dml_least WHERE id % 9 = 0");
            Api.refreshCompleted("least_dst.snap_t", "{\"checkStats\": false}");
            Api.refreshCompleted("least_dst.dml_least", null);
            assertSame("id, v", "ps.snap_t", d, "least_dst.snap_t");
            assertSame("id, v", "ps.dml_least", d, "least_dst.dml_least");
            // a schema the role may not create in is refused naming the GRANT, before anything is made
            try (Connection su = DriverManager.getConnection(url, TestDatabases.USER, "")) {
                Sql.run(su, "CREATE SCHEMA foreign_dst");
            }
            Api.Reply refused = Api.post("/replications", maker(source, "snap", "ps.table_t", "foreign_dst.t", null)).expectError(400, "invalid_request");
            assertTrue(refused.json().getString("message").contains("GRANT USAGE, CREATE ON SCHEMA \"foreign_dst\" TO \"" + LEAST_ROLE + "\""), refused.body());
            assertEquals(List.of("0"), Sql.strings(d, "SELECT count(*) FROM mimeo.refresh_config WHERE dest_table = 'foreign_dst.t'"));
        } finally {
            Api.target(null);
        }
    }

    /** The undo of a failed initial load fails too (only the table's owner may drop the trigger): the answer keeps the load's error. */
    @Test
    void aFailedInitialLoadKeepsItsErrorWhenItsUndoFailsToo() throws Exception {
        try (Connection c = source(SOURCE_DB)) {
            Sql.run(c, "CREATE TABLE ps.boom (id int PRIMARY KEY, v text)", "INSERT INTO ps.boom SELECT g, 'b' || g FROM generate_series(1, 1000) g",
                    "CREATE FUNCTION ps.boom_check(i int) RETURNS boolean LANGUAGE plpgsql AS $$BEGIN IF i > 500 THEN RAISE EXCEPTION 'boom at row %', i;"
                            + " END IF; RETURN true; END$$",
                    // the rows are read only by the initial load: the policy fails it, not the maker's checks
                    "ALTER TABLE ps.boom ENABLE ROW LEVEL SECURITY", "CREATE POLICY boom ON ps.boom USING (ps.boom_check(id))",
                    "GRANT SELECT, TRIGGER ON ps.boom TO " + ROLE);
        }
        Api.Reply failed = Api.post("/replications", maker(sourceId, "dml", "ps.boom", "priv_dst.boom", null)).expectError(422, "source_error");
        String message = failed.json().getString("message");
        assertTrue(message.contains("The initial load of priv_dst.boom failed") && message.contains("boom at row"), message);
        assertTrue(message.contains("Removing what the maker had created failed too") && message.contains("DROP TRIGGER IF EXISTS"), message);
        assertEquals(List.of("priv_dst.boom"), Sql.destStrings("SELECT dest_table FROM mimeo.refresh_config WHERE dest_table = 'priv_dst.boom'"));
        try (Connection c = source(SOURCE_DB)) {
            Sql.run(c, "DROP POLICY boom ON ps.boom");
            for (String trigger : Sql.strings(c, "SELECT tgname FROM pg_trigger WHERE tgrelid = 'ps.boom'::regclass AND NOT tgisinternal")) {
                Sql.run(c, "DROP TRIGGER \"" + trigger + "\" ON ps.boom");
            }
        }
        Api.delete("/replications/" + Api.path("priv_dst.boom")).expect(204);
        assertEquals(List.of(), sourceObjects(SOURCE_DB, "ps.boom"));
        assertEquals(null, Sql.destString("SELECT to_regclass('priv_dst.boom')::text"));
    }
}
