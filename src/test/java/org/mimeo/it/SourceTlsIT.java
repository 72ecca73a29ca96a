package org.mimeo.it;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mimeo.testsupport.Api;
import org.mimeo.testsupport.MimeoIT;
import org.mimeo.testsupport.Rows;
import org.mimeo.testsupport.SelfSignedCert;
import org.mimeo.testsupport.Sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sources over TLS. A third embedded PostgreSQL (port {@code mimeo.test.tls.port}, default 26533) runs with
 * {@code ssl=on} and a self-signed certificate made at test time, and its pg_hba lets the replication role
 * {@code tls_reader} in over {@code hostssl} only (scram-sha-256). Mimeo must reach it with
 * {@code sslmode=verify-full} and {@code sslrootcert} in both dataSource forms, and must refuse a server
 * whose certificate another root signed.
 */
class SourceTlsIT extends MimeoIT {

    static final int PORT = Integer.getInteger("mimeo.test.tls.port", 26533);
    static final String DB = "tls_source";
    static final String ROLE = "tls_reader";
    static final String SECRET = "tls-reader-secret-9f2";
    static final String COLUMNS = "id, label, amount";

    static Path dir;
    static SelfSignedCert server;
    static SelfSignedCert stranger;
    static EmbeddedPostgres pg;
    static final List<String> made = new ArrayList<>();
    static final List<Integer> registered = new ArrayList<>();

    @BeforeAll
    static void startTlsPostgres() throws Exception {
        dir = Path.of("target", "source-tls").toAbsolutePath();
        server = SelfSignedCert.create(dir, "server");
        stranger = SelfSignedCert.create(dir, "stranger");
        Path hba = dir.resolve("pg_hba.conf");
        // postgres (zonky's own start-up check, this test's set-up) may connect without TLS; tls_reader only with it
        Files.writeString(hba, String.join("\n",
                "local all all trust",
                "hostssl all " + ROLE + " 127.0.0.1/32 scram-sha-256",
                "hostssl all " + ROLE + " ::1/128 scram-sha-256",
                "host all " + ROLE + " all reject",
                "host all postgres 127.0.0.1/32 trust",
                "host all postgres ::1/128 trust", ""));
        pg = EmbeddedPostgres.builder()
                .setPort(PORT)
                .setDataDirectory(dir.resolve("data"))
                .setCleanDataDirectory(true)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("ssl", "on")
                .setServerConfig("ssl_cert_file", server.cert().toString())
                .setServerConfig("ssl_key_file", server.key().toString())
                .setServerConfig("hba_file", hba.toString())
                .setServerConfig("password_encryption", "scram-sha-256")
                .start();
        try (Connection c = pg.getPostgresDatabase().getConnection()) {
            Sql.run(c, "CREATE DATABASE " + DB, "CREATE ROLE " + ROLE + " LOGIN PASSWORD '" + SECRET + "'");
        }
        try (Connection c = pg.getDatabase("postgres", DB).getConnection()) {
            Sql.run(c, "CREATE SCHEMA tls_src",
                    "CREATE TABLE tls_src.t (id int PRIMARY KEY, label text, amount numeric(10,2))",
                    "INSERT INTO tls_src.t SELECT g, 'row ' || g, g * 1.25 FROM generate_series(1, 2500) g",
                    "ANALYZE tls_src.t",
                    "GRANT USAGE ON SCHEMA tls_src TO " + ROLE,
                    "GRANT SELECT ON ALL TABLES IN SCHEMA tls_src TO " + ROLE);
        }
        Sql.dest("DROP SCHEMA IF EXISTS tls_dst CASCADE", "CREATE SCHEMA tls_dst");
    }

    @AfterAll
    static void stopTlsPostgres() throws Exception {
        try {
            made.forEach(t -> Api.delete("/replications/" + Api.path(t)).expect(204));
            registered.forEach(id -> Api.delete("/sources/" + id).expect(204));
        } finally {
            if (pg != null) {
                pg.close();
            }
        }
    }

