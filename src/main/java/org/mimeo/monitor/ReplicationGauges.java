package org.mimeo.monitor;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tags;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.mimeo.config.ConfigRepository;
import org.mimeo.config.QueueConfig;
import org.mimeo.config.RefreshConfig;
import org.mimeo.error.MimeoException;

/**
 * Gauges per replication, read when metrics are scraped: seconds since its last successful refresh,
 * and for dml/logdel the changes queued on the source (NaN while the source cannot be read). A
 * replication's series appear with it (its counters at zero) and go when it is destroyed.
 */
@ApplicationScoped
public class ReplicationGauges {

    static final String LAG = "mimeo.lag";
    static final String QUEUE_DEPTH = "mimeo.queue.depth";

    /** One replication's reading; NaN where there is none (never refreshed, not a queue, source unreadable). */
    record Sample(String destTable, String type, double lagSeconds, boolean queued, double queueDepth) {
    }

    /** What a replication's gauges read between two samples. */
    static final class Reading {
        final String type;
        volatile double lagSeconds = Double.NaN;
        volatile double queueDepth = Double.NaN;

        Reading(String type) {
            this.type = type;
        }
    }

    @Inject
    ConfigRepository config;

    @Inject
    Lag lag;

    @Inject
    PrometheusMeters meters;

    @Inject
    ReplicationTypes types;

    @Inject
    RefreshMeters counters;

    private final Map<String, Reading> readings = new ConcurrentHashMap<>();

    /** Reads every replication's lag and queue depth into the gauges; runs before each scrape. */
    public void sample() {
        OffsetDateTime now = OffsetDateTime.now();
        apply(config.replications(null).stream().map(c -> sample(c, now)).toList());
    }

    private Sample sample(RefreshConfig c, OffsetDateTime now) {
        double lagSeconds = c.getLastRun() == null ? Double.NaN : Duration.between(c.getLastRun(), now).toMillis() / 1000.0;
        double queueDepth = Double.NaN;
        if (c instanceof QueueConfig q) {
            try {
                queueDepth = lag.queuedChanges(q);
            } catch (SQLException | MimeoException e) {
                // the gauge reads NaN while the source cannot be read; GET /monitor/lag says why
            }
        }
        return new Sample(c.getDestTable(), c.getType(), lagSeconds, c instanceof QueueConfig, queueDepth);
    }

    /** Moves the gauges to the samples: registers new replications, drops the series of those gone. */
    synchronized void apply(List<Sample> samples) {
        Set<String> present = new HashSet<>();
        for (Sample s : samples) {
            present.add(s.destTable());
            Reading reading = readings.get(s.destTable());
            if (reading != null && !reading.type.equals(s.type())) {
                forget(s.destTable());
                reading = null;
            }
            if (reading == null) {
                reading = register(s);
            }
            reading.lagSeconds = s.lagSeconds();
            reading.queueDepth = s.queueDepth();
        }
        for (String destTable : meters.tables()) {
            if (!present.contains(destTable)) {
                forget(destTable);
            }
        }
    }

    private Reading register(Sample s) {
        types.remember(s.destTable(), s.type());
        counters.bind(s.destTable());
        Reading reading = new Reading(s.type());
        Tags table = Tags.of(PrometheusMeters.DEST_TABLE, s.destTable(), PrometheusMeters.TYPE, s.type());
        Gauge.builder(LAG, reading, r -> r.lagSeconds).description("Seconds since the last successful refresh (NaN before the first)")
                .baseUnit("seconds").tags(table).strongReference(true).register(meters.registry());
        if (s.queued()) {
            Gauge.builder(QUEUE_DEPTH, reading, r -> r.queueDepth).description("Changes queued on the source and not yet replayed (NaN while the source cannot be read)")
                    .tags(table).strongReference(true).register(meters.registry());
        }
        readings.put(s.destTable(), reading);
        return reading;
    }

    private void forget(String destTable) {
        readings.remove(destTable);
        meters.forget(destTable);
        types.forget(destTable);
    }
}
