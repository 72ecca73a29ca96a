package org.mimeo.replication;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import org.mimeo.config.ConfigRepository;
import org.mimeo.config.DblinkMapping;
import org.mimeo.error.MimeoException;
import org.mimeo.internal.MimeoMessages;
import org.mimeo.internal.Settings;
import org.mimeo.source.SourceConnections;
import org.mimeo.sql.ConditionText;
import org.mimeo.sql.QualifiedName;
import org.mimeo.sql.SqlFragment;

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

    /**
     * Runs the condition on the source (without reading rows) so a bad one fails the maker, not the first
     * refresh: 400 when it could end or escape the query it is put in, 422 when the source refuses it.
     * The caller's transaction must be {@link #guardForCondition guarded}.
     */
    public static void checkCondition(Connection c, QualifiedName sourceTable, String condition) {
        if (condition == null || condition.isBlank()) {
            return;
        }
        requireSafeCondition(condition);
        try (Statement st = c.createStatement()) {
            st.execute("SELECT 1 FROM " + sourceTable.sql() + ConditionText.sql(condition) + " LIMIT 0");
        } catch (SQLException e) {
            throw MimeoException.sourceError(MimeoMessages.MSG.conditionFails(sourceTable, e.getMessage()), e);
        }
    }

    /** 400 naming the field when a condition could end the query it is put in and start another, or escape it. */
    public static void requireSafeCondition(String condition) {
        if (condition == null) {
            return;
        }
        SqlFragment.conditionProblem(condition).ifPresent(problem -> {
            throw MimeoException.invalid(MimeoMessages.MSG.conditionRefused(problem));
        });
    }

    /**
     * Starts a READ ONLY transaction on {@code c} whose statements time out after
     * {@link Settings#conditionCheckSeconds()}: where a user's condition runs outside a refresh (makers, PATCH, checks).
     */
    public static void guardForCondition(Connection c) throws SQLException {
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            st.execute("SET TRANSACTION READ ONLY");
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_catalog.set_config('statement_timeout', ?, true)")) {
            ps.setString(1, Settings.conditionCheckSeconds() + "s");
            ps.execute();
        }
    }

    public static MimeoException sourceFailure(String what, QualifiedName sourceTable, SQLException e) {
        if (SourceConnections.isConnectionFailure(e)) {
            return MimeoException.unreachable(MimeoMessages.MSG.sourceUnreachableWhile(sourceTable, what, e.getMessage()), e);
        }
        return MimeoException.sourceError(MimeoMessages.MSG.sourceRefused(what, sourceTable, e.getMessage()), e);
    }
}
