package org.mimeo.monitor;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.mimeo.config.ConfigRepository;
import org.mimeo.config.IncrementalConfig;
import org.mimeo.config.QueueConfig;
import org.mimeo.config.RefreshConfig;
import org.mimeo.error.MimeoException;
import org.mimeo.internal.MimeoMessages;
import org.mimeo.incremental.ControlType;
import org.mimeo.incremental.IncrementalCopySpecs;
import org.mimeo.replication.SourceAccess;
import org.mimeo.sql.ConditionText;
import org.mimeo.sql.Identifiers;

/**
 * The original's validate_rowcount, working for every type: counts the source (condition applied) and
 * the destination over the same rows. Incremental replications compare the replicated window, rows
 * with a control value up to last_value (optionally from {@code lower} on); logdel counts live rows.
 */
@ApplicationScoped
public class RowCountValidation {

    @Resource(lookup = "java:jboss/datasources/MimeoDS")
    DataSource destination;

    @Inject
    ConfigRepository config;

    @Inject
    SourceAccess sources;

    @Inject
    IncrementalCopySpecs incremental;

    public Map<String, Object> validate(String destTable, String lower) {
        RefreshConfig c = config.replication(destTable);
        String sourceWhere = "true";
        String destWhere = c instanceof QueueConfig q && q.keepsDeletedRows() ? "mimeo_source_deleted IS NULL" : "true";
        String upperText = null;
        if (c instanceof IncrementalConfig i) {
            IncrementalCopySpecs.Prepared prepared = incremental.prepare(c.getDestTable());
            ControlType type = prepared.type();
            String control = Identifiers.quote(i.getControl());
            upperText = prepared.lastValue();
            String upper = upperText == null ? "false" : control + " <= " + type.sourceLiteral(upperText);
            String low = lower == null ? "true" : control + " > CAST(? AS " + type.sqlType() + ")";
            sourceWhere = upper + " AND " + low;
            destWhere = sourceWhere;
        }
        boolean bound = lower != null && c instanceof IncrementalConfig;
        if (bound) {
            requireValue(lower, ((IncrementalConfig) c).isTimeBased() ? "timestamptz" : "bigint");
        }
        long sourceCount;
        try (Connection s = sources.open(config.source(c.getSourceId()))) {
            SourceAccess.guardForCondition(s);
            sourceCount = count(s, "SELECT count(*) FROM (SELECT " + c.source().sql() + ".* FROM " + c.source().sql()
                    + ConditionText.sql(c.getCondition()) + ") AS rows WHERE " + sourceWhere, bound ? lower : null);
        } catch (SQLException e) {
            throw SourceAccess.sourceFailure("counting rows", c.source(), e);
        }
        long destCount;
        try (Connection d = destination.getConnection()) {
            destCount = count(d, "SELECT count(*) FROM " + c.destination().sql() + " WHERE " + destWhere, bound ? lower : null);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count the rows of " + destTable, e);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("destTable", c.getDestTable());
        result.put("match", sourceCount == destCount);
        result.put("sourceCount", sourceCount);
        result.put("destCount", destCount);
        result.put("lowerBound", lower);
        result.put("upperBound", upperText);
        return result;
    }

    private static long count(Connection c, String sql, String lower) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (lower != null) {
                ps.setString(1, lower);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** 400 when {@code lower} is no value of the control column's kind. */
    private void requireValue(String lower, String type) {
        try (Connection d = destination.getConnection(); PreparedStatement ps = d.prepareStatement("SELECT CAST(? AS " + type + ")")) {
            ps.setString(1, lower);
            ps.executeQuery().close();
        } catch (SQLException e) {
            throw MimeoException.invalid(MimeoMessages.MSG.invalidLowerBound(type, lower));
        }
    }
}
