package org.mimeo.copy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import org.mimeo.config.DblinkMapping;
import org.mimeo.source.SourceConnections;

/** The copy readers' source connections in the server: borrowed from the source's pool. */
@ApplicationScoped
public class PooledCopySources implements CopySources {

    @Inject
    SourceConnections pools;

    @Override
    public Connection open(DblinkMapping source) {
        return pools.open(source);
    }

    @Override
    public Connection openSnapshot(DblinkMapping source) throws SQLException {
        return pools.openSnapshot(source);
    }
}
