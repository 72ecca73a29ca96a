package org.mimeo.incremental;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.mimeo.config.IncrementalConfig;
import org.mimeo.config.RefreshConfig;
import org.mimeo.config.SerialIncrementalConfig;
import org.mimeo.config.TimeIncrementalConfig;
import org.mimeo.ddl.DestinationCatalog;
import org.mimeo.error.MimeoException;
import org.mimeo.internal.MimeoMessages;
import org.mimeo.replication.MakeRequest;
import org.mimeo.replication.MakerSteps;
import org.mimeo.replication.MakerSupport;
import org.mimeo.replication.SourceAccess;
import org.mimeo.source.Column;

/**
 * An inserter or updater maker: the control column's type decides between time (timestamp, timestamptz) and
 * serial (smallint, integer, bigint). Without pullData the replication starts after the source's highest
 * control value, so the first refresh copies only what comes later.
 */
final class IncrementalMaker extends MakerSteps {

    private static final String TIME_BOUNDARY = "00:10:00";

    private final IncrementalMode mode;
    private final SourceAccess sources;
    private Column control;
    private ControlType controlType;
    private List<Column> key;
    private String boundary;

    IncrementalMaker(MakeRequest request, IncrementalMode mode, SourceAccess sources) {
        super(request);
        this.mode = mode;
        this.sources = sources;
    }

    @Override
    protected void checkSource() {
        control = source().columns().stream().filter(c -> c.name().equals(request.controlField())).findFirst()
                .orElseThrow(() -> MimeoException.sourceError(request.filter() != null
                        ? MimeoMessages.MSG.noControlColumnInFilter(request.controlField(), src)
                        : MimeoMessages.MSG.noControlColumn(request.controlField(), src)));
        controlType = ControlType.of(control.type(), control.name());
        key = mode.key(request, source());
    }

    @Override
    protected void checkDestination(Connection d) throws SQLException {
        boundary = controlType.isTime()
                ? request.boundary() == null || request.boundary().isBlank() ? TIME_BOUNDARY : MakerSupport.interval(d, "boundary", request.boundary(), true)
                : serialBoundary(request.boundary());
        DestinationCatalog.requireWritableSchema(d, dest);
        requireNewDestination(d, mode.type());
    }

    @Override
    protected void createDestination(Connection d) throws SQLException {
        createTable(d, dest, source().columns());
        if (key != null) {
            MakerSupport.ensureUniqueKey(d, dest, key);
        }
    }

    @Override
    protected RefreshConfig configure(Connection d) throws SQLException {
        IncrementalConfig c = mode.newConfig(controlType.isTime());
        c.setControl(control.name());
        if (key != null) {
            setKey(c, key);
        }
        String startAfter = request.pullData() ? null : currentMax();
        if (c instanceof TimeIncrementalConfig t) {
            t.setBoundary(boundary);
            t.setLastValue(startAfter == null ? null : LocalDateTime.parse(startAfter).atOffset(ZoneOffset.UTC));
            t.setDstActive(!isUtc(d));
        } else {
            SerialIncrementalConfig s = (SerialIncrementalConfig) c;
            s.setBoundary(Long.parseLong(boundary));
            s.setLastValue(startAfter == null ? null : Long.valueOf(startAfter));
        }
        return c;
    }

    /** The boundary of a serial control column: 10 unless given, never negative. */
    static String serialBoundary(String requested) {
        if (requested == null || requested.isBlank()) {
            return "10";
        }
        try {
            long value = Long.parseLong(requested.strip());
            if (value < 0) {
                throw MimeoException.invalid(MimeoMessages.MSG.serialBoundaryNegative());
            }
            return Long.toString(value);
        } catch (NumberFormatException e) {
            throw MimeoException.invalid(MimeoMessages.MSG.serialBoundaryNotInteger(requested));
        }
    }

    private String currentMax() {
        try (Connection c = sources.open(source().mapping())) {
            SourceAccess.guardForCondition(c);
            return new IncrementalSource(c, src, control.name(), request.condition(), controlType).max("true");
        } catch (SQLException e) {
            throw SourceAccess.sourceFailure("reading the highest control value", src, e);
        }
    }

    private static boolean isUtc(Connection d) throws SQLException {
        try (PreparedStatement ps = d.prepareStatement("SELECT current_setting('TimeZone')"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return ZoneId.of(rs.getString(1)).getRules().isFixedOffset();
        }
    }
}
