package org.mimeo.table;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import javax.sql.DataSource;
import org.mimeo.config.ConfigRepository;
import org.mimeo.config.RefreshConfigTable;
import org.mimeo.ddl.DestinationDdl;

/** The transactional ends of a table refresh around its copy step: empty the table; then reset sequences. */
@ApplicationScoped
public class TableRefresh {

    @Resource(lookup = "java:jboss/datasources/MimeoDS")
    DataSource destination;

    @Inject
    ConfigRepository config;

    @Transactional(rollbackOn = Exception.class)
    public String truncate(String destTable, Boolean cascadeOverride) throws SQLException {
        RefreshConfigTable table = config.replication(destTable, RefreshConfigTable.class);
        boolean cascade = cascadeOverride != null ? cascadeOverride : table.isTruncateCascade();
        try (Connection d = destination.getConnection()) {
            DestinationDdl.truncate(d, table.destination(), cascade);
        }
        return "Truncated " + destTable + (cascade ? " with CASCADE (tables referencing it were truncated too)" : "");
    }

    @Transactional(rollbackOn = Exception.class)
    public List<String> finish(String destTable) throws SQLException {
        RefreshConfigTable table = config.replication(destTable, RefreshConfigTable.class);
        List<String> report;
        try (Connection d = destination.getConnection()) {
            report = TableSequences.reset(d, table.getSequences());
        }
        table.setLastRun(OffsetDateTime.now());
        return report;
    }
}
