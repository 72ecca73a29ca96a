package org.mimeo.api;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import javax.sql.DataSource;
import org.mimeo.config.ConfigRepository;
import org.mimeo.config.IncrementalConfig;
import org.mimeo.config.RefreshConfig;
import org.mimeo.error.MimeoException;
import org.mimeo.internal.MimeoMessages;
import org.mimeo.replication.MakerSupport;
import org.mimeo.replication.SourceAccess;
import org.mimeo.replication.SourceDescription;
import org.mimeo.table.TableSequences;

/**
 * Checks of request values that only a database can answer: PostgreSQL's reading of intervals and
 * control values on the destination, sequences there, conditions and columns on the source. The
 * syntax of each value was checked before, by the request records' constraints.
 */
@ApplicationScoped
public class DatabaseChecks {

    @Resource(lookup = "java:jboss/datasources/MimeoDS")
    DataSource destination;

    @Inject
    SourceAccess sources;

    @Inject
    ConfigRepository config;

    /** PostgreSQL's own reading of an interval, normalised (e.g. '2 seconds' becomes '00:00:02'); null when none is given. */
    String interval(String field, String text, boolean zeroAllowed) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try (Connection c = destination.getConnection()) {
            return MakerSupport.interval(c, field, text, zeroAllowed);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * 400 naming the field unless {@code value} (when given) is a value of the replication's control
     * column kind: a timestamp for time-based, an integer for serial. Cast by the database as a bound
     * parameter; the job casts it again on the source the same way, never as SQL text.
     */
    void controlValue(String field, String value, IncrementalConfig c) {
        if (value == null || value.isBlank()) {
            return;
        }
        String type = c.isTimeBased() ? "timestamptz" : "bigint";
        try (Connection d = destination.getConnection(); PreparedStatement ps = d.prepareStatement("SELECT CAST(? AS " + type + ")")) {
            ps.setString(1, value);
            ps.executeQuery().close();
        } catch (SQLException e) {
            throw MimeoException.invalid(c.isTimeBased()
                    ? MimeoMessages.MSG.notAControlValue(field, "timestamp", value, "'2026-01-31 12:00:00+00'")
                    : MimeoMessages.MSG.notAControlValue(field, "integer", value, "1000"));
        }
    }

    OffsetDateTime timestamp(String text) {
        try (Connection c = destination.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT CAST(? AS timestamptz)")) {
            ps.setString(1, text);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getObject(1, OffsetDateTime.class);
            }
        } catch (SQLException e) {
            throw MimeoException.invalid(MimeoMessages.MSG.notATimestamp(text));
        }
    }

    /** 400 naming the first of {@code sequences} that is no sequence on the destination. */
    void sequencesExist(List<String> sequences) {
        try (Connection c = destination.getConnection()) {
            TableSequences.requireExisting(c, sequences);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The source reads the replication's table with this condition and filter (422 when it does not). */
    void readsOnSource(RefreshConfig c, String[] filter, String condition) {
        SourceDescription.read(sources, config.source(c.getSourceId()), c.source(), filter, condition, false);
    }
}
