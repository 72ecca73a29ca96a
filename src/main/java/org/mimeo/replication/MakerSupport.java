package org.mimeo.replication;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.mimeo.config.ConfigRepository;
import org.mimeo.config.RefreshConfig;
import org.mimeo.ddl.DestinationDdl;
import org.mimeo.error.MimeoException;
import org.mimeo.source.Column;
import org.mimeo.sql.Identifiers;
import org.mimeo.sql.QualifiedName;

/** Pieces every maker and destroyer shares. */
public final class MakerSupport {

    private MakerSupport() {
    }

    /** Copies the options every replication type has from the request into a new configuration row. */
    public static <T extends RefreshConfig> T fill(T config, MakeRequest request) {
        config.setDestTable(request.destTable());
        config.setSourceTable(request.sourceTable());
        config.setSourceId(request.sourceId());
        config.setFilter(request.filterArray());
        config.setCondition(request.condition());
        config.setPeriod(request.period());
        config.setBatchLimit(request.batchLimit());
        return config;
    }

    /** Removes a replication whose destination is one plain table, keeping the table with {@code archive}. */
    public static void destroyTable(DataSource destination, ConfigRepository configs, RefreshConfig config, boolean archive) {
        try (Connection d = destination.getConnection()) {
            if (!archive) {
                DestinationDdl.dropTableIfExists(d, config.destination());
            }
            configs.remove(config);
        } catch (SQLException e) {
            throw MimeoException.conflict("Could not remove " + config.getType() + " destination " + config.getDestTable() + ": " + e.getMessage());
        }
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
                    throw MimeoException.invalid("Field '" + field + "' must be a " + (zeroAllowed ? "non-negative" : "positive") + " interval, got '" + text + "'");
                }
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw MimeoException.invalid("Field '" + field + "' is not a valid interval: '" + text + "' (examples: '10 minutes', '1 day', '00:00:30')");
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
