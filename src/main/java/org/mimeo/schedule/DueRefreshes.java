package org.mimeo.schedule;

import org.mimeo.internal.MimeoLogger;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.mimeo.error.Failure;
import org.mimeo.error.MimeoException;
import org.mimeo.replication.RefreshRequest;
import org.mimeo.replication.Replications;

/**
 * Starts the refreshes that are due: every replication with a period whose last successful run is
 * older than that period, oldest first, unless one of its refreshes started within the period (so a
 * failing table is retried once a period, not at every tick). A table whose lock is held is skipped
 * (and recorded as already running); a failure to start one table does not stop the others.
 */
@ApplicationScoped
public class DueRefreshes {


    /** A refresh started for a due table. */
    public record Started(String destTable, long executionId) {
    }

    @Resource(lookup = "java:jboss/datasources/MimeoDS")
    DataSource destination;

    @Inject
    Replications replications;

    public List<String> due(String type, Integer maxTables) {
        List<String> due = new ArrayList<>();
        try (Connection c = destination.getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT rc.dest_table FROM mimeo.refresh_config rc
                 WHERE rc.period IS NOT NULL
                   AND (rc.last_run IS NULL OR now() - rc.last_run > rc.period)
                   AND NOT EXISTS (SELECT 1 FROM mimeo.job_run r WHERE r.dest_table = rc.dest_table AND r.created > now() - rc.period)
                   AND (CAST(? AS text) IS NULL OR rc.type = ? OR rc.type LIKE ? || '\\_%')
                 ORDER BY rc.last_run NULLS FIRST, rc.dest_table
                 LIMIT ?""")) {
            ps.setString(1, type);
            ps.setString(2, type);
            ps.setString(3, type);
            ps.setInt(4, maxTables == null ? Integer.MAX_VALUE : maxTables);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    due.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the schedules from mimeo.refresh_config", e);
        }
        return due;
    }

    /** Starts up to {@code maxTables} due refreshes (all when null); returns what started. */
    public List<Started> start(String type, Integer maxTables) {
        List<Started> started = new ArrayList<>();
        for (String destTable : due(type, null)) {
            if (maxTables != null && started.size() >= maxTables) {
                break;
            }
            try {
                started.add(new Started(destTable, replications.refresh(destTable, RefreshRequest.defaults(), null)));
            } catch (MimeoException e) {
                if (e.failure() != Failure.ALREADY_RUNNING) {
                    MimeoLogger.LOG.scheduledRefreshNotStarted(destTable, e);
                }
            } catch (RuntimeException e) {
                MimeoLogger.LOG.scheduledRefreshNotStarted(destTable, e);
            }
        }
        return started;
    }
}
