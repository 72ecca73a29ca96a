package org.mimeo.table;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.mimeo.error.MimeoException;
import org.mimeo.internal.MimeoMessages;
import org.mimeo.sql.Identifiers;
import org.mimeo.sql.QualifiedName;

/**
 * Resets destination sequences after a reload: each to the highest value used by any column in the
 * destination database whose default (or identity) depends on it, or back to its start when none is in use.
 */
public final class TableSequences {

    private TableSequences() {
    }

    public static void requireExisting(Connection d, List<String> sequences) throws SQLException {
        if (sequences == null) {
            return;
        }
        for (String name : sequences) {
            QualifiedName seq = QualifiedName.parse(name);
            if (!isSequence(d, seq)) {
                throw MimeoException.invalid(MimeoMessages.MSG.noSuchSequence(seq));
            }
        }
    }

    private static boolean isSequence(Connection d, QualifiedName seq) throws SQLException {
        try (PreparedStatement ps = d.prepareStatement("SELECT 1 FROM pg_catalog.pg_class WHERE oid = to_regclass(?) AND relkind = 'S'")) {
            ps.setString(1, seq.sql());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Returns a line per sequence saying what it was set to. */
    static List<String> reset(Connection d, String[] sequences) throws SQLException {
        List<String> report = new ArrayList<>();
        if (sequences == null) {
            return report;
        }
        for (String name : sequences) {
            QualifiedName seq = QualifiedName.parse(name);
            if (!isSequence(d, seq)) {
                throw new IllegalStateException("Sequence " + seq + " listed in refresh_config_table.sequences does not exist on the destination; fix the list with PATCH");
            }
            Long max = null;
            for (String[] column : usingColumns(d, seq)) {
                try (PreparedStatement ps = d.prepareStatement("SELECT max(" + Identifiers.quote(column[2]) + ")::bigint FROM "
                        + new QualifiedName(column[0], column[1]).sql()); ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    long value = rs.getLong(1);
                    if (!rs.wasNull() && (max == null || value > max)) {
                        max = value;
                    }
                }
            }
            try (PreparedStatement ps = d.prepareStatement(max == null
                    ? "SELECT setval(to_regclass(?), (SELECT seqstart FROM pg_catalog.pg_sequence WHERE seqrelid = to_regclass(?)), false)"
                    : "SELECT setval(to_regclass(?), ?)")) {
                ps.setString(1, seq.sql());
                if (max == null) {
                    ps.setString(2, seq.sql());
                } else {
                    ps.setLong(2, max);
                }
                ps.execute();
            }
            report.add("Sequence " + seq + (max == null ? " reset to its start (no value in use)" : " set to " + max));
        }
        return report;
    }

    /** {schema, table, column} of every column whose default or identity uses the sequence. */
    private static List<String[]> usingColumns(Connection d, QualifiedName seq) throws SQLException {
        List<String[]> columns = new ArrayList<>();
        try (PreparedStatement ps = d.prepareStatement("""
                SELECT DISTINCT n.nspname, c.relname, a.attname
                  FROM pg_catalog.pg_depend dep
                  JOIN pg_catalog.pg_attrdef ad ON dep.classid = 'pg_catalog.pg_attrdef'::regclass AND ad.oid = dep.objid
                  JOIN pg_catalog.pg_attribute a ON a.attrelid = ad.adrelid AND a.attnum = ad.adnum
                  JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
                  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                 WHERE dep.refobjid = to_regclass(?)
                UNION
                SELECT n.nspname, c.relname, a.attname
                  FROM pg_catalog.pg_depend dep
                  JOIN pg_catalog.pg_attribute a ON a.attrelid = dep.refobjid AND a.attnum = dep.refobjsubid
                  JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
                  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                 WHERE dep.classid = 'pg_catalog.pg_class'::regclass AND dep.objid = to_regclass(?) AND dep.deptype IN ('a', 'i')""")) {
            ps.setString(1, seq.sql());
            ps.setString(2, seq.sql());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
                }
            }
        }
        return columns;
    }
}
