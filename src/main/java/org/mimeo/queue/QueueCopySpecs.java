package org.mimeo.queue;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.mimeo.config.ConfigRepository;
import org.mimeo.config.DblinkMapping;
import org.mimeo.config.QueueConfig;
import org.mimeo.copy.Block;
import org.mimeo.copy.BlockProgress;
import org.mimeo.copy.CopySpec;
import org.mimeo.ddl.DestinationCatalog;
import org.mimeo.replication.SourceAccess;
import org.mimeo.replication.SourceDescription;

/**
 * What a dml/logdel run writes: a replay of queue blocks (each advancing last_queue_id in its own
 * transaction), or for a repull a full copy of the source (appended for dml into the emptied table;
 * by key for logdel, whose kept deleted rows may share a key with a row that came back).
 */
@ApplicationScoped
public class QueueCopySpecs {

    @Resource(lookup = "java:jboss/datasources/MimeoDS")
    DataSource destination;

    @Inject
    ConfigRepository config;

    @Inject
    SourceAccess sources;

    public record Prepared(QueueConfig config, CopySpec spec, DblinkMapping mapping) {
    }

    public Prepared prepare(String destTable, boolean repull) {
        QueueConfig c = config.replication(destTable, QueueConfig.class);
        SourceDescription source = SourceDescription.read(sources, config.source(c.getSourceId()), c.source(), c.getFilter(), null, false);
        boolean binary;
        try (Connection d = destination.getConnection()) {
            binary = DestinationCatalog.requireColumns(d, c.destination(), source.columns());
        } catch (SQLException e) {
            throw new IllegalStateException("Could not inspect destination table " + destTable, e);
        }
        List<String> key = List.of(c.getPkName());
        CopySpec spec;
        if (repull) {
            spec = new CopySpec(source.mapping(), c.source(), source.columns(), c.getCondition(), c.destination(), binary,
                    c.keepsDeletedRows() ? key : null, null);
        } else {
            spec = new CopySpec(source.mapping(), c.source(), source.columns(), c.getCondition(), c.destination(), binary, key,
                    queuePosition(c), new QueueApply(c.queue(), c.keepsDeletedRows()));
        }
        return new Prepared(c, spec, source.mapping());
    }

    /** The queue position moves to the end of each committed block, in that block's transaction, never backwards. */
    private static BlockProgress queuePosition(QueueConfig c) {
        String table = "mimeo.refresh_config_" + c.getType();
        String destTable = c.getDestTable();
        return (Connection dest, Block block) -> {
            Block.QueueRange range = (Block.QueueRange) block;
            try (PreparedStatement ps = dest.prepareStatement("UPDATE " + table + " SET (last_queue_xid, last_queue_id) = (?, ?)"
                    + " WHERE dest_table = ? AND (last_queue_xid, last_queue_id) < (?, ?)")) {
                ps.setLong(1, range.toXid());
                ps.setLong(2, range.toId());
                ps.setString(3, destTable);
                ps.setLong(4, range.toXid());
                ps.setLong(5, range.toId());
                ps.executeUpdate();
            }
        };
    }
}
