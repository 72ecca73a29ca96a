package org.mimeo.monitor;

import org.mimeo.internal.MimeoLogger;
import org.mimeo.internal.Settings;
import jakarta.annotation.Resource;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Purges the audit trail: executions (JBeret's tables and Mimeo's job_run and job_log) and refusal
 * records older than {@code mimeo.retention.days} (default 30), daily at 03:15. Running executions and
 * the newest execution of each table (which may still need a restart) are kept.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class HistoryRetention {


    @Resource(lookup = "java:jboss/datasources/MimeoDS")
    DataSource destination;

    @Schedule(hour = "3", minute = "15", persistent = false, info = "mimeo history retention")
    void daily() {
        int days = Settings.retentionDays();
        if (days > 0) {
            int purged = purge(days);
            MimeoLogger.LOG.historyPurged(purged, days);
        }
    }

    /** Returns how many executions were removed. */
    public int purge(int days) {
        String old = "(SELECT r.execution_id FROM mimeo.job_run r JOIN job_execution je ON je.jobexecutionid = r.execution_id"
                + " WHERE r.created < now() - make_interval(days => " + days + ")"
                + " AND je.batchstatus NOT IN ('STARTING', 'STARTED', 'STOPPING')"
                + " AND r.execution_id <> (SELECT max(n.execution_id) FROM mimeo.job_run n WHERE n.dest_table = r.dest_table))";
        try (Connection c = destination.getConnection(); Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            st.execute("CREATE TEMPORARY TABLE mimeo_purge ON COMMIT DROP AS " + old);
            st.executeUpdate("DELETE FROM mimeo.job_log WHERE execution_id IN (SELECT execution_id FROM mimeo_purge)");
            st.executeUpdate("DELETE FROM partition_execution WHERE stepexecutionid IN (SELECT stepexecutionid FROM step_execution"
                    + " WHERE jobexecutionid IN (SELECT execution_id FROM mimeo_purge))");
            st.executeUpdate("DELETE FROM step_execution WHERE jobexecutionid IN (SELECT execution_id FROM mimeo_purge)");
            int purged = st.executeUpdate("DELETE FROM job_execution WHERE jobexecutionid IN (SELECT execution_id FROM mimeo_purge)");
            st.executeUpdate("DELETE FROM job_instance i WHERE NOT EXISTS (SELECT 1 FROM job_execution e WHERE e.jobinstanceid = i.jobinstanceid)");
            st.executeUpdate("DELETE FROM mimeo.job_run WHERE execution_id IN (SELECT execution_id FROM mimeo_purge)");
            st.executeUpdate("DELETE FROM mimeo.refresh_attempt WHERE attempted_at < now() - make_interval(days => " + days + ")");
            st.executeUpdate("DELETE FROM mimeo.audit WHERE at < now() - make_interval(days => " + days + ")");
            c.commit();
            return purged;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not purge the execution history", e);
        }
    }
}
