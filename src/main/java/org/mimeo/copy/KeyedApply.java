package org.mimeo.copy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;
import org.mimeo.sql.Identifiers;

/**
 * Applies a block by key, set-wise: COPY the block into a temporary staging table, delete the
 * target's rows with the same keys, insert the staged rows. Three statements per block, never one per row.
 */
final class KeyedApply {

    private static final String STAGE = Identifiers.quote("mimeo$stage");

    private KeyedApply() {
    }

    static long apply(Connection source, CopyTask task, CopySpec spec, Connection dest) throws SQLException {
        String columns = Identifiers.quoteAll(spec.columns().stream().map(c -> c.name()).toList());
        try (Statement st = dest.createStatement()) {
            st.execute("DROP TABLE IF EXISTS pg_temp." + STAGE);
            st.execute("CREATE TEMPORARY TABLE " + STAGE + " ON COMMIT DROP AS SELECT " + columns + " FROM " + spec.target().sql() + " WITH NO DATA");
        }
        String copyIn = "COPY pg_temp." + STAGE + " (" + columns + ") FROM STDIN" + (spec.binary() ? " (FORMAT binary)" : "");
        long staged = CopyPipe.pipe(source, task.copyOutSql(), dest, copyIn);
        if (staged == 0) {
            return 0;
        }
        try (Statement st = dest.createStatement()) {
            st.execute("ANALYZE pg_temp." + STAGE);
            st.executeUpdate("DELETE FROM " + spec.target().sql() + " AS t USING pg_temp." + STAGE + " AS s WHERE " + keyMatch(spec.keyColumns()));
            st.executeUpdate("INSERT INTO " + spec.target().sql() + " (" + columns + ") SELECT " + columns + " FROM pg_temp." + STAGE);
        }
        return staged;
    }

    private static String keyMatch(List<String> keys) {
        return keys.stream().map(Identifiers::quote).map(k -> "t." + k + " = s." + k).collect(Collectors.joining(" AND "));
    }
}
