package org.mimeo.it;

import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mimeo.testsupport.Api;
import org.mimeo.testsupport.MimeoIT;
import org.mimeo.testsupport.Rows;
import org.mimeo.testsupport.ServerProcess;
import org.mimeo.testsupport.Sql;
import org.mimeo.testsupport.TestDatabases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Source passwords are stored encrypted with a key outside the database, plain rows of an older version
 * are encrypted at start-up, a stored password never follows a source to another target, and a server
 * started without the test switch refuses the test hooks.
 */
class SourceSecretsIT extends MimeoIT {

    /** The provisioned target/server started as in production: no -Dmimeo.testHooks. */
    static final ServerProcess PRODUCTION = new ServerProcess(230, "no-hooks", false);

    @BeforeAll
    static void setUp() throws Exception {
        Sql.source("DROP SCHEMA IF EXISTS secret_src CASCADE", "CREATE SCHEMA secret_src",
                "CREATE TABLE secret_src.t (id int PRIMARY KEY, v text)", "INSERT INTO secret_src.t SELECT g, 'v' || g FROM generate_series(1, 300) g");
        Sql.dest("DROP SCHEMA IF EXISTS secret_dst CASCADE", "CREATE SCHEMA secret_dst");
    }

    @AfterAll
    static void tearDown() {
        Api.target(null);
        PRODUCTION.close();
    }

    private static String sourceBody(String dataSource, String username, String passwordJson) {
        return "{\"dataSource\": " + Api.quote(dataSource) + ", \"username\": " + Api.quote(username)
                + (passwordJson == null ? "" : ", \"password\": " + passwordJson) + "}";
    }

    private static String testSource() {
        return "host=" + TestDatabases.sourceHost() + " port=" + TestDatabases.sourcePort() + " dbname=" + TestDatabases.sourceDb();
    }

    private static String storedPassword(int id) throws Exception {
        return Sql.destString("SELECT coalesce(pwd, '-') || ' ' || pwd_encrypted FROM mimeo.dblink_mapping WHERE data_source_id = " + id);
    }

    /** Every text-like column of every table in the destination database (Mimeo's schema, the job repository, replicated tables). */
    private static long rowsHolding(String secret) throws Exception {
        List<String> columns = Sql.destStrings("""
                SELECT format('SELECT count(*) FROM %I.%I WHERE %s LIKE %L', n.nspname, c.relname,
                              CASE WHEN t.typname = 'bytea' THEN format('encode(%I, ''escape'')', a.attname) ELSE format('%I::text', a.attname) END,
                              '%%' || '""" + secret + """
                ' || '%%')
                  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                  JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
                  JOIN pg_type t ON t.oid = a.atttypid
                 WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
                   AND t.typname IN ('text', 'varchar', 'bpchar', 'name', 'json', 'jsonb', 'bytea', '_text', '_varchar', 'xml')""");
        assertTrue(columns.size() > 20, "the scan must cover mimeo's and the job repository's columns: " + columns);
        long total = 0;
        for (String query : columns) {
            total += Long.parseLong(Sql.destString(query));
        }
        return total;
    }

