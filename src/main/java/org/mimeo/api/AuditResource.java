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
import org.mimeo.job.AuditTrail;

/** Makers and destroyers, newest first (refreshes are in /executions). */
@RolesAllowed({Roles.VIEWER, Roles.OPERATOR, Roles.ADMIN})
@Path("audit")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @Inject
    AuditTrail audit;

    @GET
    public List<Map<String, Object>> list(@QueryParam("destTable") String destTable, @QueryParam("limit") @DefaultValue("100") int limit) {
        return audit.entries(destTable == null || destTable.isBlank() ? null : ReplicationsResource.normalize(destTable), Math.max(1, Math.min(limit, 10_000)));
    }
}
