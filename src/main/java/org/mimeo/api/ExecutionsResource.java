package org.mimeo.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.mimeo.error.MimeoException;
import org.mimeo.internal.MimeoMessages;
import org.mimeo.job.JobLauncher;
import org.mimeo.job.JobRuns;

/** JSR 352 executions of Mimeo's jobs: list, inspect, restart from the last checkpoint, stop. */
@RolesAllowed({Roles.VIEWER, Roles.OPERATOR, Roles.ADMIN})
@Path("executions")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ExecutionsResource {

    @Inject
    JobRuns runs;

    @Inject
    ExecutionViews views;

    @Inject
    JobLauncher launcher;

    @Inject
    org.mimeo.monitor.HistoryRetention retention;

    @GET
    public List<Map<String, Object>> list(@QueryParam("destTable") String destTable, @QueryParam("status") String status,
                                          @QueryParam("limit") @DefaultValue("100") int limit) {
        if (limit <= 0 || limit > 10_000) {
            throw MimeoException.invalid(MimeoMessages.MSG.executionsLimit());
        }
        String dest = destTable == null || destTable.isBlank() ? null : ReplicationsResource.normalize(destTable);
        return runs.list(dest, status == null ? limit : 10_000).stream()
                .map(run -> views.view(run, false))
                .filter(v -> status == null || status.equalsIgnoreCase((String) v.get("status")))
                .limit(limit)
                .toList();
    }

    /** Purges the execution history older than {@code olderThanDays} (what the daily retention does); 200 with the count. */
    @RolesAllowed(Roles.ADMIN)
    @jakarta.ws.rs.DELETE
    public Map<String, Object> purge(@QueryParam("olderThanDays") Integer days) {
        if (days == null || days < 0) {
            throw MimeoException.invalid(MimeoMessages.MSG.olderThanDaysRequired());
        }
        return Map.of("purged", retention.purge(days));
    }

    @GET
    @Path("{id}")
    public Map<String, Object> get(@PathParam("id") long id) {
        return views.view(id);
    }

    @RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
    @POST
    @Path("{id}/restart")
    public Response restart(@PathParam("id") long id) {
        return Response.accepted(Map.of("executionId", launcher.restart(id))).build();
    }

    @RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
    @POST
    @Path("{id}/stop")
    public Response stop(@PathParam("id") long id) {
        launcher.stop(id);
        return Response.accepted(Map.of("executionId", id)).build();
    }

}
