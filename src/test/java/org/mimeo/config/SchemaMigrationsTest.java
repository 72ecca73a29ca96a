package org.mimeo.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** Flyway brings schema mimeo up to date on a fresh database, next to JBeret's tables, and on a 1.0 schema; as a non-superuser. */
class SchemaMigrationsTest {

    private static final Path SCRIPTS = Path.of("src/main/resources/db/migration");
    private static EmbeddedPostgres pg;
    private static int databases;

    @BeforeAll
    static void start() throws IOException {
        pg = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stop() throws IOException {
        pg.close();
    }

    @Test
    void aFreshDatabaseGetsEveryMigrationOnce() throws Exception {
        DataSource ds = newDatabase();
        SchemaMigrations.Outcome first = migrate(ds);
        assertEquals(scriptCount(), first.applied());
        assertEquals(Integer.toString(scriptCount()), first.version());
        assertTrue(exists(ds, "mimeo.refresh_config_snap"));
        assertFalse(exists(ds, "mimeo.schema_version"));
        SchemaMigrations.Outcome second = migrate(ds);
        assertEquals(0, second.applied());
        assertEquals(first.version(), second.version());
    }

    @Test
    void jberetTablesAlreadyInSchemaMimeoAreLeftAlone() throws Exception {
        DataSource ds = newDatabase();
        execute(ds, "CREATE SCHEMA mimeo", "CREATE TABLE mimeo.job_instance (jobinstanceid bigint PRIMARY KEY)",
                "INSERT INTO mimeo.job_instance VALUES (7)");
        SchemaMigrations.Outcome outcome = migrate(ds);
        assertEquals(scriptCount(), outcome.applied());
        assertEquals(1L, single(ds, "SELECT count(*) FROM mimeo.job_instance WHERE jobinstanceid = 7"));
        assertEquals(1L, single(ds, "SELECT count(*) FROM mimeo.flyway_schema_history WHERE type = 'BASELINE' AND version = '0'"));
    }

    @Test
    void aSchemaOfTheHandWrittenRunnerIsBaselinedAndKeepsItsRows() throws Exception {
        DataSource ds = newDatabase();
        List<Path> legacy = scripts().stream().filter(p -> version(p) <= 9).toList();
        execute(ds, "CREATE SCHEMA mimeo", "CREATE TABLE mimeo.schema_version (version integer PRIMARY KEY, script text NOT NULL,"
                + " installed_at timestamptz NOT NULL DEFAULT now())");
        for (Path script : legacy) {
            execute(ds, Files.readString(script), "INSERT INTO mimeo.schema_version (version, script) VALUES (" + version(script) + ", '"
                    + script.getFileName() + "')");
        }
        execute(ds, "INSERT INTO mimeo.dblink_mapping (data_source, username) VALUES ('host=h dbname=d', 'u')");

        SchemaMigrations.Outcome outcome = migrate(ds);

        assertEquals(scriptCount() - legacy.size(), outcome.applied());
        assertEquals(Integer.toString(scriptCount()), outcome.version());
        assertFalse(exists(ds, "mimeo.schema_version"));
        assertEquals(1L, single(ds, "SELECT count(*) FROM mimeo.dblink_mapping WHERE username = 'u'"));
        assertEquals(1L, single(ds, "SELECT count(*) FROM mimeo.flyway_schema_history WHERE type = 'BASELINE' AND version = '9'"));
    }

    @Test
    void twoServersStartingTogetherMigrateOnce() throws Exception {
        DataSource ds = newDatabase();
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            List<Future<SchemaMigrations.Outcome>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(two.submit(() -> migrate(ds)));
            }
            int applied = 0;
            for (Future<SchemaMigrations.Outcome> run : runs) {
                applied += run.get(120, TimeUnit.SECONDS).applied();
            }
            assertEquals(scriptCount(), applied);
            assertEquals((long) scriptCount(), single(ds, "SELECT count(*) FROM mimeo.flyway_schema_history WHERE type = 'SQL' AND success"));
        } finally {
            two.shutdownNow();
        }
    }

    private static SchemaMigrations.Outcome migrate(DataSource ds) throws SQLException {
        try (Connection lock = ds.getConnection()) {
            return SchemaMigrations.migrate(ds, lock);
        }
    }

    /** A database owned by a role that is no superuser and may not create databases, as the README sets Mimeo up. */
    private static DataSource newDatabase() throws SQLException {
        String name = "m" + (++databases);
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE ROLE " + name + " LOGIN PASSWORD 'pw' NOSUPERUSER NOCREATEDB NOCREATEROLE");
            st.execute("CREATE DATABASE " + name + " OWNER " + name);
        }
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setServerNames(new String[] {"localhost"});
        ds.setPortNumbers(new int[] {pg.getPort()});
        ds.setDatabaseName(name);
        ds.setUser(name);
        ds.setPassword("pw");
        return ds;
    }

    private static void execute(DataSource ds, String... statements) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        }
    }

    private static boolean exists(DataSource ds, String table) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT to_regclass('" + table + "') IS NOT NULL")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    private static long single(DataSource ds, String query) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<Path> scripts() throws IOException {
        try (Stream<Path> files = Files.list(SCRIPTS)) {
            return files.filter(p -> p.getFileName().toString().matches("V\\d+__.+\\.sql"))
                    .sorted((a, b) -> Integer.compare(version(a), version(b))).toList();
        }
    }

    private static int scriptCount() throws IOException {
        return scripts().size();
    }

    private static int version(Path script) {
        String name = script.getFileName().toString();
        return Integer.parseInt(name.substring(1, name.indexOf("__")));
    }
}
