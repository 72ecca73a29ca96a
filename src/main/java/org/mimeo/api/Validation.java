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
import org.mimeo.config.IncrementalConfig;
import org.mimeo.config.RefreshConfig;
import org.mimeo.config.SerialIncrementalConfig;
import org.mimeo.config.TimeIncrementalConfig;
import org.mimeo.error.MimeoException;
import org.mimeo.replication.MakerSupport;
import org.mimeo.replication.SourceAccess;
import org.mimeo.replication.SourceDescription;
import org.mimeo.sql.QualifiedName;
import org.mimeo.sql.SqlFragment;

/** Checks of request values that need a database to answer (intervals, conditions, column names, sequences). */
@ApplicationScoped
public class Validation {

    @Resource(lookup = "java:jboss/datasources/MimeoDS")
    DataSource destination;

    @Inject
    SourceAccess sources;

    @Inject
    ConfigRepository config;

    /** PostgreSQL's own reading of a positive interval, normalised (e.g. '2 seconds' becomes '00:00:02'). */
    String interval(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try (Connection c = destination.getConnection()) {
            return MakerSupport.interval(c, field, text, false);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
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

    /**
     * Each postScript element as one statement (a single trailing ';' dropped); 400 naming the element
     * when one holds several statements or an unterminated string, identifier or comment.
     */
    static List<String> postScript(List<String> script) {
        if (script == null) {
            return null;
        }
        List<String> statements = new java.util.ArrayList<>();
        for (int i = 0; i < script.size(); i++) {
            String element = script.get(i);
            if (element == null || element.isBlank()) {
                throw MimeoException.invalid("Field 'postScript' element " + (i + 1) + " is empty; give one SQL statement per element");
            }
            try {
                statements.add(SqlFragment.singleStatement(element).strip());
            } catch (IllegalArgumentException e) {
                throw MimeoException.invalid("Field 'postScript' element " + (i + 1) + " is refused: " + e.getMessage());
            }
        }
        return statements;
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

    /**
     * 400 naming the field unless {@code value} (when given) is a value of the replication's control
     * column kind: a timestamp for time-based, an integer for serial. Cast by the database as a bound
     * parameter; the job casts it again on the source the same way, never as SQL text.
     */
    void repullBound(String field, String value, IncrementalConfig c) {
        if (value == null || value.isBlank()) {
            return;
        }
        String type = c.isTimeBased() ? "timestamptz" : "bigint";
        try (Connection d = destination.getConnection(); PreparedStatement ps = d.prepareStatement("SELECT CAST(? AS " + type + ")")) {
            ps.setString(1, value);
            ps.executeQuery().close();
        } catch (SQLException e) {
            throw MimeoException.invalid("Field '" + field + "' is not a valid " + (c.isTimeBased() ? "timestamp" : "integer") + ": '" + value
                    + "' (" + (c.isTimeBased() ? "e.g. '2026-01-31 12:00:00+00'" : "e.g. 1000") + ")");
        }
    }

    /** PATCH of boundary, lastValue and the DST window of an inserter or updater. */
    void patchIncremental(IncrementalConfig c, JsonBody json) {
        if (c instanceof TimeIncrementalConfig t) {
            if (json.present("boundary")) {
                String b = json.scalarText("boundary");
                t.setBoundary(b == null ? "00:10:00" : nonNegativeInterval(b));
            }
            if (json.present("lastValue")) {
                String v = json.scalarText("lastValue");
                t.setLastValue(v == null ? null : timestamp(v));
            }
            if (json.present("dstActive")) {
                t.setDstActive(json.bool("dstActive", true));
            }
            if (json.present("dstStart")) {
                t.setDstStart(hhmm("dstStart", json.int32("dstStart"), 30));
            }
            if (json.present("dstEnd")) {
                t.setDstEnd(hhmm("dstEnd", json.int32("dstEnd"), 230));
            }
        } else {
            SerialIncrementalConfig s = (SerialIncrementalConfig) c;
            for (String field : List.of("dstActive", "dstStart", "dstEnd")) {
                if (json.present(field)) {
                    throw MimeoException.invalid("Field '" + field + "' applies only to time-based control columns");
                }
            }
            if (json.present("boundary")) {
                Long b = json.integer("boundary");
                if (b != null && b < 0) {
                    throw MimeoException.invalid("Field 'boundary' must be 0 or more");
                }
                s.setBoundary(b == null ? 10 : b);
            }
            if (json.present("lastValue")) {
                s.setLastValue(json.integer("lastValue"));
            }
        }
    }

    private static int hhmm(String field, Integer value, int defaultValue) {
        if (value == null) {
            return defaultValue;
        }
        if (value < 0 || value > 2359 || value % 100 > 59) {
            throw MimeoException.invalid("Field '" + field + "' is a time of day as HHMM (e.g. 230 for 02:30)");
        }
        return value;
    }

    private String nonNegativeInterval(String text) {
        try (Connection c = destination.getConnection()) {
            return MakerSupport.interval(c, "boundary", text, true);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private java.time.OffsetDateTime timestamp(String text) {
        try (Connection c = destination.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT CAST(? AS timestamptz)")) {
            ps.setString(1, text);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getObject(1, java.time.OffsetDateTime.class);
            }
        } catch (SQLException e) {
            throw MimeoException.invalid("Field 'lastValue' is not a valid timestamp: '" + text + "'");
        }
    }
}
