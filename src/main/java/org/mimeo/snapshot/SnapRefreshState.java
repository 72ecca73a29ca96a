package org.mimeo.snapshot;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.mimeo.source.WriteStats;

/**
 * mimeo.snap_refresh_state: what a snap refresh's prepare step decided, kept in the database so the
 * swap step of the same (possibly restarted) execution can use it.
 */
record SnapRefreshState(WriteStats stats, boolean rebuilt) {

    static Optional<SnapRefreshState> load(Connection c, String destTable) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT n_tup_ins, n_tup_upd, n_tup_del, rebuilt FROM mimeo.snap_refresh_state WHERE dest_table = ?")) {
            ps.setString(1, destTable);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                long ins = rs.getLong(1);
                WriteStats stats = rs.wasNull() ? null : new WriteStats(ins, rs.getLong(2), rs.getLong(3));
                return Optional.of(new SnapRefreshState(stats, rs.getBoolean(4)));
            }
        }
    }

    void save(Connection c, String destTable) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO mimeo.snap_refresh_state (dest_table, n_tup_ins, n_tup_upd, n_tup_del, rebuilt) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (dest_table) DO UPDATE SET n_tup_ins = excluded.n_tup_ins, n_tup_upd = excluded.n_tup_upd,
                       n_tup_del = excluded.n_tup_del, rebuilt = excluded.rebuilt""")) {
            ps.setString(1, destTable);
            ps.setObject(2, stats == null ? null : stats.inserted());
            ps.setObject(3, stats == null ? null : stats.updated());
            ps.setObject(4, stats == null ? null : stats.deleted());
            ps.setBoolean(5, rebuilt);
            ps.executeUpdate();
        }
    }

    static void clear(Connection c, String destTable) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM mimeo.snap_refresh_state WHERE dest_table = ?")) {
            ps.setString(1, destTable);
            ps.executeUpdate();
        }
    }
}
