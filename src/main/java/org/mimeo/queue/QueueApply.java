package org.mimeo.queue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;
import org.mimeo.copy.Block;
import org.mimeo.copy.BlockApply;
import org.mimeo.copy.CopyPipe;
import org.mimeo.copy.CopySpec;
import org.mimeo.copy.CopyTask;
import org.mimeo.sql.ConditionText;
import org.mimeo.sql.Identifiers;
import org.mimeo.sql.QualifiedName;

/**
 * Replays a block of queue entries, set-wise: the distinct keys are COPYed into a staging table, the
 * destination's rows of those keys deleted, and the source's current rows of those keys (condition
 * applied) COPYed in. For logdel, keys that no longer exist on the source come back as their last
 * row image with {@code mimeo_source_deleted} set to when the delete was seen; a key deleted and
 * inserted again before the refresh simply ends as the live row.
 */
final class QueueApply implements BlockApply {

    static final String DELETED_COLUMN = "mimeo_source_deleted";
    private static final String KEYS = Identifiers.quote("mimeo$keys");

    private final QualifiedName queue;
    private final boolean logdel;

    QueueApply(QualifiedName queue, boolean logdel) {
        this.queue = queue;
        this.logdel = logdel;
    }

    @Override
    public long apply(Connection source, CopyTask task, CopySpec spec, Connection dest) throws SQLException {
        Block.QueueRange range = (Block.QueueRange) task.source();
        List<String> key = spec.keyColumns();
        String keyList = Identifiers.quoteAll(key);
        String entries = queue.sql() + " AS q WHERE (q.mimeo_xid, q.mimeo_id) > " + new QueuePosition(range.fromXid(), range.fromId()).sql()
                + " AND (q.mimeo_xid, q.mimeo_id) <= " + new QueuePosition(range.toXid(), range.toId()).sql();
        String binary = spec.binary() ? " (FORMAT binary)" : "";
        try (Statement st = dest.createStatement()) {
            st.execute("DROP TABLE IF EXISTS pg_temp." + KEYS);
            st.execute("CREATE TEMPORARY TABLE " + KEYS + " ON COMMIT DROP AS SELECT " + keyList + " FROM " + spec.target().sql() + " WITH NO DATA");
        }
        long keys = CopyPipe.pipe(source, "COPY (SELECT DISTINCT " + qualified("q", key) + " FROM " + entries + ") TO STDOUT" + binary,
                dest, "COPY pg_temp." + KEYS + " (" + keyList + ") FROM STDIN" + binary);
        if (keys == 0) {
            return 0;
        }
        try (Statement st = dest.createStatement()) {
            st.execute("ANALYZE pg_temp." + KEYS);
            st.executeUpdate("DELETE FROM " + spec.target().sql() + " AS t USING pg_temp." + KEYS + " AS k WHERE " + match("t", "k", key));
        }
        String columns = Identifiers.quoteAll(spec.columns().stream().map(c -> c.name()).toList());
        String src = spec.sourceTable().sql();
        String live = "SELECT " + columns + " FROM (SELECT " + spec.columns().stream().map(c -> src + "." + Identifiers.quote(c.name()))
                .collect(Collectors.joining(", ")) + " FROM " + src + ConditionText.sql(spec.condition()) + ") AS s"
                + " WHERE (" + qualified("s", key) + ") IN (SELECT " + qualified("q", key) + " FROM " + entries + ")";
        long rows = CopyPipe.pipe(source, "COPY (" + live + ") TO STDOUT" + binary, dest,
                "COPY " + spec.target().sql() + " (" + columns + ") FROM STDIN" + binary);
        if (logdel) {
            String gone = "SELECT DISTINCT ON (" + qualified("q", key) + ") " + qualified("q", spec.columns().stream().map(c -> c.name()).toList())
                    + ", q.mimeo_at FROM " + entries + " AND q.mimeo_op = 'D' AND NOT EXISTS (SELECT 1 FROM " + src + " AS s WHERE "
                    + match("s", "q", key) + ") ORDER BY " + qualified("q", key) + ", q.mimeo_xid DESC, q.mimeo_id DESC";
            rows += CopyPipe.pipe(source, "COPY (" + gone + ") TO STDOUT" + binary, dest,
                    "COPY " + spec.target().sql() + " (" + columns + ", " + Identifiers.quote(DELETED_COLUMN) + ") FROM STDIN" + binary);
        }
        return rows;
    }

    private static String qualified(String alias, List<String> columns) {
        return columns.stream().map(c -> alias + "." + Identifiers.quote(c)).collect(Collectors.joining(", "));
    }

    private static String match(String left, String right, List<String> key) {
        return key.stream().map(Identifiers::quote).map(k -> left + "." + k + " = " + right + "." + k).collect(Collectors.joining(" AND "));
    }
}
