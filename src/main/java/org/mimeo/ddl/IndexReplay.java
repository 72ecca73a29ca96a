package org.mimeo.ddl;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.mimeo.source.SourceIndex;
import org.mimeo.sql.Identifiers;
import org.mimeo.sql.QualifiedName;

/**
 * Re-creates a source table's indexes on a destination table from their catalog parts (see
 * {@link SourceIndex}): access method, keys with collation, operator class and ordering, INCLUDE
 * columns, predicate, storage parameters. Names are quoted, expressions and predicates are
 * PostgreSQL's own deparsing; no text is cut out of a definition, so an index name holding SQL stays a name.
 * A primary key becomes a primary key constraint. With a column filter only the primary key is
 * replayed, and only when all its columns are kept, because other indexes may reference columns that
 * were filtered out.
 */
public final class IndexReplay {

    private IndexReplay() {
    }

    public static int replay(Connection c, List<SourceIndex> indexes, QualifiedName sourceTable, QualifiedName target,
                             boolean filtered, Set<String> keptColumns) throws SQLException {
        int created = 0;
        for (SourceIndex index : indexes) {
            if (index.primary()) {
                if (!index.hasExpressions() && keptColumns.containsAll(index.columns())) {
                    DestinationDdl.execute(c, "ALTER TABLE " + target.sql() + " ADD CONSTRAINT "
                            + Identifiers.quote(indexName(target.table() + "_pkey", target.table())) + " PRIMARY KEY ("
                            + Identifiers.quoteAll(index.keys().stream().map(SourceIndex.Key::column).toList()) + ")" + include(index), target);
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
                    + Identifiers.quote(indexName(name, index.name())) + " ON " + target.sql() + " " + definition(index), target);
            created++;
        }
        return created;
    }

    /** Everything after {@code ON table}: {@code USING method (keys) [INCLUDE (...)] [NULLS NOT DISTINCT] [WITH (...)] [WHERE (...)]}. */
    static String definition(SourceIndex index) {
        StringBuilder sql = new StringBuilder("USING ").append(Identifiers.quote(index.accessMethod())).append(" (")
                .append(index.keys().stream().map(IndexReplay::key).collect(Collectors.joining(", "))).append(")").append(include(index));
        if (index.nullsNotDistinct()) {
            sql.append(" NULLS NOT DISTINCT");
        }
        if (!index.storageParameters().isEmpty()) {
            sql.append(" WITH (").append(index.storageParameters().stream().map(IndexReplay::storageParameter).collect(Collectors.joining(", ")))
                    .append(")");
        }
        if (index.predicate() != null) {
            sql.append(" WHERE (").append(index.predicate()).append(")");
        }
        return sql.toString();
    }

    private static String key(SourceIndex.Key key) {
        StringBuilder sql = new StringBuilder(key.column() != null ? Identifiers.quote(key.column()) : key.expression());
        if (key.collation() != null) {
            sql.append(" COLLATE ").append(key.collation().sql());
        }
        sql.append(' ').append(key.operatorClass().sql());
        if (key.orderable()) {
            sql.append(key.descending() ? " DESC" : " ASC").append(key.nullsFirst() ? " NULLS FIRST" : " NULLS LAST");
        }
        return sql.toString();
    }

    private static String include(SourceIndex index) {
        return index.included().isEmpty() ? "" : " INCLUDE (" + Identifiers.quoteAll(index.included()) + ")";
    }

    /** A reloption as the catalog keeps it ({@code name=value}), name quoted, value a literal. */
    private static String storageParameter(String option) {
        int eq = option.indexOf('=');
        return Identifiers.quote(option.substring(0, eq)) + " = " + Identifiers.literal(option.substring(eq + 1));
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
