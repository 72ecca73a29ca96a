package org.mimeo.monitor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mimeo.config.ConfigRepository;
import org.mimeo.config.IncrementalConfig;
import org.mimeo.config.QueueConfig;
import org.mimeo.config.RefreshConfig;
import org.mimeo.incremental.ControlType;
import org.mimeo.incremental.IncrementalCopySpecs;
import org.mimeo.queue.QueueStatus;
import org.mimeo.replication.SourceAccess;
import org.mimeo.sql.ConditionText;
import org.mimeo.sql.Identifiers;

/**
 * How far each replication is behind its source: the age of its last success; for dml/logdel the
 * changes queued on the source and not yet committed here; for inserter/updater the source's highest
 * control value against last_value (the difference for serial columns, in seconds for time columns).
 */
@ApplicationScoped
public class Lag {

    @Inject
    ConfigRepository config;

    @Inject
    SourceAccess sources;

    @Inject
    IncrementalCopySpecs incremental;

    public List<Map<String, Object>> all(String onlyDestTable) {
        List<Map<String, Object>> result = new ArrayList<>();
        for (RefreshConfig c : config.replications(null)) {
            if (onlyDestTable != null && !onlyDestTable.equals(c.getDestTable())) {
                continue;
            }
            Map<String, Object> lag = new LinkedHashMap<>();
            lag.put("destTable", c.getDestTable());
            lag.put("lastRun", c.getLastRun());
            lag.put("secondsSinceLastRun", c.getLastRun() == null ? null : Duration.between(c.getLastRun(), OffsetDateTime.now()).toMillis() / 1000.0);
            try (Connection s = openGuarded(c)) {
                if (c instanceof QueueConfig q) {
                    lag.put("queuedChanges", Long.toString(QueueStatus.pending(s, q)));
                } else if (c instanceof IncrementalConfig i) {
                    IncrementalCopySpecs.Prepared p = incremental.prepare(c.getDestTable());
                    String sourceMax = single(s, "SELECT " + p.type().render("max(" + c.source().sql() + "." + Identifiers.quote(i.getControl()) + ")")
                            + " FROM " + c.source().sql() + ConditionText.sql(c.getCondition()));
                    lag.put("sourceMaxControl", sourceMax);
                    lag.put("lastValue", p.lastValue());
                    if (sourceMax != null && p.lastValue() != null) {
                        lag.put("behind", p.type() == ControlType.INTEGER
                                ? (Object) (Long.parseLong(sourceMax) - Long.parseLong(p.lastValue()))
                                : (Object) (Duration.between(java.time.LocalDateTime.parse(p.lastValue()), java.time.LocalDateTime.parse(sourceMax)).toMillis() / 1000.0));
                    }
                }
            } catch (SQLException e) {
                lag.put("error", "source unreachable or refused: " + e.getMessage());
            } catch (IllegalArgumentException e) {
                lag.put("error", e.getMessage());
            } catch (org.mimeo.error.MimeoException e) {
                // one unreachable source must not hide the lag of every other table
                lag.put("error", e.failure().code() + ": " + e.getMessage());
            }
            result.add(lag);
        }
        return result;
    }

    /** Changes queued on the source of a dml/logdel replication and not yet replayed here. */
    public long queuedChanges(QueueConfig q) throws SQLException {
        try (Connection s = openGuarded(q)) {
            return QueueStatus.pending(s, q);
        }
    }

    /** A read-only connection to the replication's source, its statements bounded as a condition's are. */
    private Connection openGuarded(RefreshConfig c) throws SQLException {
        Connection s = sources.open(config.source(c.getSourceId()));
        try {
            SourceAccess.guardForCondition(s);
            return s;
        } catch (SQLException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    private static String single(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
