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
import org.mimeo.api.request.RefreshDueBody;
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

    @Inject
    RequestValidator requests;

    @POST
    public Map<String, Object> refreshDue(RefreshDueBody body) {
        RefreshDueBody request = requests.valid(body == null ? RefreshDueBody.NONE : body);
        if (request.type() != null) {
            replications.mode(request.type());
        }
        List<Map<String, Object>> started = due.start(request.type(), request.batchLimit()).stream()
                .map(s -> executions.view(s.executionId())).toList();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("started", started);
        return result;
    }
}
