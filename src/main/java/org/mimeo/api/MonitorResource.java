package org.mimeo.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mimeo.monitor.Monitor;

/** The alert summary (the original's check_job_status), plus each table's state. */
@RolesAllowed({Roles.VIEWER, Roles.OPERATOR, Roles.ADMIN})
@Path("monitor")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MonitorResource {

    @Inject
    Monitor monitor;

    @Inject
    org.mimeo.monitor.Lag lag;

    /** Per table: age of the last success, queued changes (dml/logdel), source max control vs last_value (inserter/updater). */
    @GET
    @Path("lag")
    public List<Map<String, Object>> lag(@jakarta.ws.rs.QueryParam("destTable") String destTable) {
        return lag.all(destTable == null || destTable.isBlank() ? null : ReplicationsResource.normalize(destTable));
    }

    @GET
    public Map<String, Object> monitor() {
        List<Monitor.Alert> alerts = monitor.alerts();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("status", Monitor.worst(alerts).name());
        result.put("alerts", alerts.stream().map(a -> {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("destTable", a.destTable());
            v.put("level", a.level().name());
            v.put("reason", a.reason());
            return v;
        }).toList());
        result.put("tables", monitor.tables());
        return result;
    }
}
