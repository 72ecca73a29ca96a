package org.mimeo.monitor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mimeo.config.ConfigRepository;
import org.mimeo.config.RefreshConfig;
import org.mimeo.config.RefreshConfigSnap;
import org.mimeo.replication.SourceAccess;

/**
 * The original's snapshot_monitor, reporting the right names: each snap replication's source row count
 * and total size, all of them or those at or above a row count or size threshold (either one).
 */
@ApplicationScoped
public class SnapshotSizes {

    @Inject
    ConfigRepository config;

    @Inject
    SourceAccess sources;

    public List<Map<String, Object>> sizes(Long minRows, Long minBytes, String destTable) {
        List<Map<String, Object>> result = new ArrayList<>();
        for (RefreshConfig c : config.replications(RefreshConfigSnap.TYPE)) {
            if (destTable != null && !destTable.equals(c.getDestTable())) {
                continue;
            }
            try (Connection s = sources.open(config.source(c.getSourceId()));
                 PreparedStatement ps = s.prepareStatement("SELECT (SELECT count(*) FROM " + c.source().sql() + "), pg_catalog.pg_total_relation_size(to_regclass(?))")) {
                ps.setString(1, c.source().sql());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    long rows = rs.getLong(1);
                    long bytes = rs.getLong(2);
                    boolean reported = (minRows == null && minBytes == null) || (minRows != null && rows >= minRows) || (minBytes != null && bytes >= minBytes);
                    if (reported) {
                        Map<String, Object> row = new LinkedHashMap<>();
                        row.put("destTable", c.getDestTable());
                        row.put("sourceTable", c.getSourceTable());
                        row.put("sourceRowCount", rows);
                        row.put("sourceSize", bytes);
                        result.add(row);
                    }
                }
            } catch (SQLException | org.mimeo.error.MimeoException e) {
                org.mimeo.error.MimeoException failure = e instanceof org.mimeo.error.MimeoException unreachable ? unreachable
                        : SourceAccess.sourceFailure("measuring the source", c.source(), (SQLException) e);
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("destTable", c.getDestTable());
                row.put("sourceTable", c.getSourceTable());
                row.put("error", failure.failure().code() + ": " + failure.getMessage());
                result.add(row);
            }
        }
        return result;
    }
}
