package org.mimeo.table;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import org.mimeo.config.RefreshConfig;
import org.mimeo.config.RefreshConfigTable;
import org.mimeo.ddl.DestinationCatalog;
import org.mimeo.error.MimeoException;
import org.mimeo.internal.MimeoMessages;
import org.mimeo.replication.MakeRequest;
import org.mimeo.replication.MakerSteps;
import org.mimeo.replication.SourceDescription;

/**
 * A table maker creates the destination table, or adopts an existing one as it is (as in the original) when
 * it has every source column; the replication remembers that it adopted it ({@code adopted}).
 */
final class TableMaker extends MakerSteps {

    private boolean adopted;

    TableMaker(MakeRequest request) {
        super(request);
    }

    @Override
    protected void checkDestination(Connection d) throws SQLException {
        if (!DestinationCatalog.schemaExists(d, dest.schema())) {
            throw SourceDescription.missingSchema(dest);
        }
        TableSequences.requireExisting(d, request.sequences());
        Optional<Character> kind = DestinationCatalog.relationKind(d, dest);
        if (kind.isPresent() && kind.get() != 'r') {
            throw MimeoException.conflict(MimeoMessages.MSG.destinationNotATable(dest));
        }
        adopted = kind.isPresent();
        if (adopted) {
            DestinationCatalog.requireColumns(d, dest, source().columns());
        } else {
            // an adopted table needs no CREATE on its schema
            DestinationCatalog.requireWritableSchema(d, dest);
        }
    }

    @Override
    protected void createDestination(Connection d) throws SQLException {
        if (!adopted) {
            createTable(d, dest, source().columns());
        }
    }

    @Override
    protected RefreshConfig configure(Connection d) {
        RefreshConfigTable table = new RefreshConfigTable();
        table.setTruncateCascade(request.truncateCascade());
        table.setAdopted(adopted);
        table.setSequences(request.sequences() == null || request.sequences().isEmpty() ? null : request.sequences().toArray(String[]::new));
        return table;
    }
}
