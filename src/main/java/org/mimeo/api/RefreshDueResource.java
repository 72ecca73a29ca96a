package org.mimeo.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mimeo.replication.Replications;
import org.mimeo.schedule.DueRefreshes;

/** Refreshing what is due now (the original's run_refresh.py). */
@RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
@Path("refresh-due")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class RefreshDueResource {

    @Inject
    DueRefreshes due;

    @Inject
    Replications replications;

    @Inject
    ExecutionViews executions;

    @POST
    public Map<String, Object> refreshDue(String body) {
        JsonBody json = JsonBody.parse(body, Set.of("type", "batchLimit"));
        String type = json.string("type");
        if (type != null) {
            replications.mode(type);
        }
        Integer limit = json.int32("batchLimit");
        if (limit != null && limit <= 0) {
            throw org.mimeo.error.MimeoException.invalid("Field 'batchLimit' must be a positive integer (how many tables to start)");
        }
        List<Map<String, Object>> started = due.start(type, limit).stream()
                .map(s -> executions.view(s.executionId())).toList();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("started", started);
        return result;
    }
}
