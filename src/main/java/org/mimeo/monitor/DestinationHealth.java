package org.mimeo.monitor;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.mimeo.internal.MimeoLogger;

/** Readiness: the destination database answers and holds Mimeo's schema. */
@Readiness
@ApplicationScoped
public class DestinationHealth implements HealthCheck {

    @Resource(lookup = "java:jboss/datasources/MimeoDS")
    DataSource destination;

    @Override
    public HealthCheckResponse call() {
        try (Connection c = destination.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT max(version::int) FROM mimeo.flyway_schema_history WHERE success AND version IS NOT NULL");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return HealthCheckResponse.named("mimeo-destination").up().withData("schemaVersion", rs.getLong(1)).build();
        } catch (Exception e) {
            // /health is open to anonymous callers: the database's error text (host names, roles) goes to the log only
            MimeoLogger.LOG.destinationDown(e);
            return HealthCheckResponse.named("mimeo-destination").down().build();
        }
    }
}
