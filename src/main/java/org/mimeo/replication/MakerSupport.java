package org.mimeo.replication;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.mimeo.ddl.DestinationDdl;
import org.mimeo.error.MimeoException;
import org.mimeo.internal.MimeoMessages;
import org.mimeo.source.Column;
import org.mimeo.sql.Identifiers;
import org.mimeo.sql.QualifiedName;

/** Pieces the makers share. */
public final class MakerSupport {

    private MakerSupport() {
    }

    /**
     * An interval as PostgreSQL normalises it ('2 seconds' becomes '00:00:02'); 400 naming the field when
     * it does not parse or is negative (or zero, unless {@code zeroAllowed}).
     */
    public static String interval(Connection c, String field, String text, boolean zeroAllowed) {
        try (PreparedStatement ps = c.prepareStatement("SELECT CAST(? AS interval)::text, CAST(? AS interval) " + (zeroAllowed ? ">=" : ">") + " interval '0'")) {
            ps.setString(1, text);
            ps.setString(2, text);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(2)) {
                    throw MimeoException.invalid(MimeoMessages.MSG.intervalOutOfRange(field, zeroAllowed ? "non-negative" : "positive", text));
                }
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw MimeoException.invalid(MimeoMessages.MSG.intervalInvalid(field, text));
        }
    }

    /** Makes sure the destination has a unique index exactly on the key columns; adds a primary key otherwise. */
    public static void ensureUniqueKey(Connection d, QualifiedName dest, List<Column> key) throws SQLException {
        try (PreparedStatement ps = d.prepareStatement("""
                SELECT 1 FROM pg_catalog.pg_index i
                 WHERE i.indrelid = to_regclass(?) AND i.indisunique AND i.indexprs IS NULL AND i.indpred IS NULL
                   AND ARRAY(SELECT a.attname::text FROM unnest(i.indkey) k(attnum)
                               JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum ORDER BY 1)
                       = (SELECT array_agg(x ORDER BY x) FROM unnest(?::text[]) x)""")) {
            ps.setString(1, dest.sql());
            ps.setArray(2, d.createArrayOf("text", key.stream().map(Column::name).toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
        }
        DestinationDdl.execute(d, "ALTER TABLE " + dest.sql() + " ADD CONSTRAINT "
                + Identifiers.quote(Identifiers.truncateForSuffix(dest.table(), "_pkey") + "_pkey") + " PRIMARY KEY ("
                + Identifiers.quoteAll(key.stream().map(Column::name).toList()) + ")", dest);
    }
}
