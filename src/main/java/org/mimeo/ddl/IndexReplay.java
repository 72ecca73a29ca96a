package org.mimeo.ddl;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.mimeo.source.SourceIndex;
import org.mimeo.sql.Identifiers;
import org.mimeo.sql.QualifiedName;

/**
 * Re-creates a source table's indexes on a destination table with their real definitions (access
 * method, column order, expressions, predicates). A primary key becomes a primary key constraint.
 * With a column filter only the primary key is replayed, and only when all its columns are kept,
 * because other indexes may reference columns that were filtered out.
 */
public final class IndexReplay {

    private IndexReplay() {
    }

    public static int replay(Connection c, List<SourceIndex> indexes, QualifiedName sourceTable, QualifiedName target,
                             boolean filtered, Set<String> keptColumns) throws SQLException {
        int created = 0;
        for (SourceIndex index : indexes) {
            if (index.primary()) {
                if (keptColumns.containsAll(index.columns())) {
                    DestinationDdl.execute(c, "ALTER TABLE " + target.sql() + " ADD CONSTRAINT "
                            + Identifiers.quote(indexName(target.table() + "_pkey", target.table())) + " PRIMARY KEY ("
                            + Identifiers.quoteAll(index.columns()) + ")");
                    created++;
                }
                continue;
            }
            if (filtered) {
                continue;
            }
            String name = index.name().contains(sourceTable.table())
                    ? index.name().replace(sourceTable.table(), target.table())
                    : target.table() + "_" + index.name();
            DestinationDdl.execute(c, "CREATE " + (index.unique() ? "UNIQUE " : "") + "INDEX "
                    + Identifiers.quote(indexName(name, index.name())) + " ON " + target.sql() + " " + index.method());
            created++;
        }
        return created;
    }

    /** The wanted name if it fits in 63 bytes, else a shortened one made unique by a hash of the wanted name and its origin. */
    static String indexName(String wanted, String origin) {
        if (wanted.getBytes(StandardCharsets.UTF_8).length <= QualifiedName.MAX_IDENTIFIER_BYTES) {
            return wanted;
        }
        String suffix = "_" + hash(wanted + "|" + origin);
        return Identifiers.truncateForSuffix(wanted, suffix) + suffix;
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
