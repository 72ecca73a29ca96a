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
import javax.sql.DataSource;

/**
 * The execution log in mimeo.job_log. Entries are written in their own transaction, so what a failed
 * run did before it failed stays on record when its work is rolled back.
 */
@ApplicationScoped
public class JobLogStore {

    public record Entry(java.time.OffsetDateTime time, String level, String message) {
    }

    @Resource(lookup = "java:jboss/datasources/MimeoDS")
    DataSource ds;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void append(long executionId, String level, String message) {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO mimeo.job_log (execution_id, level, message) VALUES (?, ?, ?)")) {
            ps.setLong(1, executionId);
            ps.setString(2, level);
            ps.setString(3, message);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not write the execution log of " + executionId, e);
        }
    }

    public List<Entry> entries(long executionId) {
        List<Entry> entries = new ArrayList<>();
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT logged_at, level, message FROM mimeo.job_log WHERE execution_id = ? ORDER BY id")) {
            ps.setLong(1, executionId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    entries.add(new Entry(rs.getObject(1, java.time.OffsetDateTime.class), rs.getString(2), rs.getString(3)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the execution log of " + executionId, e);
        }
        return entries;
    }
}
