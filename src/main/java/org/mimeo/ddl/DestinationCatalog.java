package org.mimeo.ddl;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.mimeo.error.MimeoException;
import org.mimeo.internal.MimeoMessages;
import org.mimeo.source.Column;
import org.mimeo.sql.QualifiedName;

/** Catalog questions about destination objects. Names are bound as parameters. */
public final class DestinationCatalog {

    private DestinationCatalog() {
    }

    /** The relkind of the relation ('r' table, 'v' view, ...), if it exists. */
    public static Optional<Character> relationKind(Connection c, QualifiedName name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT c.relkind FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                 WHERE n.nspname = ? AND c.relname = ?""")) {
            ps.setString(1, name.schema());
            ps.setString(2, name.table());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1).charAt(0)) : Optional.empty();
            }
        }
    }

    public static boolean exists(Connection c, QualifiedName name) throws SQLException {
        return relationKind(c, name).isPresent();
    }

    public static boolean schemaExists(Connection c, String schema) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = ?")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /**
     * 400 when the destination's schema is missing or Mimeo's role may not create in it, naming the
     * statement a DBA runs (the role needs no CREATE on the database, only on the schemas it fills).
     */
    public static void requireWritableSchema(Connection c, QualifiedName dest) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT current_user, n.oid IS NOT NULL, coalesce(pg_catalog.has_schema_privilege(n.oid, 'USAGE'), false),
                       coalesce(pg_catalog.has_schema_privilege(n.oid, 'CREATE'), false)
                  FROM (SELECT 1) one LEFT JOIN pg_catalog.pg_namespace n ON n.nspname = ?""")) {
            ps.setString(1, dest.schema());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                String role = org.mimeo.sql.Identifiers.quote(rs.getString(1));
                String schema = org.mimeo.sql.Identifiers.quote(dest.schema());
                if (!rs.getBoolean(2)) {
                    throw MimeoException.invalid(MimeoMessages.MSG.destinationSchemaToCreate(dest.schema(), schema, role));
                }
                if (!rs.getBoolean(3) || !rs.getBoolean(4)) {
                    throw MimeoException.invalid(MimeoMessages.MSG.destinationSchemaNotWritable(role, dest.schema(), schema));
                }
            }
        }
    }

    public static List<Column> columns(Connection c, QualifiedName name) throws SQLException {
        List<Column> columns = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod)
                  FROM pg_catalog.pg_attribute a
                  JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
                  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                 WHERE n.nspname = ? AND c.relname = ? AND a.attnum > 0 AND NOT a.attisdropped
                 ORDER BY a.attnum""")) {
            ps.setString(1, name.schema());
            ps.setString(2, name.table());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.add(new Column(rs.getString(1), rs.getString(2)));
                }
            }
        }
        return columns;
    }

    /** The table a view selects from (the snap table it currently shows), if it is one of {@code candidates}. */
    public static Optional<QualifiedName> viewSource(Connection c, QualifiedName view, List<QualifiedName> candidates) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT DISTINCT rn.nspname, rc.relname
                  FROM pg_catalog.pg_rewrite r
                  JOIN pg_catalog.pg_class v ON v.oid = r.ev_class
                  JOIN pg_catalog.pg_namespace vn ON vn.oid = v.relnamespace
                  JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_rewrite'::regclass AND d.objid = r.oid
                  JOIN pg_catalog.pg_class rc ON rc.oid = d.refobjid AND rc.oid <> v.oid
                  JOIN pg_catalog.pg_namespace rn ON rn.oid = rc.relnamespace
                 WHERE vn.nspname = ? AND v.relname = ? AND rc.relkind = 'r'""")) {
            ps.setString(1, view.schema());
            ps.setString(2, view.table());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    QualifiedName referenced = new QualifiedName(rs.getString(1), rs.getString(2));
                    for (QualifiedName candidate : candidates) {
                        if (candidate.sameAs(referenced)) {
                            return Optional.of(candidate);
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }

    public static int indexCount(Connection c, QualifiedName table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM pg_catalog.pg_index WHERE indrelid = to_regclass(?)")) {
            ps.setString(1, table.sql());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /**
     * Fails when the destination lacks a source column; returns whether every column has the same
     * type on both sides (then rows can travel in binary COPY format).
     */
    public static boolean requireColumns(Connection d, QualifiedName dest, List<Column> sourceColumns) throws SQLException {
        Map<String, Column> destColumns = DestinationCatalog.columns(d, dest).stream()
                .collect(Collectors.toMap(Column::name, Function.identity()));
        List<String> missing = sourceColumns.stream().map(Column::name).filter(n -> !destColumns.containsKey(n)).toList();
        if (!missing.isEmpty()) {
            throw MimeoException.conflict(MimeoMessages.MSG.destinationLacksColumns(dest, missing));
        }
        return sourceColumns.stream().allMatch(c -> c.type().equals(destColumns.get(c.name()).type()));
    }
}
