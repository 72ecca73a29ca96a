package org.mimeo.monitor;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;

/**
 * Prometheus metrics (text exposition format 0.0.4): rows copied by this server since it started, and
 * from the destination database's history per table: age of the last success (lag), duration of the
 * latest execution, failed executions, refusals as already running.
 */
@ApplicationScoped
public class Metrics {

    @Resource(lookup = "java:jboss/datasources/MimeoDS")
    DataSource destination;

    private final Map<String, LongAdder> rowsCopied = new ConcurrentHashMap<>();

    public void rowsCopied(String destTable, long rows) {
        rowsCopied.computeIfAbsent(destTable, k -> new LongAdder()).add(rows);
    }

    public String scrape() {
        StringBuilder out = new StringBuilder();
        out.append("# HELP mimeo_rows_copied_total Rows written into the destination by completed copy steps on this server since it started\n");
        out.append("# TYPE mimeo_rows_copied_total counter\n");
        rowsCopied.forEach((table, rows) -> out.append("mimeo_rows_copied_total{dest_table=\"").append(label(table)).append("\"} ").append(rows.sum()).append('\n'));
        try (Connection c = destination.getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT rc.dest_table, rc.type, extract(epoch FROM now() - rc.last_run)::float8,
                       (SELECT extract(epoch FROM coalesce(je.endtime, now()) - je.starttime)::float8 FROM mimeo.job_run r
                          JOIN job_execution je ON je.jobexecutionid = r.execution_id WHERE r.dest_table = rc.dest_table
                         ORDER BY r.execution_id DESC LIMIT 1),
                       (SELECT count(*) FROM mimeo.job_run r JOIN job_execution je ON je.jobexecutionid = r.execution_id
                         WHERE r.dest_table = rc.dest_table AND je.batchstatus = 'FAILED'),
                       (SELECT count(*) FROM mimeo.refresh_attempt a WHERE a.dest_table = rc.dest_table)
                  FROM mimeo.refresh_config rc ORDER BY 1""");
             ResultSet rs = ps.executeQuery()) {
            StringBuilder lag = new StringBuilder("# HELP mimeo_lag_seconds Seconds since the last successful refresh\n# TYPE mimeo_lag_seconds gauge\n");
            StringBuilder duration = new StringBuilder("# HELP mimeo_refresh_duration_seconds Duration of the latest execution (so far, if running)\n"
                    + "# TYPE mimeo_refresh_duration_seconds gauge\n");
            StringBuilder failures = new StringBuilder("# HELP mimeo_refresh_failures_total Failed executions in the history\n# TYPE mimeo_refresh_failures_total counter\n");
            StringBuilder refused = new StringBuilder("# HELP mimeo_refresh_refused_total Refreshes refused because one was already running\n"
                    + "# TYPE mimeo_refresh_refused_total counter\n");
            while (rs.next()) {
                String labels = "{dest_table=\"" + label(rs.getString(1)) + "\",type=\"" + label(rs.getString(2)) + "\"} ";
                Object age = rs.getObject(3);
                if (age != null) {
                    lag.append("mimeo_lag_seconds").append(labels).append(age).append('\n');
                }
                Object last = rs.getObject(4);
                if (last != null) {
                    duration.append("mimeo_refresh_duration_seconds").append(labels).append(last).append('\n');
                }
                failures.append("mimeo_refresh_failures_total").append(labels).append(rs.getLong(5)).append('\n');
                refused.append("mimeo_refresh_refused_total").append(labels).append(rs.getLong(6)).append('\n');
            }
            out.append(lag).append(duration).append(failures).append(refused);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the metrics from the destination database", e);
        }
        return out.toString();
    }

    private static String label(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