    @Test
    void aRegisteredPasswordIsNowhereInPlainText() throws Exception {
        String secret = "pw-" + UUID.randomUUID();
        JsonObject created = Api.post("/sources", sourceBody(testSource(), "postgres", Api.quote(secret))).expect(201).json();
        int id = created.getInt("id");
        assertFalse(created.toString().contains(secret));
        assertTrue(created.getBoolean("hasPassword"));
        assertFalse(Api.get("/sources/" + id).expect(200).body().contains(secret));
        assertTrue(storedPassword(id).startsWith("aes-gcm:"), storedPassword(id));
        assertTrue(storedPassword(id).endsWith(" true"), storedPassword(id));
        // the password is used: a check, a maker with its initial load and a refresh all go through the source
        Api.post("/sources/" + id + "/check", null).expect(200);
        Api.make("{\"type\": \"snap\", \"sourceId\": " + id + ", \"sourceTable\": \"secret_src.t\", \"destTable\": \"secret_dst.t\"}");
        Api.refreshCompleted("secret_dst.t", "{\"checkStats\": false}");
        Rows.assertSame("id, v", "secret_src.t", "secret_dst.t");
        assertEquals(0, rowsHolding(secret), "the destination database holds the password in plain text");
        Path server = Path.of(System.getProperty("mimeo.test.jbossHome", "target/test-server"), "standalone");
        assertFalse(Files.readString(server.resolve("log/server.log")).contains(secret), "the server log holds the password");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(server.resolve("configuration/mimeo-secrets.cs"))),
                "the key store must be readable by the server's user only");
        Api.delete("/replications/" + Api.path("secret_dst.t")).expect(204);
        Api.delete("/sources/" + id).expect(204);
    }

    @Test
    void aStoredPasswordIsKeptOnlyForTheSameTarget() throws Exception {
        int id = Api.post("/sources", sourceBody(testSource(), "postgres", "\"first-secret\"")).expect(201).json().getInt("id");
        String stored = storedPassword(id);

        JsonObject same = Api.put("/sources/" + id, sourceBody(testSource(), "postgres", null)).expect(200).json();
        assertTrue(same.getBoolean("hasPassword"));
        assertEquals(stored, storedPassword(id), "an edit without a password keeps the stored one");

        String otherPort = "host=" + TestDatabases.sourceHost() + " port=" + (TestDatabases.sourcePort() + 1) + " dbname=" + TestDatabases.sourceDb();
        Api.put("/sources/" + id, sourceBody(otherPort, "postgres", null)).expectError(400, "invalid_request");
        Api.put("/sources/" + id, sourceBody(testSource(), "another_role", null)).expectError(400, "invalid_request");
        Api.put("/sources/" + id, sourceBody(testSource().replace("dbname=", "dbname=other_"), "postgres", null)).expectError(400, "invalid_request");
        String jdbcOtherHost = "jdbc:postgresql://127.0.0.2:" + TestDatabases.sourcePort() + "/" + TestDatabases.sourceDb();
        Api.put("/sources/" + id, sourceBody(jdbcOtherHost, "postgres", null)).expectError(400, "invalid_request");
        assertEquals(stored, storedPassword(id), "a refused edit changed the stored password");
        assertEquals(testSource() + " postgres", Sql.destString("SELECT data_source || ' ' || username FROM mimeo.dblink_mapping WHERE data_source_id = " + id));

        // the same target written as a JDBC URL is the same target
        String jdbcSame = "jdbc:postgresql://" + TestDatabases.sourceHost() + ":" + TestDatabases.sourcePort() + "/" + TestDatabases.sourceDb();
        Api.put("/sources/" + id, sourceBody(jdbcSame, "postgres", null)).expect(200);
        assertEquals(stored, storedPassword(id));

        Api.put("/sources/" + id, sourceBody(otherPort, "postgres", "\"second-secret\"")).expect(200);
        assertNotEquals(stored, storedPassword(id));
        assertTrue(storedPassword(id).startsWith("aes-gcm:"));

        JsonObject cleared = Api.put("/sources/" + id, sourceBody(otherPort, "postgres", "null")).expect(200).json();
        assertFalse(cleared.getBoolean("hasPassword"));
        assertEquals("- false", storedPassword(id));
        Api.delete("/sources/" + id).expect(204);
    }

    @Test
    void aServerWithoutTheTestSwitchEncryptsOldPlainPasswordsAndRefusesTestHooks() throws Exception {
        String legacy = "legacy-plain-" + UUID.randomUUID();
        int id = Integer.parseInt(Sql.destString("INSERT INTO mimeo.dblink_mapping (data_source, username, pwd, pwd_encrypted) VALUES ('"
                + testSource() + "', 'postgres', '" + legacy + "', false) RETURNING data_source_id"));
        PRODUCTION.start();
        try {
            assertTrue(storedPassword(id).startsWith("aes-gcm:"), storedPassword(id));
            assertEquals(0, rowsHolding(legacy));
            assertTrue(Files.readString(PRODUCTION.log().toPath()).contains("MIMEO001041"), "no log line about the encrypted passwords");
            assertFalse(Files.readString(PRODUCTION.log().toPath()).contains("MIMEO001040"), "test hooks are on without the switch");

            Api.target(PRODUCTION.apiBase());
            Api.post("/sources/" + id + "/check", null).expect(200);
            Api.make("{\"type\": \"snap\", \"sourceId\": " + id + ", \"sourceTable\": \"secret_src.t\", \"destTable\": \"secret_dst.hooks\"}");
            Rows.assertSame("id, v", "secret_src.t", "secret_dst.hooks");
            for (String hook : List.of("{\"faultAfterBlocks\": 1, \"faultKind\": \"halt\"}", "{\"faultAfterBlocks\": 1}",
                    "{\"clock\": \"2026-03-08T06:15:00Z\"}", "{\"blockRows\": 10}")) {
                Api.Reply refused = Api.post("/replications/" + Api.path("secret_dst.hooks") + "/refresh", hook).expectError(400, "invalid_request");
                assertTrue(refused.json().getString("message").contains("Unknown field"), refused.body());
            }
            assertEquals("1", Sql.destString("SELECT count(*) FROM mimeo.job_run WHERE dest_table = 'secret_dst.hooks'"),
                    "a refused refresh must not start a job");
            assertEquals("pong", Api.get("/ping").expect(200).body().strip(), "the server must still run");
            Api.delete("/replications/" + Api.path("secret_dst.hooks")).expect(204);
        } finally {
            Api.target(null);
        }
    }
}
