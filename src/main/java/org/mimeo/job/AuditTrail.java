package org.mimeo.job;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** mimeo.audit: makers and destroyers, written in their own transaction so failures stay on record. */
@ApplicationScoped
public class AuditTrail {

    @Resource(lookup = "java:jboss/datasources/MimeoDS")
    DataSource ds;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(String destTable, String action, String outcome, long durationMillis, Long executionId, String message) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO mimeo.audit (dest_table, action, outcome, duration_ms, execution_id, message, server_id) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, destTable);
            ps.setString(2, action);
            ps.setString(3, outcome);
            ps.setLong(4, durationMillis);
            ps.setObject(5, executionId);
            ps.setString(6, message);
            ps.setString(7, JobLauncher.serverId());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not write the audit trail of " + destTable, e);
        }
    }

    public List<Map<String, Object>> entries(String destTable, int limit) {
        List<Map<String, Object>> entries = new ArrayList<>();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT at, dest_table, action, outcome, duration_ms, execution_id, message, server_id FROM mimeo.audit"
                        + " WHERE CAST(? AS text) IS NULL OR dest_table = ? ORDER BY id DESC LIMIT ?")) {
            ps.setString(1, destTable);
            ps.setString(2, destTable);
            ps.setInt(3, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> e = new LinkedHashMap<>();
                    e.put("time", rs.getObject(1, java.time.OffsetDateTime.class));
                    e.put("destTable", rs.getString(2));
                    e.put("action", rs.getString(3));
                    e.put("outcome", rs.getString(4));
                    e.put("durationMillis", rs.getLong(5));
                    e.put("executionId", rs.getObject(6));
                    e.put("message", rs.getString(7));
                    e.put("server", rs.getString(8));
                    entries.add(e);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the audit trail", e);
        }
        return entries;
    }
}
