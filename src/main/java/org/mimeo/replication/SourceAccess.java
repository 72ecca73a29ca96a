package org.mimeo.replication;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.mimeo.config.ConfigRepository;
import org.mimeo.config.DblinkMapping;
import org.mimeo.error.MimeoException;
import org.mimeo.source.SourceConnections;
import org.mimeo.sql.QualifiedName;

/** Source-side checks every maker makes before it creates anything. */
@ApplicationScoped
public class SourceAccess {

    @Inject
    ConfigRepository config;

    @Inject
    SourceConnections connections;

    public DblinkMapping mapping(int sourceId) {
        return config.source(sourceId);
    }

    public Connection open(DblinkMapping mapping) {
        return connections.open(mapping);
    }

    /** Runs the condition on the source (without reading rows) so a bad one fails the maker, not the first refresh. */
    public static void checkCondition(Connection c, QualifiedName sourceTable, String condition) {
        if (condition == null || condition.isBlank()) {
            return;
        }
        try (Statement st = c.createStatement()) {
            st.execute("SELECT 1 FROM " + sourceTable.sql() + " " + condition + " LIMIT 0");
        } catch (SQLException e) {
            throw MimeoException.sourceError("condition does not work on source table " + sourceTable + ": " + e.getMessage()
                    + ". It must start with 'WHERE ...' or ', other_table WHERE ...'", e);
        }
    }

    public static MimeoException sourceFailure(String what, QualifiedName sourceTable, SQLException e) {
        if (SourceConnections.isConnectionFailure(e)) {
            return MimeoException.unreachable("The source of " + sourceTable + " became unreachable while " + what + ": " + e.getMessage(), e);
        }
        return MimeoException.sourceError("The source refused " + what + " for " + sourceTable + ": " + e.getMessage(), e);
    }
}
