package org.mimeo.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import org.mimeo.monitor.PrometheusMeters;
import org.mimeo.monitor.ReplicationGauges;

/** Prometheus scrape endpoint: GET /mimeo/api/metrics. */
@RolesAllowed({Roles.VIEWER, Roles.OPERATOR, Roles.ADMIN})
@Path("metrics")
@RequestScoped
public class MetricsResource {

    @Inject
    ReplicationGauges gauges;

    @Inject
    PrometheusMeters meters;

    @GET
    @Produces("text/plain; version=0.0.4")
    public String scrape() {
        gauges.sample();
        return meters.scrape();
    }
}
