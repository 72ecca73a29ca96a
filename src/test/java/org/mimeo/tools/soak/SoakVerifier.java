package org.mimeo.tools.soak;

import org.mimeo.tools.EmbeddedPg;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;

/**
 * Compares each destination with its source exactly: row count and the order-independent
 * {@code sum(hashtext(ROW(id, v, rev)::text))}. logdel: the rows {@code WHERE mimeo_source_deleted IS NULL}; the stamped
 * rows must all be keys gone from the source, and every initial key deleted from the source must be stamped (it was
 * in the destination since the maker's load). A key change is no delete: the trigger queues the old key as an
 * update, so its row leaves the destination unstamped; keys a writer tried to change are left out of that check.
 */
final class SoakVerifier {

    record Result(SoakTable table, boolean equal, String detail) {
    }

    private static final String SUMMARY = "SELECT count(*), coalesce(sum(hashtext(ROW(id, v, rev)::text)), 0) FROM ";

    private final EmbeddedPg source;
    private final EmbeddedPg dest;
    private final int initialRows;

    SoakVerifier(EmbeddedPg source, EmbeddedPg dest, int initialRows) {
        this.source = source;
        this.dest = dest;
        this.initialRows = initialRows;
    }

    Result verify(SoakTable t, Set<Long> movedKeys) throws SQLException {
        String live = t.logdel() ? " WHERE mimeo_source_deleted IS NULL" : "";
        long[] src = summary(source, SUMMARY + t.name());
        long[] dst = summary(dest, SUMMARY + t.name() + live);
        boolean equal = src[0] == dst[0] && src[1] == dst[1];
        String detail = equal
                ? String.format("equal: %d rows, hash %d", src[0], src[1])
                : String.format("DIFFERENT: source %d rows, hash %d; destination%s %d rows, hash %d", src[0], src[1],
                        t.logdel() ? " (live rows)" : "", dst[0], dst[1]);
        if (t.logdel()) {
            Set<Long> sourceIds = ids(source, "SELECT id FROM " + t.name());
            Set<Long> stamped = ids(dest, "SELECT id FROM " + t.name() + " WHERE mimeo_source_deleted IS NOT NULL");
            Set<Long> stampedButLive = new HashSet<>(stamped);
            stampedButLive.retainAll(sourceIds);
            long initialGone = 0;
            long initialGoneUnstamped = 0;
            for (long id = 1; id <= initialRows; id++) {
                if (!sourceIds.contains(id) && !movedKeys.contains(id)) {
                    initialGone++;
                    if (!stamped.contains(id)) {
                        initialGoneUnstamped++;
                    }
                }
            }
            boolean stampsOk = stampedButLive.isEmpty() && initialGoneUnstamped == 0;
            detail += String.format("; %d deleted rows stamped (%d of them still live on the source), %d initial keys deleted (%d not stamped)"
                    + ", %d keys changed",
                    stamped.size(), stampedButLive.size(), initialGone, initialGoneUnstamped, movedKeys.size());
            equal &= stampsOk;
        }
        return new Result(t, equal, detail);
    }

    private static long[] summary(EmbeddedPg pg, String sql) throws SQLException {
        try (Connection c = pg.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2)};
        }
    }

    private static Set<Long> ids(EmbeddedPg pg, String sql) throws SQLException {
        Set<Long> ids = new HashSet<>();
        try (Connection c = pg.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }
}
