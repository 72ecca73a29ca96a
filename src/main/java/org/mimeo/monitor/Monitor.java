package org.mimeo.monitor;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * What pg_jobmon's check_job_status gave, for every replication: CRITICAL when its latest refresh
 * failed or it is overdue by more than its period (no success for twice its period), WARNING when its
 * refreshes were refused as already running three or more times in a row.
 */
@ApplicationScoped
public class Monitor {

    public enum Level { OK, WARNING, CRITICAL }

    public record Alert(String destTable, Level level, String reason) {
    }

    /** Per table: the age of its last success and the outcome of its latest execution. */
    public record TableState(String destTable, String type, java.time.OffsetDateTime lastRun, Double secondsSinceLastRun,
                             Long latestExecution, String latestStatus, int refusedInARow) {
    }

    @Resource(lookup = "java:jboss/datasources/MimeoDS")
    DataSource destination;

    public List<TableState> tables() {
        List<TableState> states = new ArrayList<>();
        try (Connection c = destination.getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT rc.dest_table, rc.type, rc.last_run, extract(epoch FROM now() - rc.last_run)::float8,
                       latest.execution_id, je.batchstatus,
                       (SELECT count(*) FROM mimeo.refresh_attempt a
                         WHERE a.dest_table = rc.dest_table AND a.outcome = 'ALREADY_RUNNING'
                           AND a.attempted_at > coalesce((SELECT max(r.created) FROM mimeo.job_run r WHERE r.dest_table = rc.dest_table), '-infinity'))
                  FROM mimeo.refresh_config rc
                  LEFT JOIN LATERAL (SELECT r.execution_id FROM mimeo.job_run r WHERE r.dest_table = rc.dest_table
                                      ORDER BY r.execution_id DESC LIMIT 1) latest ON true
                  LEFT JOIN job_execution je ON je.jobexecutionid = latest.execution_id
                 ORDER BY rc.dest_table""");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                states.add(new TableState(rs.getString(1), rs.getString(2), rs.getObject(3, java.time.OffsetDateTime.class),
                        (Double) rs.getObject(4), (Long) rs.getObject(5), rs.getString(6), rs.getInt(7)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the replication states", e);
        }
        return states;
    }

    public List<Alert> alerts() {
        List<Alert> alerts = new ArrayList<>();
        try (Connection c = destination.getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT rc.dest_table FROM mimeo.refresh_config rc
                 WHERE rc.period IS NOT NULL AND now() - coalesce(rc.last_run, '-infinity') > 2 * rc.period""");
             ResultSet rs = ps.executeQuery()) {
            java.util.Set<String> overdue = new java.util.HashSet<>();
            while (rs.next()) {
                overdue.add(rs.getString(1));
            }
            for (TableState t : tables()) {
                if ("FAILED".equals(t.latestStatus()) || "ABANDONED".equals(t.latestStatus())) {
                    alerts.add(new Alert(t.destTable(), Level.CRITICAL, "The latest refresh (execution " + t.latestExecution() + ") "
                            + t.latestStatus() + "; see GET /mimeo/api/executions/" + t.latestExecution() + " and restart it"));
                } else if (overdue.contains(t.destTable())) {
                    alerts.add(new Alert(t.destTable(), Level.CRITICAL, "Overdue: no successful refresh for more than twice its period"
                            + (t.lastRun() == null ? " (never refreshed)" : " (last " + t.lastRun() + ")")));
                }
                if (t.refusedInARow() >= 3) {
                    alerts.add(new Alert(t.destTable(), Level.WARNING, t.refusedInARow()
                            + " refreshes in a row were refused because another one was already running"));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the schedules", e);
        }
        return alerts;
    }

    public static Level worst(List<Alert> alerts) {
        return alerts.stream().map(Alert::level).max(Enum::compareTo).orElse(Level.OK);
    }
}
