package org.mimeo.incremental;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.mimeo.config.ConfigRepository;
import org.mimeo.config.IncrementalConfig;
import org.mimeo.config.SerialIncrementalConfig;
import org.mimeo.config.TimeIncrementalConfig;
import org.mimeo.copy.Block;
import org.mimeo.copy.BlockProgress;
import org.mimeo.copy.CopySpec;
import org.mimeo.ddl.DestinationCatalog;
import org.mimeo.error.MimeoException;
import org.mimeo.internal.MimeoMessages;
import org.mimeo.replication.SourceAccess;
import org.mimeo.replication.SourceDescription;
import org.mimeo.source.Column;

/**
 * What an incremental run copies: the (filtered) source columns into the destination table; updaters
 * replace rows by key. Each block advances last_value in the block's own transaction.
 */
@ApplicationScoped
public class IncrementalCopySpecs {

    /** A copy spec plus the control column facts the reader needs. */
    public record Prepared(CopySpec spec, String control, ControlType type, String boundary, String lastValue) {
    }

    @Resource(lookup = "java:jboss/datasources/MimeoDS")
    DataSource destination;

    @Inject
    ConfigRepository config;

    @Inject
    SourceAccess sources;

    public Prepared prepare(String destTable) {
        IncrementalConfig c = config.replication(destTable, IncrementalConfig.class);
        SourceDescription source = SourceDescription.read(sources, config.source(c.getSourceId()), c.source(), c.getFilter(), null, false);
        Column control = source.columns().stream().filter(col -> col.name().equals(c.getControl())).findFirst()
                .orElseThrow(() -> MimeoException.sourceError(MimeoMessages.MSG.controlColumnMissing(c.getControl(), c.getSourceTable())));
        ControlType type = ControlType.of(control.type(), control.name());
        String lastValue = c instanceof TimeIncrementalConfig t ? ControlType.fromConfig(t.getLastValue())
                : ((SerialIncrementalConfig) c).getLastValue() == null ? null : ((SerialIncrementalConfig) c).getLastValue().toString();
        boolean binary;
        try (Connection d = destination.getConnection()) {
            binary = DestinationCatalog.requireColumns(d, c.destination(), source.columns());
        } catch (SQLException e) {
            throw new IllegalStateException("Could not inspect destination table " + destTable, e);
        }
        List<String> key = c.getType().startsWith("updater") ? List.of(c.getPkName()) : null;
        CopySpec spec = new CopySpec(source.mapping(), c.source(), source.columns(), c.getCondition(), c.destination(), binary, key,
                lastValueRecorder(c, type));
        return new Prepared(spec, c.getControl(), type, c.boundaryText(), lastValue);
    }

    /** True when the destination table has no rows: then an updater's load can append instead of replacing by key. */
    public boolean destinationEmpty(String destTable) {
        IncrementalConfig c = config.replication(destTable, IncrementalConfig.class);
        try (Connection d = destination.getConnection();
             PreparedStatement ps = d.prepareStatement("SELECT NOT EXISTS (SELECT 1 FROM " + c.destination().sql() + ")");
             java.sql.ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getBoolean(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not inspect destination table " + destTable, e);
        }
    }

    /** last_value moves to each committed block's highest control value, never backwards. */
    private static BlockProgress lastValueRecorder(IncrementalConfig c, ControlType type) {
        String table = "mimeo.refresh_config_" + c.getType();
        String destTable = c.getDestTable();
        return (Connection dest, Block block) -> {
            String upper = ((Block.ValueRange) block).upperText();
            try (PreparedStatement ps = dest.prepareStatement("UPDATE " + table + " SET last_value = GREATEST(last_value, "
                    + type.configLiteral(upper) + ") WHERE dest_table = ?")) {
                ps.setString(1, destTable);
                ps.executeUpdate();
            }
        };
    }
}
