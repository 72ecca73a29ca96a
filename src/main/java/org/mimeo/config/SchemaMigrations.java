package org.mimeo.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mimeo.sql.Identifiers;

/**
 * Creates and upgrades schema {@code mimeo} from the numbered scripts in {@code db/migration}
 * (listed in {@code index.txt}), each applied once, in order, in one transaction with its version
 * row. An advisory lock keeps two servers starting together from migrating at the same time.
 */
public final class SchemaMigrations {

    private static final Pattern NAME = Pattern.compile("V(\\d+)__(.+)\\.sql");
    private static final String BASE = "db/migration/";

    private SchemaMigrations() {
    }

    /** Returns {current version, scripts applied now}. */
    public static int[] migrate(Connection c) throws SQLException, IOException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            st.execute("SELECT pg_advisory_xact_lock(hashtext('mimeo schema migration'))");
            ensureSchema(c);
            st.execute("""
                    CREATE TABLE IF NOT EXISTS mimeo.schema_version (
                        version integer PRIMARY KEY,
                        script text NOT NULL,
                        installed_at timestamptz NOT NULL DEFAULT now())""");
            int current = currentVersion(c);
            int applied = 0;
            for (String script : scripts()) {
                Matcher m = NAME.matcher(script);
                if (!m.matches()) {
                    throw new IllegalStateException("badly named migration " + script);
                }
                int version = Integer.parseInt(m.group(1));
                if (version <= current) {
                    continue;
                }
                st.execute(read(BASE + script));
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO mimeo.schema_version (version, script) VALUES (?, ?)")) {
                    ps.setInt(1, version);
                    ps.setString(2, script);
                    ps.executeUpdate();
                }
                current = version;
                applied++;
            }
            c.commit();
            return new int[] {current, applied};
        } catch (SQLException | IOException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
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

    private static int currentVersion(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT coalesce(max(version), 0) FROM mimeo.schema_version")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static List<String> scripts() throws IOException {
        return read(BASE + "index.txt").lines().map(String::strip).filter(s -> !s.isEmpty() && !s.startsWith("#")).toList();
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = SchemaMigrations.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
