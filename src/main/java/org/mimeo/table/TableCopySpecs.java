package org.mimeo.table;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.mimeo.config.ConfigRepository;
import org.mimeo.config.RefreshConfigTable;
import org.mimeo.copy.CopySpec;
import org.mimeo.copy.CopySpecProvider;
import org.mimeo.ddl.DestinationCatalog;
import org.mimeo.error.MimeoException;
import org.mimeo.replication.SourceAccess;
import org.mimeo.replication.SourceDescription;
import org.mimeo.source.Column;
import org.mimeo.sql.QualifiedName;

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
            boolean binary = requireColumns(d, table.destination(), source.columns());
            return new CopySpec(source.mapping(), table.source(), source.columns(), table.getCondition(), table.destination(), binary);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not inspect destination table " + destTable, e);
        }
    }

    /**
     * Fails when the destination lacks a source column; returns whether every column has the same
     * type on both sides (then rows can travel in binary COPY format).
     */
    static boolean requireColumns(Connection d, QualifiedName dest, List<Column> sourceColumns) throws SQLException {
        Map<String, Column> destColumns = DestinationCatalog.columns(d, dest).stream()
                .collect(Collectors.toMap(Column::name, Function.identity()));
        List<String> missing = sourceColumns.stream().map(Column::name).filter(n -> !destColumns.containsKey(n)).toList();
        if (!missing.isEmpty()) {
            throw MimeoException.conflict("Destination table " + dest + " lacks source column(s) " + missing
                    + "; add them on the destination (table replication does not propagate column changes)");
        }
        return sourceColumns.stream().allMatch(c -> c.type().equals(destColumns.get(c.name()).type()));
    }
}
