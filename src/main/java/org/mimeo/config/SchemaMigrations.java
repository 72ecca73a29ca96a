package org.mimeo.config;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.mimeo.sql.Identifiers;

/**
 * Creates and upgrades schema {@code mimeo} with Flyway from the scripts in {@code db/migration}, its history in
 * {@code mimeo.flyway_schema_history}. Around Flyway's own lock, a session advisory lock that every Mimeo version
 * takes keeps two servers starting together (also an older and a newer one) from migrating at the same time.
 */
public final class SchemaMigrations {

    public static final String SCHEMA = "mimeo";
    private static final String LOCK = "SELECT pg_advisory_lock(hashtext('mimeo schema migration'))";
    private static final String UNLOCK = "SELECT pg_advisory_unlock(hashtext('mimeo schema migration'))";

    /** What a start-up found and did. */
    public record Outcome(String version, int applied) {
    }

    private SchemaMigrations() {
    }

    /** {@code lockSession} holds the advisory lock while Flyway migrates through {@code destination}. */
    public static Outcome migrate(DataSource destination, Connection lockSession) throws SQLException {
        try (Statement st = lockSession.createStatement()) {
            st.execute(LOCK);
            try {
                ensureSchema(lockSession);
                int legacy = legacyVersion(lockSession);
                MigrateResult result = flyway(destination, legacy).migrate();
                return new Outcome(result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion,
                        result.migrationsExecuted);
            } finally {
                st.execute(UNLOCK);
            }
        }
    }

    /**
     * Schema mimeo may already hold JBeret's job repository (created before Mimeo starts) or a schema made by the
     * hand-written runner of Mimeo 1.0 (mimeo.schema_version): Flyway baselines at 0 or at that runner's last
     * version, then applies the rest; V10 drops the old runner's table.
     */
    private static Flyway flyway(DataSource destination, int legacyVersion) {
        return Flyway.configure(SchemaMigrations.class.getClassLoader())
                .dataSource(destination)
                .schemas(SCHEMA)
                .createSchemas(false)
                .locations("classpath:db/migration")
                .baselineOnMigrate(true)
                .baselineVersion(Integer.toString(legacyVersion))
                .baselineDescription(legacyVersion == 0 ? "empty schema" : "schema_version " + legacyVersion + " of the hand-written runner")
                .load();
    }

    private static int legacyVersion(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("""
                     SELECT to_regclass('mimeo.schema_version') IS NOT NULL AND to_regclass('mimeo.flyway_schema_history') IS NULL""")) {
            rs.next();
            if (!rs.getBoolean(1)) {
                return 0;
            }
        }
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT coalesce(max(version), 0) FROM mimeo.schema_version")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /**
     * Creates schema mimeo only when it is missing: CREATE SCHEMA IF NOT EXISTS needs CREATE on the database
     * even when the schema exists, which a role that only owns a pre-created schema mimeo does not have.
     */
    private static void ensureSchema(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT current_user, current_database(), n.oid IS NOT NULL,
                       coalesce(pg_catalog.has_schema_privilege(n.oid, 'USAGE') AND pg_catalog.has_schema_privilege(n.oid, 'CREATE'), false),
                       pg_catalog.has_database_privilege(current_database(), 'CREATE')
                  FROM (SELECT 1) one LEFT JOIN pg_catalog.pg_namespace n ON n.nspname = 'mimeo'""");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            String role = Identifiers.quote(rs.getString(1));
            if (rs.getBoolean(3)) {
                if (!rs.getBoolean(4)) {
                    throw new SQLException("Mimeo's role " + role + " may not create in schema mimeo of the destination database; run as a superuser: "
                            + "ALTER SCHEMA mimeo OWNER TO " + role + " (or GRANT USAGE, CREATE ON SCHEMA mimeo TO " + role + ")");
                }
                return;
            }
            if (!rs.getBoolean(5)) {
                throw new SQLException("Schema mimeo does not exist in the destination database and Mimeo's role " + role + " may not create it;"
                        + " run as a superuser: CREATE SCHEMA mimeo AUTHORIZATION " + role + " (or GRANT CREATE ON DATABASE "
                        + Identifiers.quote(rs.getString(2)) + " TO " + role + ")");
            }
        }
        try (Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA mimeo");
        }
    }
}
