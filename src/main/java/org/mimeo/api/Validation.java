package org.mimeo.api;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.mimeo.config.ConfigRepository;
import org.mimeo.config.RefreshConfig;
import org.mimeo.error.MimeoException;
import org.mimeo.replication.SourceAccess;
import org.mimeo.replication.SourceDescription;
import org.mimeo.sql.QualifiedName;

/** Checks of request values that need a database to answer (intervals, conditions, column names, sequences). */
@ApplicationScoped
public class Validation {

    @Resource(lookup = "java:jboss/datasources/MimeoDS")
    DataSource destination;

    @Inject
    SourceAccess sources;

    @Inject
    ConfigRepository config;

    /** PostgreSQL's own reading of an interval, normalised (e.g. '2 seconds' becomes '00:00:02'). */
    String interval(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try (Connection c = destination.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT CAST(? AS interval)::text, CAST(? AS interval) > interval '0'")) {
            ps.setString(1, text);
            ps.setString(2, text);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(2)) {
                    throw MimeoException.invalid("Field '" + field + "' must be a positive interval, got '" + text + "'");
                }
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw MimeoException.invalid("Field '" + field + "' is not a valid interval: '" + text + "' (examples: '10 minutes', '1 day', '00:00:30')");
        }
    }

    Integer positive(String field, Integer value) {
        if (value != null && value <= 0) {
            throw MimeoException.invalid("Field '" + field + "' must be a positive integer");
        }
        return value;
    }

    Long positiveLong(String field, Long value) {
        if (value != null && value <= 0) {
            throw MimeoException.invalid("Field '" + field + "' must be a positive integer");
        }
        return value;
    }

    String condition(RefreshConfig c, String condition) {
        SourceDescription.read(sources, config.source(c.getSourceId()), c.source(), c.getFilter(), condition, false);
        return condition;
    }

    List<String> filter(RefreshConfig c, List<String> filter) {
        SourceDescription.read(sources, config.source(c.getSourceId()), c.source(), filter.toArray(String[]::new), null, false);
        return filter;
    }

    List<String> sequences(List<String> sequences) {
        if (sequences == null) {
            return null;
        }
        try (Connection c = destination.getConnection()) {
            for (String name : sequences) {
                QualifiedName seq = QualifiedName.parse(name);
                try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_catalog.pg_class WHERE oid = to_regclass(?) AND relkind = 'S'")) {
                    ps.setString(1, seq.sql());
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            throw MimeoException.invalid("Sequence " + seq + " does not exist on the destination; create it first");
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return sequences;
    }
}
