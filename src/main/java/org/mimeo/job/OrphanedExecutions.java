package org.mimeo.job;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * After a crash, JBeret's repository still says STARTED for the executions that were running. At
 * start-up, before any job runs, those of this server are marked FAILED so that the API and the
 * monitor tell the truth and they can be restarted from their last checkpoint.
 */
public final class OrphanedExecutions {

    private static final String OWN_RUNS = "(SELECT execution_id FROM mimeo.job_run WHERE server_id = ?)";

    private OrphanedExecutions() {
    }

    public static int markFailed(Connection c, String serverId) throws SQLException {
        if (!exists(c, "job_execution")) {
            return 0;
        }
        int jobs;
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE job_execution
                   SET batchstatus = 'FAILED', exitstatus = 'FAILED: the server stopped while this execution ran',
                       endtime = now(), lastupdatedtime = now()
                 WHERE batchstatus IN ('STARTING', 'STARTED', 'STOPPING') AND jobexecutionid IN """ + OWN_RUNS)) {
            ps.setString(1, serverId);
            jobs = ps.executeUpdate();
        }
        for (String table : new String[] {"step_execution", "partition_execution"}) {
            if (!exists(c, table)) {
                continue;
            }
            String jobIdColumn = table.equals("step_execution") ? "jobexecutionid"
                    : "(SELECT s.jobexecutionid FROM step_execution s WHERE s.stepexecutionid = partition_execution.stepexecutionid)";
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET batchstatus = 'FAILED'"
                    + (table.equals("step_execution") ? ", endtime = now()" : "")
                    + " WHERE batchstatus IN ('STARTING', 'STARTED', 'STOPPING') AND " + jobIdColumn + " IN " + OWN_RUNS)) {
                ps.setString(1, serverId);
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
