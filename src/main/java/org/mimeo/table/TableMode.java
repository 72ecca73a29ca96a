package org.mimeo.table;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.mimeo.config.ConfigRepository;
import org.mimeo.config.RefreshConfig;
import org.mimeo.config.RefreshConfigTable;
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
import org.mimeo.sql.QualifiedName;

/**
 * Plain table replication (table_maker, refresh_table, table_destroyer): truncate and reload; needs
 * no key, no control column and no write access on the source. As in the original, an existing
 * destination table is adopted as it is and not loaded by the maker; unlike the original, the
 * replication remembers that ({@code adopted}) and its destroyer leaves an adopted table in place.
 */
@ApplicationScoped
public class TableMode implements ReplicationMode {

    @Resource(lookup = "java:jboss/datasources/MimeoDS")
    DataSource destination;

    @Inject
    ConfigRepository config;

    @Inject
    SourceAccess sources;

    @Override
    public String type() {
        return RefreshConfigTable.TYPE;
    }

    @Override
    public String jobName() {
        return "table";
    }

    @Override
    public RefreshConfig make(MakeRequest request) {
        QualifiedName dest = QualifiedName.parse(request.destTable());
        QualifiedName src = QualifiedName.parse(request.sourceTable());
        SourceDescription source = SourceDescription.read(sources, sources.mapping(request.sourceId()), src, request.filterArray(),
                request.condition(), request.index());
        try (Connection d = destination.getConnection()) {
            if (!DestinationCatalog.schemaExists(d, dest.schema())) {
                throw SourceDescription.missingSchema(dest);
            }
            TableSequences.requireExisting(d, request.sequences());
            var kind = DestinationCatalog.relationKind(d, dest);
            if (kind.isPresent() && kind.get() != 'r') {
                throw MimeoException.conflict("Destination " + dest + " exists and is not a table");
            }
            if (kind.isPresent()) {
                DestinationCatalog.requireColumns(d, dest, source.columns());
            } else {
                DestinationCatalog.requireWritableSchema(d, dest);
                DestinationDdl.createTable(d, dest, source.columns());
                if (request.index()) {
                    IndexReplay.replay(d, source.indexes(), src, dest, request.filter() != null, source.columnNames());
                }
            }
            RefreshConfigTable table = MakerSupport.fill(new RefreshConfigTable(), request);
            table.setTruncateCascade(request.truncateCascade());
            table.setAdopted(kind.isPresent());
            table.setSequences(request.sequences() == null || request.sequences().isEmpty() ? null : request.sequences().toArray(String[]::new));
            config.add(table);
            return table;
        } catch (SQLException e) {
            throw MimeoException.invalid("Could not create table destination " + dest + ": " + e.getMessage());
        }
    }

    /** The original loads a table it created, never one that existed before. */
    public boolean existedBefore(MakeRequest request) {
        try (Connection d = destination.getConnection()) {
            return DestinationCatalog.exists(d, QualifiedName.parse(request.destTable()));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public RefreshParameters initialLoadParameters(MakeRequest request) {
        return RefreshParameters.NONE;
    }

    @Override
    public RefreshParameters refreshParameters(RefreshConfig c, RefreshRequest request) {
        return RefreshParameters.table(request.truncateCascade());
    }

    @Override
    public void destroy(RefreshConfig c, boolean archive) {
        MakerSupport.destroyTable(destination, config, c, archive || ((RefreshConfigTable) c).isAdopted());
    }
}
