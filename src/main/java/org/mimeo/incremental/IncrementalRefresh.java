package org.mimeo.incremental;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.mimeo.config.ConfigRepository;
import org.mimeo.config.IncrementalConfig;
import org.mimeo.config.SerialIncrementalConfig;
import org.mimeo.config.TimeIncrementalConfig;
import org.mimeo.ddl.DestinationDdl;
import org.mimeo.internal.MimeoLogger;
import org.mimeo.sql.Identifiers;

/** The transactional ends of an incremental run around its copy step. */
@ApplicationScoped
public class IncrementalRefresh {

    public static final String PAUSED = "PAUSED";

    @Resource(lookup = "java:jboss/datasources/MimeoDS")
    DataSource destination;

    @Inject
    ConfigRepository config;

    @Inject
    IncrementalCopySpecs specs;

    /**
     * DST pause, then for a repull: empty the destination (all of it, last_value back to "nothing
     * copied") or delete the repull window, committed before the copy reloads it.
     */
    @Transactional(rollbackOn = Exception.class)
    public String prepare(String destTable, boolean repull, String repullStart, String repullEnd, ZonedDateTime clock, boolean clockZone)
            throws SQLException {
        IncrementalConfig c = config.replication(destTable, IncrementalConfig.class);
        try (Connection d = destination.getConnection()) {
            if (c instanceof TimeIncrementalConfig t && t.isDstActive()) {
                ZoneId zone = clockZone ? clock.getZone() : ZoneId.of(timeZone(d));
                if (DstPause.pausedAt(clock == null ? Instant.now() : clock.toInstant(), zone, t.getDstStart(), t.getDstEnd())) {
                    MimeoLogger.LOG.dstPaused(destTable, zone.getId(), t.getDstStart(), t.getDstEnd());
                    c.setLastRun(OffsetDateTime.now());
                    return PAUSED;
                }
            }
            if (!repull) {
                return "COPY";
            }
            if (repullStart == null && repullEnd == null) {
                DestinationDdl.truncate(d, c.destination(), false);
                if (c instanceof TimeIncrementalConfig t) {
                    t.setLastValue(null);
                } else {
                    ((SerialIncrementalConfig) c).setLastValue(null);
                }
                return "Truncated " + destTable + " to pull all rows again";
            }
            ControlType type = specs.prepare(destTable).type();
            String control = "t." + Identifiers.quote(c.getControl());
            List<String> bounds = new ArrayList<>();
            StringBuilder where = new StringBuilder("true");
            if (repullStart != null) {
                where.append(" AND ").append(control).append(" > CAST(? AS ").append(type.sqlType()).append(')');
                bounds.add(repullStart);
            }
            if (repullEnd != null) {
                where.append(" AND ").append(control).append(" < CAST(? AS ").append(type.sqlType()).append(')');
                bounds.add(repullEnd);
            }
            try (PreparedStatement ps = d.prepareStatement("DELETE FROM " + c.destination().sql() + " AS t WHERE " + where)) {
                for (int i = 0; i < bounds.size(); i++) {
                    ps.setString(i + 1, bounds.get(i));
                }
                return "Deleted " + ps.executeUpdate() + " rows of " + destTable + " in the repull window to pull them again";
            }
        }
    }

    private static String timeZone(Connection d) throws SQLException {
        try (PreparedStatement ps = d.prepareStatement("SELECT current_setting('TimeZone')"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Transactional(rollbackOn = Exception.class)
    public void finish(String destTable) {
        config.replication(destTable, IncrementalConfig.class).setLastRun(OffsetDateTime.now());
    }
}
