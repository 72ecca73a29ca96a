package org.mimeo.testsupport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Runs SQL on the test databases. Source writes wait until PostgreSQL's statistics show them (snap's skip check reads them). */
public final class Sql {

    private Sql() {
    }

    public static void source(String... statements) throws SQLException {
        try (Connection c = TestDatabases.source()) {
            run(c, statements);
        }
    }

    public static void dest(String... statements) throws SQLException {
        try (Connection c = TestDatabases.dest()) {
            run(c, statements);
        }
    }

    /** Statements only a superuser may run on the destination (creating roles). */
    public static void destSuperuser(String... statements) throws SQLException {
        try (Connection c = TestDatabases.destSuperuser()) {
            run(c, statements);
        }
    }

    /** Writes on the source, then waits until the table's write counters are flushed to the statistics system. */
    public static void sourceWrite(String table, String... statements) throws SQLException {
        long before = writes(table);
        try (Connection c = TestDatabases.source()) {
            run(c, statements);
            run(c, "SELECT pg_stat_force_next_flush()");
            run(c, "SELECT 1");
        }
        long deadline = System.currentTimeMillis() + 15_000;
        while (writes(table) == before && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static long writes(String table) throws SQLException {
        try (Connection c = TestDatabases.source();
             PreparedStatement ps = c.prepareStatement("SELECT coalesce(n_tup_ins + n_tup_upd + n_tup_del, -1) FROM pg_stat_all_tables WHERE relid = to_regclass(?)")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : -1;
            }
        }
    }

    public static void run(Connection c, String... statements) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (String s : statements) {
                st.execute(s);
            }
        }
    }

    public static List<String> destStrings(String query) throws SQLException {
        try (Connection c = TestDatabases.dest()) {
            return strings(c, query);
        }
    }

    public static List<String> sourceStrings(String query) throws SQLException {
        try (Connection c = TestDatabases.source()) {
            return strings(c, query);
        }
    }

    public static List<String> strings(Connection c, String query) throws SQLException {
        List<String> result = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(query)) {
            while (rs.next()) {
                result.add(rs.getString(1));
            }
        }
        return result;
    }

    public static String destString(String query) throws SQLException {
        List<String> r = destStrings(query);
        return r.isEmpty() ? null : r.get(0);
    }
}
