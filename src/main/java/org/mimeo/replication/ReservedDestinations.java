package org.mimeo.replication;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;
import javax.sql.DataSource;
import org.mimeo.error.MimeoException;
import org.mimeo.internal.MimeoMessages;
import org.mimeo.sql.QualifiedName;

/**
 * Destinations no maker may create, adopt or later truncate or drop: anything in Mimeo's own schema,
 * in a system schema ({@code pg_catalog}, {@code information_schema}, {@code pg_toast}, the temporary
 * schemas: every name starting with {@code pg_}), and JBeret's job repository, whose tables share the
 * destination database and are found through the search_path ({@code public} by default), so their
 * names are reserved in every schema on that path.
 */
@ApplicationScoped
public class ReservedDestinations {

    static final Set<String> SCHEMAS = Set.of("mimeo", "information_schema");

    /** JBeret 3's PostgreSQL job repository (sql/jberet-postgresql.ddl): its tables and their sequences. */
    static final Set<String> JOB_REPOSITORY = Set.of("job_instance", "job_execution", "step_execution", "partition_execution",
            "job_instance_jobinstanceid_seq", "job_execution_jobexecutionid_seq", "step_execution_stepexecutionid_seq");

    @Resource(lookup = "java:jboss/datasources/MimeoDS")
    DataSource destination;

    /** 400 when {@code destTable} is reserved. */
    public void require(String destTable) {
        QualifiedName dest = QualifiedName.parse(destTable);
        if (SCHEMAS.contains(dest.schema()) || dest.schema().startsWith("pg_")) {
            throw MimeoException.invalid(MimeoMessages.MSG.reservedSchema(dest.schema()));
        }
        if (JOB_REPOSITORY.contains(dest.table()) && onSearchPath(dest.schema())) {
            throw MimeoException.invalid(MimeoMessages.MSG.reservedJobRepositoryTable(dest.table()));
        }
    }

    private boolean onSearchPath(String schema) {
        try (Connection d = destination.getConnection();
             PreparedStatement ps = d.prepareStatement("SELECT ? = ANY (pg_catalog.current_schemas(false))")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the destination's search_path", e);
        }
    }
}
