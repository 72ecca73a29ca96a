package org.mimeo.table;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.mimeo.config.ConfigRepository;
import org.mimeo.config.RefreshConfigTable;
import org.mimeo.copy.CopySpec;
import org.mimeo.copy.CopySpecProvider;
import org.mimeo.ddl.DestinationCatalog;
import org.mimeo.replication.SourceAccess;
import org.mimeo.replication.SourceDescription;

/** A table refresh copies the source's (filtered) columns into the destination table itself. */
@ApplicationScoped
public class TableCopySpecs implements CopySpecProvider {

    @Resource(lookup = "java:jboss/datasources/MimeoDS")
    DataSource destination;

    @Inject
    ConfigRepository config;

    @Inject
    SourceAccess sources;

    @Override
    public String mode() {
        return "table";
    }

    @Override
    public CopySpec spec(String destTable) {
        RefreshConfigTable table = config.replication(destTable, RefreshConfigTable.class);
        SourceDescription source = SourceDescription.read(sources, config.source(table.getSourceId()), table.source(), table.getFilter(),
                null, false);
        try (Connection d = destination.getConnection()) {
            boolean binary = DestinationCatalog.requireColumns(d, table.destination(), source.columns());
            return new CopySpec(source.mapping(), table.source(), source.columns(), table.getCondition(), table.destination(), binary);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not inspect destination table " + destTable, e);
        }
    }
}
