package org.mimeo.monitor;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Mimeo's meters, in Micrometer's Prometheus registry (the server module io.micrometer), rendered in
 * the Prometheus text format by {@code GET /mimeo/api/metrics}. The application keeps its own registry
 * rather than the one the micrometer subsystem injects: that one serves only on the management
 * interface and adds a deployment label to every series (see the README's Metrics section).
 */
@ApplicationScoped
public class PrometheusMeters {

    static final String DEST_TABLE = "dest_table";
    static final String TYPE = "type";

    private PrometheusMeterRegistry registry;

    @PostConstruct
    void open() {
        registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** Every meter in the Prometheus text format 0.0.4. */
    public String scrape() {
        return registry.scrape();
    }

    /** The replications that have series. */
    Set<String> tables() {
        return registry.getMeters().stream().map(m -> m.getId().getTag(DEST_TABLE)).filter(Objects::nonNull).collect(Collectors.toSet());
    }

    /** Drops every series of a replication that no longer exists. */
    void forget(String destTable) {
        for (Meter meter : Search.in(registry).tag(DEST_TABLE, destTable).meters()) {
            registry.remove(meter);
        }
    }

    @PreDestroy
    void close() {
        registry.close();
    }
}
