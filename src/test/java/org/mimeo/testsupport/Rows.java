package org.mimeo.testsupport;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Data comparisons between the source and destination databases. */
public final class Rows {

    private Rows() {
    }

    /** Every row of a query rendered as text, sorted: {@code SELECT <columns> FROM <from>}. */
    public static List<String> rows(Connection c, String columns, String from) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT ROW(" + columns + ")::text AS r FROM " + from + " ORDER BY 1")) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }

    public static List<String> sourceRows(String columns, String from) throws SQLException {
        try (Connection c = TestDatabases.source()) {
            return rows(c, columns, from);
        }
    }

    public static List<String> destRows(String columns, String from) throws SQLException {
        try (Connection c = TestDatabases.dest()) {
            return rows(c, columns, from);
        }
    }

    /** Asserts the destination relation holds exactly the source rows (same columns, same values, same multiplicity). */
    public static void assertSame(String columns, String sourceFrom, String destFrom) throws SQLException {
        List<String> source = sourceRows(columns, sourceFrom);
        List<String> dest = destRows(columns, destFrom);
        assertEquals(source.size(), dest.size(), "row count of " + destFrom + " vs " + sourceFrom);
        assertEquals(source, dest, "rows of " + destFrom + " vs " + sourceFrom);
    }

    /** Count, distinct keys and an order-independent hash of all rows: for tables too big to compare row by row. */
    public static String fingerprint(Connection c, String relation, String key) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*), count(DISTINCT " + key + "), coalesce(sum(hashtext(t::text)::bigint), 0) FROM "
                     + relation + " t")) {
            rs.next();
            return rs.getLong(1) + " rows, " + rs.getLong(2) + " distinct keys, hash " + rs.getLong(3);
        }
    }

    public static long count(Connection c, String relation) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM " + relation)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
