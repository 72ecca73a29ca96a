package org.mimeo.monitor;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.mimeo.config.ConfigRepository;
import org.mimeo.config.DblinkMapping;
import org.mimeo.config.RefreshConfig;
import org.mimeo.ddl.DestinationCatalog;
import org.mimeo.error.MimeoException;
import org.mimeo.replication.SourceAccess;
import org.mimeo.replication.SourceDescription;
import org.mimeo.source.Column;

/**
 * The original's check_source_columns and check_missing_source_tables, without their bugs: column
 * drift is reported both ways (a column added or retyped on the source, and one dropped from it), for
 * filtered replications too, with types compared by name.
 */
@ApplicationScoped
public class SourceChecks {

    public record Drift(String destTable, String sourceTable, int sourceId, String column, String sourceType, String destinationType, String change) {
    }

    @Resource(lookup = "java:jboss/datasources/MimeoDS")
    DataSource destination;

    @Inject
    ConfigRepository config;

    @Inject
    SourceAccess sources;

    public List<Drift> columnDrift(Integer sourceId) {
        List<Drift> drift = new ArrayList<>();
        for (RefreshConfig c : config.replications(null)) {
            if (sourceId != null && !sourceId.equals(c.getSourceId())) {
                continue;
            }
            SourceDescription source;
            try {
                source = SourceDescription.read(sources, config.source(c.getSourceId()), c.source(), null, null, false);
            } catch (MimeoException e) {
                // reported for this table only: the other tables are still checked
                drift.add(new Drift(c.getDestTable(), c.getSourceTable(), c.getSourceId(), null, null, null, e.failure().code() + ": " + e.getMessage()));
                continue;
            }
            Set<String> filter = c.getFilter() == null ? null : new HashSet<>(List.of(c.getFilter()));
            Map<String, String> src = new LinkedHashMap<>();
            for (Column col : source.columns()) {
                if (filter == null || filter.contains(col.name())) {
                    src.put(col.name(), col.type());
                }
            }
            Map<String, String> dst = new LinkedHashMap<>();
            try (Connection d = destination.getConnection()) {
                for (Column col : DestinationCatalog.columns(d, c.destination())) {
                    if (!col.name().equals("mimeo_source_deleted")) {
                        dst.put(col.name(), col.type());
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            src.forEach((name, type) -> {
                if (!type.equals(dst.get(name))) {
                    drift.add(new Drift(c.getDestTable(), c.getSourceTable(), c.getSourceId(), name, type, dst.get(name),
                            dst.containsKey(name) ? "type differs" : "missing on destination"));
                }
            });
            dst.forEach((name, type) -> {
                if (!src.containsKey(name) && (filter == null || filter.contains(name))) {
                    drift.add(new Drift(c.getDestTable(), c.getSourceTable(), c.getSourceId(), name, null, type, "missing on source"));
                }
            });
        }
        return drift;
    }

    /** Tables (and views, if asked) of a source that no replication uses, outside the system schemas and mimeo. */
    public List<Map<String, Object>> missingSourceTables(Integer sourceId, boolean views) {
        List<Map<String, Object>> missing = new ArrayList<>();
        List<DblinkMapping> mappings = sourceId == null ? config.sources() : List.of(config.source(sourceId));
        for (DblinkMapping m : mappings) {
            Set<String> used = new HashSet<>();
            for (RefreshConfig c : config.replications(null)) {
                if (c.getSourceId().equals(m.getId())) {
                    used.add(c.source().schema() + "\u0000" + c.source().table());
                }
            }
            try (Connection s = sources.open(m); PreparedStatement ps = s.prepareStatement("""
                    SELECT n.nspname, c.relname, c.relkind FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                     WHERE c.relkind IN ('r', 'p', 'v', 'm') AND (c.relkind IN ('r', 'p') OR ?)
                       AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'mimeo') AND n.nspname NOT LIKE 'pg\\_toast%'
                       AND NOT c.relispartition
                     ORDER BY 1, 2""")) {
                ps.setBoolean(1, views);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (!used.contains(rs.getString(1) + "\u0000" + rs.getString(2))) {
                            Map<String, Object> row = new LinkedHashMap<>();
                            row.put("sourceId", m.getId());
                            row.put("schema", rs.getString(1));
                            row.put("table", rs.getString(2));
                            row.put("kind", rs.getString(3).equals("v") || rs.getString(3).equals("m") ? "view" : "table");
                            missing.add(row);
                        }
                    }
                }
            } catch (SQLException | MimeoException e) {
                MimeoException failure = e instanceof MimeoException unreachable ? unreachable
                        : SourceAccess.sourceFailure("listing tables", new org.mimeo.sql.QualifiedName("pg_catalog", "pg_class"), (SQLException) e);
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("sourceId", m.getId());
                row.put("error", failure.failure().code() + ": " + failure.getMessage());
                missing.add(row);
            }
        }
        return missing;
    }
}
