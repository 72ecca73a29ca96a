package org.mimeo.job;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * After a crash, JBeret's repository still says STARTED for the executions that were running, on this
 * server or on another one that died. At start-up, before any job runs here, every execution still
 * marked running whose table's advisory lock nobody holds is marked FAILED, whichever server ran it: a live
 * server holds the lock of every table it runs, so a free lock means the execution's server is gone. They
 * can then be restarted from their last checkpoint, and the API and monitor tell the truth.
 */
public final class OrphanedExecutions {

    private static final String RUNNING = "('STARTING', 'STARTED', 'STOPPING')";
    private static final String TABLE_RUNS = "(SELECT execution_id FROM mimeo.job_run WHERE dest_table = ?)";

    private OrphanedExecutions() {
    }

    /** Marks the orphaned executions FAILED; returns how many. {@code c} must be in auto-commit mode. */
    public static int markFailed(Connection c) throws SQLException {
        if (!exists(c, "job_execution")) {
            return 0;
        }
        int jobs = 0;
        for (String table : tablesMarkedRunning(c)) {
            // holding the lock while marking keeps a server from starting this table's next refresh meanwhile
            if (!RefreshLocks.advisory(c, "pg_try_advisory_lock", table)) {
                continue;
            }
            try {
                jobs += markTable(c, table);
            } finally {
                RefreshLocks.advisory(c, "pg_advisory_unlock", table);
            }
        }
        return jobs;
    }

    private static List<String> tablesMarkedRunning(Connection c) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT r.dest_table FROM mimeo.job_run r JOIN job_execution je"
                + " ON je.jobexecutionid = r.execution_id WHERE je.batchstatus IN " + RUNNING);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    private static int markTable(Connection c, String table) throws SQLException {
        int jobs;
        // the execution's own log says why it ended, so GET /executions/{id} explains it, not only the server log
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO mimeo.job_log (execution_id, level, message)"
                + " SELECT je.jobexecutionid, 'ERROR', 'Marked FAILED at the start of server ' || ? || ': the server that ran it stopped or died"
                + " while it ran (no server held the table''s lock). Restart it with POST /mimeo/api/executions/' || je.jobexecutionid || '/restart'"
                + " FROM job_execution je WHERE je.batchstatus IN " + RUNNING + " AND je.jobexecutionid IN " + TABLE_RUNS)) {
            ps.setString(1, JobLauncher.serverId());
            ps.setString(2, table);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE job_execution
                   SET batchstatus = 'FAILED', exitstatus = 'FAILED: the server stopped while this execution ran',
                       endtime = now(), lastupdatedtime = now()
                 WHERE batchstatus IN """ + RUNNING + " AND jobexecutionid IN " + TABLE_RUNS)) {
            ps.setString(1, table);
            jobs = ps.executeUpdate();
        }
        for (String step : new String[] {"step_execution", "partition_execution"}) {
            if (!exists(c, step)) {
                continue;
            }
            String jobIdColumn = step.equals("step_execution") ? "jobexecutionid"
                    : "(SELECT s.jobexecutionid FROM step_execution s WHERE s.stepexecutionid = partition_execution.stepexecutionid)";
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + step + " SET batchstatus = 'FAILED'"
                    + (step.equals("step_execution") ? ", endtime = now()" : "")
                    + " WHERE batchstatus IN " + RUNNING + " AND " + jobIdColumn + " IN " + TABLE_RUNS)) {
                ps.setString(1, table);
                ps.executeUpdate();
            }
        }
        return jobs;
    }

    private static boolean exists(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }
}
