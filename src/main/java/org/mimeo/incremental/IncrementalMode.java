package org.mimeo.incremental;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.mimeo.config.ConfigRepository;
import org.mimeo.config.IncrementalConfig;
import org.mimeo.config.RefreshConfig;
import org.mimeo.config.SerialIncrementalConfig;
import org.mimeo.config.TimeIncrementalConfig;
import org.mimeo.ddl.DestinationCatalog;
import org.mimeo.ddl.DestinationDdl;
import org.mimeo.ddl.IndexReplay;
import org.mimeo.error.MimeoException;
import org.mimeo.job.RefreshParameters;
import org.mimeo.replication.MakeRequest;
import org.mimeo.replication.MakerSupport;
import org.mimeo.replication.RefreshRequest;
import org.mimeo.replication.ReplicationMode;
import org.mimeo.replication.SourceAccess;
import org.mimeo.replication.SourceDescription;
import org.mimeo.source.Column;
import org.mimeo.sql.Identifiers;
import org.mimeo.sql.QualifiedName;

/**
 * Makers, refresh parameters and destroyers shared by inserter and updater replication. The control
 * column's type decides between time (timestamp, timestamptz) and serial (smallint, integer, bigint).
 */
abstract class IncrementalMode implements ReplicationMode {

    @Resource(lookup = "java:jboss/datasources/MimeoDS")
    DataSource destination;

    @Inject
    ConfigRepository config;

    @Inject
    SourceAccess sources;

    /** The configuration entity for this kind, time- or serial-based. */
    abstract IncrementalConfig newConfig(boolean timeBased);

    /** The replication key (updater), or null when the kind needs none (inserter). */
    abstract List<Column> key(MakeRequest request, SourceDescription source);

    @Override
    public String jobName() {
        return type();
    }

    @Override
    public boolean handles(String configType) {
        return configType.startsWith(type() + "_");
    }

    @Override
    public RefreshConfig make(MakeRequest request) {
        if (request.controlField() == null || request.controlField().isBlank()) {
            throw MimeoException.invalid("Field 'controlField' is required for " + type() + " replication");
        }
        QualifiedName dest = QualifiedName.parse(request.destTable());
        QualifiedName src = QualifiedName.parse(request.sourceTable());
        SourceDescription source = SourceDescription.read(sources, sources.mapping(request.sourceId()), src, request.filterArray(),
                request.condition(), request.index());
        Column control = source.columns().stream().filter(c -> c.name().equals(request.controlField())).findFirst()
                .orElseThrow(() -> MimeoException.sourceError("Control column " + request.controlField() + " is not a column of source table " + src
                        + (request.filter() != null ? " or is not in the filter" : "")));
        ControlType type = ControlType.of(control.type(), control.name());
        List<Column> key = key(request, source);
        try (Connection d = destination.getConnection()) {
            String boundary = type.isTime()
                    ? request.boundary() == null || request.boundary().isBlank() ? "00:10:00" : MakerSupport.interval(d, "boundary", request.boundary(), true)
                    : boundary(request.boundary(), false);
            DestinationCatalog.requireWritableSchema(d, dest);
            if (DestinationCatalog.exists(d, dest)) {
                throw MimeoException.conflict("Destination " + dest + " already exists; an " + type() + " destination is created by the maker");
            }
            DestinationDdl.createTable(d, dest, source.columns());
            if (request.index()) {
                IndexReplay.replay(d, source.indexes(), src, dest, request.filter() != null, source.columnNames());
            }
            if (key != null) {
                MakerSupport.ensureUniqueKey(d, dest, key);
            }
            IncrementalConfig c = MakerSupport.fill(newConfig(type.isTime()), request);
            c.setControl(control.name());
            if (key != null) {
                c.setPkName(key.stream().map(Column::name).toArray(String[]::new));
                c.setPkType(key.stream().map(Column::type).toArray(String[]::new));
            }
            String startAfter = request.pullData() ? null : currentMax(source, src, control.name(), request.condition(), type);
            if (c instanceof TimeIncrementalConfig t) {
                t.setBoundary(boundary);
                t.setLastValue(startAfter == null ? null : LocalDateTime.parse(startAfter).atOffset(ZoneOffset.UTC));
                t.setDstActive(!isUtc(d));
            } else {
                SerialIncrementalConfig s = (SerialIncrementalConfig) c;
                s.setBoundary(Long.parseLong(boundary));
                s.setLastValue(startAfter == null ? null : Long.valueOf(startAfter));
            }
            config.add(c);
            return c;
        } catch (SQLException e) {
            throw MimeoException.invalid("Could not create " + type() + " destination " + dest + ": " + e.getMessage());
        }
    }

    static String boundary(String requested, boolean time) {
        if (requested == null || requested.isBlank()) {
            return time ? "00:10:00" : "10";
        }
        if (time) {
            return requested;
        }
        try {
            long value = Long.parseLong(requested.strip());
            if (value < 0) {
                throw MimeoException.invalid("Field 'boundary' must be 0 or more for a serial control column");
            }
            return Long.toString(value);
        } catch (NumberFormatException e) {
            throw MimeoException.invalid("Field 'boundary' must be an integer for a serial control column, got '" + requested + "'");
        }
    }

    private String currentMax(SourceDescription source, QualifiedName table, String control, String condition, ControlType type) {
        try (Connection c = sources.open(source.mapping())) {
            SourceAccess.guardForCondition(c);
            return new IncrementalSource(c, table, control, condition, type).max("true");
        } catch (SQLException e) {
            throw SourceAccess.sourceFailure("reading the highest control value", table, e);
        }
    }

    private static boolean isUtc(Connection d) throws SQLException {
        try (PreparedStatement ps = d.prepareStatement("SELECT current_setting('TimeZone')"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return java.time.ZoneId.of(rs.getString(1)).getRules().isFixedOffset();
        }
    }

    @Override
    public RefreshParameters initialLoadParameters(MakeRequest request) {
        return RefreshParameters.NONE;
    }

    @Override
    public RefreshParameters refreshParameters(RefreshConfig c, RefreshRequest request) {
        return RefreshParameters.incremental(request.limit() != null ? request.limit() : c.getBatchLimit(), request.repull(),
                request.repullStart(), request.repullEnd(), request.clock());
    }

    @Override
    public void destroy(RefreshConfig c, boolean archive) {
        MakerSupport.destroyTable(destination, config, c, archive);
    }
}