    /** The test's own connection as tls_reader, verifying the server like Mimeo must. */
    static Connection reader() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + PORT + "/" + DB + "?sslmode=verify-full&sslrootcert="
                + server.cert(), ROLE, SECRET);
    }

    static int register(String dataSource) {
        JsonObject created = Api.post("/sources", "{\"dataSource\": " + Api.quote(dataSource) + ", \"username\": \"" + ROLE
                + "\", \"password\": \"" + SECRET + "\"}").expect(201).json();
        assertFalse(created.toString().contains(SECRET), created::toString);
        registered.add(created.getInt("id"));
        return created.getInt("id");
    }

    /** Registers, checks, makes a snap replication and compares every row with the source. */
    static void replicatesOverTls(String dataSource, String destTable) throws Exception {
        int id = register(dataSource);
        JsonObject check = Api.post("/sources/" + id + "/check", null).expect(200).json();
        assertTrue(check.getBoolean("ok"), check::toString);
        assertTrue(check.getString("serverVersion").startsWith("17"), check::toString);
        Api.make("{\"type\": \"snap\", \"sourceId\": " + id + ", \"sourceTable\": \"tls_src.t\", \"destTable\": " + Api.quote(destTable) + "}");
        made.add(destTable);
        try (Connection c = reader()) {
            List<String> source = Rows.rows(c, COLUMNS, "tls_src.t");
            assertEquals(2500, source.size());
            assertEquals(source, Rows.destRows(COLUMNS, destTable));
        }
    }

    @Test
    void plainConnectionsOfTheReplicationRoleAreRefusedByTheServer() {
        SQLException refused = assertThrows(SQLException.class, () -> DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + PORT + "/" + DB + "?sslmode=disable", ROLE, SECRET).close());
        assertTrue(refused.getMessage().contains("no encryption"), refused.getMessage());
        int id = register("host=localhost port=" + PORT + " dbname=" + DB + " sslmode=disable");
        Api.Reply reply = Api.post("/sources/" + id + "/check", null).expectError(502, "source_unreachable");
        assertFalse(reply.body().contains(SECRET), reply.body());
    }

    @Test
    void conninfoWithVerifyFullAndSslrootcertReplicates() throws Exception {
        replicatesOverTls("host=localhost port=" + PORT + " dbname=" + DB + " sslmode=verify-full sslrootcert=" + server.cert()
                + " application_name=mimeo-tls-conninfo", "tls_dst.by_conninfo");
        assertOnlyTlsSessions("mimeo-tls-conninfo");
    }

    @Test
    void jdbcUrlWithVerifyFullAndSslrootcertReplicates() throws Exception {
        replicatesOverTls("jdbc:postgresql://localhost:" + PORT + "/" + DB + "?sslmode=verify-full&sslrootcert=" + server.cert()
                + "&connectTimeout=5&ApplicationName=mimeo-tls-jdbc", "tls_dst.by_jdbc");
        assertOnlyTlsSessions("mimeo-tls-jdbc");
    }

    /** Mimeo's pooled connections of that source are still open on the server: all of them encrypted. */
    static void assertOnlyTlsSessions(String applicationName) throws SQLException {
        try (Connection c = pg.getPostgresDatabase().getConnection()) {
            List<String> sessions = Rows.rows(c, "a.usename, s.ssl, s.version IS NOT NULL",
                    "pg_stat_activity a JOIN pg_stat_ssl s USING (pid) WHERE a.application_name = '" + applicationName + "'");
            assertFalse(sessions.isEmpty(), "no session of " + applicationName);
            assertTrue(sessions.stream().allMatch(s -> s.equals("(" + ROLE + ",t,t)")), sessions::toString);
        }
    }

    @Test
    void aServerCertificateFromAnotherRootIsSourceUnreachable() {
        for (String dataSource : List.of(
                "host=localhost port=" + PORT + " dbname=" + DB + " sslmode=verify-full sslrootcert=" + stranger.cert(),
                "jdbc:postgresql://localhost:" + PORT + "/" + DB + "?sslmode=verify-ca&sslrootcert=" + stranger.cert())) {
            int id = register(dataSource);
            Api.Reply reply = Api.post("/sources/" + id + "/check", null).expectError(502, "source_unreachable");
            assertFalse(reply.body().contains(SECRET), reply.body());
            Api.post("/replications", "{\"type\": \"snap\", \"sourceId\": " + id + ", \"sourceTable\": \"tls_src.t\", \"destTable\": \"tls_dst.never\"}")
                    .expectError(502, "source_unreachable");
        }
    }

    @Test
    void refusedConnectionPropertiesAre400AndCreateNoSource() throws Exception {
        int sources = Api.get("/sources").expect(200).array().size();
        String rows = Sql.destString("SELECT count(*) FROM mimeo.dblink_mapping");
        Path log = dir.resolve("pgjdbc-written.log");
        String url = "jdbc:postgresql://localhost:" + PORT + "/" + DB + "?sslmode=require&";
        List<String> refused = List.of(
                url + "socketFactory=org.springframework.context.support.ClassPathXmlApplicationContext&socketFactoryArg=http://example.invalid/x.xml",
                url + "sslfactory=org.postgresql.ssl.NonValidatingFactory",
                url + "authenticationPluginClassName=org.example.AuthPlugin",
                url + "loggerFile=" + log + "&loggerLevel=TRACE",
                url + "sslhostnameverifier=org.example.AnyHost",
                url + "host=elsewhere.invalid",
                "host=localhost port=" + PORT + " dbname=" + DB + " service=evil");
        for (String dataSource : refused) {
            String property = dataSource.startsWith("jdbc:") ? dataSource.substring(url.length(), dataSource.indexOf('=', url.length())) : "service";
            Api.Reply reply = Api.post("/sources", "{\"dataSource\": " + Api.quote(dataSource) + ", \"username\": \"" + ROLE + "\"}")
                    .expectError(400, "invalid_request");
            String message = reply.json().getString("message");
            assertTrue(message.contains("'" + property + "'") && message.contains("sslrootcert"), message);
        }
        assertEquals(sources, Api.get("/sources").expect(200).array().size());
        assertEquals(rows, Sql.destString("SELECT count(*) FROM mimeo.dblink_mapping"));
        assertEquals("0", Sql.destString("SELECT count(*) FROM mimeo.dblink_mapping WHERE data_source ~* 'factory|plugin|logger|verifier|service|elsewhere'"));
        assertFalse(Files.exists(log));

        // an existing source cannot be edited into one either
        int id = register("host=localhost port=" + PORT + " dbname=" + DB + " sslmode=require");
        Api.put("/sources/" + id, "{\"dataSource\": " + Api.quote(url + "sslfactory=org.postgresql.ssl.NonValidatingFactory") + ", \"username\": \""
                + ROLE + "\"}").expectError(400, "invalid_request");
        assertEquals("host=localhost port=" + PORT + " dbname=" + DB + " sslmode=require",
                Api.get("/sources/" + id).expect(200).json().getString("dataSource"));
    }

    @Test
    void allowedConnectionPropertiesRegisterAndCheck() {
        for (String dataSource : List.of(
                "jdbc:postgresql://localhost:" + PORT + "/" + DB + "?sslmode=require&connectTimeout=5&socketTimeout=60&tcpKeepAlive=true&ApplicationName=mimeo-allowed",
                "host=localhost port=" + PORT + " dbname=" + DB + " sslmode=require connect_timeout=5 keepalives=1 target_session_attrs=read-write"
                        + " application_name='mimeo allowed'")) {
            int id = register(dataSource);
            assertTrue(Api.post("/sources/" + id + "/check", null).expect(200).json().getBoolean("ok"));
        }
    }
}
