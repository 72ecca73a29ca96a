package org.mimeo.job;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** mimeo.job_run: which execution refreshed which table, on which server, restarting which execution. */
@ApplicationScoped
public class JobRuns {

    public record Run(long executionId, String destTable, String jobName, String serverId, Long restartOf) {
    }

    @Resource(lookup = "java:jboss/datasources/MimeoDS")
    DataSource ds;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(long executionId, String destTable, String jobName, String serverId, Long restartOf) {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "INSERT INTO mimeo.job_run (execution_id, dest_table, job_name, server_id, restart_of) VALUES (?, ?, ?, ?, ?)")) {
            ps.setLong(1, executionId);
            ps.setString(2, destTable);
            ps.setString(3, jobName);
            ps.setString(4, serverId);
            ps.setObject(5, restartOf);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not record execution " + executionId, e);
        }
    }

    /** A refresh that did not start (e.g. ALREADY_RUNNING): the original's jobmon WARNING. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordAttempt(String destTable, String outcome, String message) {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO mimeo.refresh_attempt (dest_table, outcome, message) VALUES (?, ?, ?)")) {
            ps.setString(1, destTable);
            ps.setString(2, outcome);
            ps.setString(3, message);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not record a refresh attempt of " + destTable, e);
        }
    }

    /** The status JBeret has stored for the execution (its table in the destination database). */
    public Optional<String> storedStatus(long executionId) {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT batchstatus FROM job_execution WHERE jobexecutionid = ?")) {
            ps.setLong(1, executionId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the status of execution " + executionId, e);
        }
    }

    public Optional<Run> find(long executionId) {
        List<Run> runs = query("SELECT execution_id, dest_table, job_name, server_id, restart_of FROM mimeo.job_run WHERE execution_id = ?",
                executionId);
        return runs.stream().findFirst();
    }

    /** Newest first; {@code destTable} null for all tables. */
    public List<Run> list(String destTable, int limit) {
        if (destTable == null) {
            return query("SELECT execution_id, dest_table, job_name, server_id, restart_of FROM mimeo.job_run ORDER BY execution_id DESC LIMIT ?", limit);
        }
        return query("SELECT execution_id, dest_table, job_name, server_id, restart_of FROM mimeo.job_run WHERE dest_table = ? ORDER BY execution_id DESC LIMIT ?",
                destTable, limit);
    }

    private List<Run> query(String sql, Object... params) {
        List<Run> runs = new ArrayList<>();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    runs.add(new Run(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), (Long) rs.getObject(5)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read mimeo.job_run", e);
        }
        return runs;
    }
}
