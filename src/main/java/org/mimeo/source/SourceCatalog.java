package org.mimeo.source;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.mimeo.error.MimeoException;
import org.mimeo.internal.MimeoMessages;
import org.mimeo.sql.QualifiedName;

/** Catalog questions Mimeo asks a source database. All names are bound as parameters, never concatenated. */
public final class SourceCatalog {

    private SourceCatalog() {
    }

    public static Optional<SourceRelation> findRelation(Connection c, QualifiedName name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT c.oid, c.relkind, c.relpages, c.reltuples
                  FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                 WHERE n.nspname = ? AND c.relname = ? AND c.relkind IN ('r', 'p', 'v', 'm', 'f')""")) {
            ps.setString(1, name.schema());
            ps.setString(2, name.table());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new SourceRelation(name, rs.getLong(1), rs.getString(2).charAt(0), rs.getLong(3), rs.getDouble(4)));
            }
        }
    }

    public static SourceRelation relation(Connection c, QualifiedName name, int sourceId) throws SQLException {
        return findRelation(c, name).orElseThrow(() -> MimeoException.sourceError(MimeoMessages.MSG.sourceTableNotFound(name, sourceId)));
    }

    public static List<Column> allColumns(Connection c, long oid) throws SQLException {
        List<Column> columns = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT attname, pg_catalog.format_type(atttypid, atttypmod)
                  FROM pg_catalog.pg_attribute
                 WHERE attrelid = ? AND attnum > 0 AND NOT attisdropped
                 ORDER BY attnum""")) {
            ps.setLong(1, oid);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.add(new Column(rs.getString(1), rs.getString(2)));
                }
            }
        }
        return columns;
    }

    /** The source's columns in catalog order, limited to {@code filter} when one is given. */
    public static List<Column> columns(Connection c, SourceRelation relation, String[] filter) throws SQLException {
        List<Column> all = allColumns(c, relation.oid());
        if (filter == null || filter.length == 0) {
            if (all.isEmpty()) {
                throw MimeoException.sourceError(MimeoMessages.MSG.sourceTableWithoutColumns(relation.name()));
            }
            return all;
        }
        Set<String> wanted = new LinkedHashSet<>(Arrays.asList(filter));
        List<Column> kept = all.stream().filter(col -> wanted.contains(col.name())).toList();
        if (kept.size() != wanted.size()) {
            Set<String> missing = new LinkedHashSet<>(wanted);
            kept.forEach(col -> missing.remove(col.name()));
            throw MimeoException.sourceError(MimeoMessages.MSG.filterColumnsMissing(relation.name(), missing));
        }
        return kept;
    }

    /** The single-column integer primary key, if the table has one: it splits a full copy into key ranges. */
    public static Optional<String> integerPrimaryKey(Connection c, long oid) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT a.attname
                  FROM pg_catalog.pg_index i
                  JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]
                 WHERE i.indrelid = ? AND i.indisprimary AND i.indnatts = 1
                   AND a.atttypid IN ('int2'::regtype, 'int4'::regtype, 'int8'::regtype)""")) {
            ps.setLong(1, oid);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /**
     * Valid indexes of the table, primary key first, then by age (OID), in catalog parts (see
     * {@link SourceIndex}). Must run inside a transaction: it empties the search_path for that
     * transaction so expressions and predicates come schema-qualified.
     */
    public static List<SourceIndex> indexes(Connection c, long oid) throws SQLException {
        try (PreparedStatement setPath = c.prepareStatement("SELECT pg_catalog.set_config('search_path', '', true)")) {
            setPath.execute();
        }
        List<SourceIndex> result = new ArrayList<>();
        // indnullsnotdistinct exists from PostgreSQL 15 on; read through jsonb so older sources answer too
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT i.indexrelid, ic.relname, i.indisprimary, i.indisunique, am.amname,
                       pg_catalog.pg_indexam_has_property(am.oid, 'can_order'),
                       pg_catalog.pg_get_expr(i.indpred, i.indrelid, true), ic.reloptions,
                       coalesce((pg_catalog.to_jsonb(i) ->> 'indnullsnotdistinct')::boolean, false)
                  FROM pg_catalog.pg_index i
                  JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
                  JOIN pg_catalog.pg_am am ON am.oid = ic.relam
                 WHERE i.indrelid = ? AND i.indisvalid
                 ORDER BY i.indisprimary DESC, i.indexrelid""")) {
            ps.setLong(1, oid);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long index = rs.getLong(1);
                    List<SourceIndex.Key> keys = new ArrayList<>();
                    List<String> included = new ArrayList<>();
                    indexColumns(c, index, rs.getBoolean(6), keys, included);
                    Array options = rs.getArray(8);
                    result.add(new SourceIndex(rs.getString(2), rs.getBoolean(3), rs.getBoolean(4), rs.getString(5), keys, included,
                            rs.getString(7), options == null ? List.of() : List.of((String[]) options.getArray()), rs.getBoolean(9)));
                }
            }
        }
        return result;
    }

    private static void indexColumns(Connection c, long index, boolean orderable, List<SourceIndex.Key> keys, List<String> included)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT k.ord <= i.indnkeyatts, a.attname,
                       CASE WHEN k.attnum = 0 THEN pg_catalog.pg_get_indexdef(i.indexrelid, k.ord::int, true) END,
                       CASE WHEN co.oid IS NOT NULL AND (k.attnum = 0 OR co.oid <> a.attcollation) THEN cn.nspname END, co.collname,
                       ocn.nspname, oc.opcname, i.indoption[k.ord - 1]
                  FROM pg_catalog.pg_index i
                 CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
                  LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum AND k.attnum <> 0
                  LEFT JOIN pg_catalog.pg_collation co ON k.ord <= i.indnkeyatts AND co.oid = i.indcollation[k.ord - 1]
                  LEFT JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace
                  LEFT JOIN pg_catalog.pg_opclass oc ON k.ord <= i.indnkeyatts AND oc.oid = i.indclass[k.ord - 1]
                  LEFT JOIN pg_catalog.pg_namespace ocn ON ocn.oid = oc.opcnamespace
                 WHERE i.indexrelid = ?
                 ORDER BY k.ord""")) {
            ps.setLong(1, index);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (!rs.getBoolean(1)) {
                        included.add(rs.getString(2));
                        continue;
                    }
                    QualifiedName collation = rs.getString(4) == null ? null : new QualifiedName(rs.getString(4), rs.getString(5));
                    int option = rs.getInt(8);
                    // indoption bits: 1 = DESC, 2 = NULLS FIRST
                    keys.add(new SourceIndex.Key(rs.getString(2), rs.getString(3), collation, new QualifiedName(rs.getString(6), rs.getString(7)),
                            orderable, (option & 1) != 0, (option & 2) != 0));
                }
            }
        }
    }

    /**
     * The replication key, chosen deterministically: the primary key, else the oldest valid unique
     * index whose columns are all NOT NULL and which has no expression or predicate. Columns in index order.
     */
    public static Optional<List<Column>> replicationKey(Connection c, long oid) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT i.indexrelid,
                       ARRAY(SELECT a.attname FROM unnest(i.indkey) WITH ORDINALITY k(attnum, ord)
                               JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum ORDER BY k.ord),
                       ARRAY(SELECT pg_catalog.format_type(a.atttypid, a.atttypmod) FROM unnest(i.indkey) WITH ORDINALITY k(attnum, ord)
                               JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum ORDER BY k.ord)
                  FROM pg_catalog.pg_index i
                 WHERE i.indrelid = ? AND i.indisvalid AND i.indisunique AND i.indexprs IS NULL AND i.indpred IS NULL
                   AND NOT EXISTS (SELECT 1 FROM unnest(i.indkey) k(attnum)
                                     JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
                                    WHERE NOT a.attnotnull)
                 ORDER BY i.indisprimary DESC, i.indexrelid
                 LIMIT 1""")) {
            ps.setLong(1, oid);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String[] names = (String[]) rs.getArray(2).getArray();
                String[] types = (String[]) rs.getArray(3).getArray();
                List<Column> key = new ArrayList<>();
                for (int i = 0; i < names.length; i++) {
                    key.add(new Column(names[i], types[i]));
                }
                return Optional.of(key);
            }
        }
    }

    /**
     * The database's canonical name ({@code format_type}, without modifiers, schema-qualified unless in
     * pg_catalog) of the type {@code text} names, or empty when it names none or does not parse. Needs
     * an autocommit connection: a name that does not parse fails its statement.
     */
    public static Optional<String> canonicalType(Connection c, String text) throws SQLException {
        long oid;
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_catalog.to_regtype(?)::oid")) {
            ps.setString(1, text);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                oid = rs.getLong(1);
                if (rs.wasNull()) {
                    return Optional.empty();
                }
            }
        } catch (SQLException e) {
            if (SourceConnections.isConnectionFailure(e)) {
                throw e;
            }
            // PostgreSQL 16 and later raise a syntax error instead of returning NULL
            return Optional.empty();
        }
        c.setAutoCommit(false);
        try (PreparedStatement path = c.prepareStatement("SELECT pg_catalog.set_config('search_path', '', true)");
             PreparedStatement ps = c.prepareStatement("SELECT pg_catalog.format_type(CAST(? AS oid), NULL)")) {
            path.execute();
            ps.setLong(1, oid);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return Optional.ofNullable(rs.getString(1));
            }
        } finally {
            c.rollback();
            c.setAutoCommit(true);
        }
    }

    public static Optional<WriteStats> writeStats(Connection c, long oid) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT n_tup_ins, n_tup_upd, n_tup_del FROM pg_catalog.pg_stat_all_tables WHERE relid = ?")) {
            ps.setLong(1, oid);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new WriteStats(rs.getLong(1), rs.getLong(2), rs.getLong(3))) : Optional.empty();
            }
        }
    }

    public static String serverVersion(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SHOW server_version"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }
}
