package org.mimeo.source;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/** At start-up: encrypts source passwords that an older version stored in plain text (pwd_encrypted false). */
public final class PlainPasswordUpgrade {

    private PlainPasswordUpgrade() {
    }

    /** Returns how many rows were encrypted; runs in one transaction on {@code c}. */
    public static int run(Connection c, SourceCredentials credentials) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            Map<Integer, String> plain = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT data_source_id, pwd FROM mimeo.dblink_mapping WHERE pwd IS NOT NULL AND NOT pwd_encrypted FOR UPDATE");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    plain.put(rs.getInt(1), rs.getString(2));
                }
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE mimeo.dblink_mapping SET pwd = ?, pwd_encrypted = true WHERE data_source_id = ?")) {
                for (Map.Entry<Integer, String> row : plain.entrySet()) {
                    ps.setString(1, credentials.encrypt(row.getValue()));
                    ps.setInt(2, row.getKey());
                    ps.executeUpdate();
                }
            }
            c.commit();
            return plain.size();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }
}
