package org.mimeo.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.mimeo.error.MimeoException;
import org.mimeo.internal.MimeoMessages;
import org.mimeo.monitor.RowCountValidation;
import org.mimeo.monitor.SnapshotSizes;
import org.mimeo.monitor.SourceChecks;

/** The original's maintenance checks as REST endpoints (an extension of the contract). */
@RolesAllowed({Roles.VIEWER, Roles.OPERATOR, Roles.ADMIN})
@Path("checks")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ChecksResource {

    @Inject
    SourceChecks sourceChecks;

    @Inject
    RowCountValidation validation;

    @Inject
    SnapshotSizes snapshots;

    /** check_source_columns: columns added, retyped or dropped on the source that the destination does not match. */
    @GET
    @Path("source-columns")
    public List<SourceChecks.Drift> sourceColumns(@QueryParam("sourceId") Integer sourceId) {
        return sourceChecks.columnDrift(sourceId);
    }

    /** check_missing_source_tables: source tables (and views with views=true) that no replication uses. */
    @GET
    @Path("missing-source-tables")
    public List<Map<String, Object>> missingSourceTables(@QueryParam("sourceId") Integer sourceId, @QueryParam("views") @DefaultValue("false") boolean views) {
        return sourceChecks.missingSourceTables(sourceId, views);
    }

    /** validate_rowcount: source and destination row counts over the replicated rows. */
    @GET
    @Path("row-count")
    public Map<String, Object> rowCount(@QueryParam("destTable") String destTable, @QueryParam("lower") String lower) {
        if (destTable == null || destTable.isBlank()) {
            throw MimeoException.invalid(MimeoMessages.MSG.destTableRequired());
        }
        return validation.validate(ReplicationsResource.normalize(destTable), lower);
    }

    /** snapshot_monitor: source row counts and sizes of snap replications, optionally only those at or above a threshold. */
    @GET
    @Path("snapshot-sizes")
    public List<Map<String, Object>> snapshotSizes(@QueryParam("rowcount") Long rows, @QueryParam("size") Long bytes, @QueryParam("destTable") String destTable) {
        return snapshots.sizes(rows, bytes, destTable == null ? null : ReplicationsResource.normalize(destTable));
    }
}
