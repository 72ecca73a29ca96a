package org.mimeo.monitor;

import java.util.Map;

/** Wires the metric beans by hand around one Prometheus registry, with the replication types known up front. */
final class MeterTestSupport {

    final PrometheusMeters meters = new PrometheusMeters();
    final ReplicationTypes types = new ReplicationTypes();
    final RefreshMeters counters = new RefreshMeters();
    final ReplicationGauges gauges = new ReplicationGauges();

    MeterTestSupport(Map<String, String> typeOfTable) {
        meters.open();
        typeOfTable.forEach(types::remember);
        counters.meters = meters;
        counters.types = types;
        gauges.meters = meters;
        gauges.types = types;
        gauges.counters = counters;
    }

    /** The sample lines of the scrape, e.g. {@code mimeo_rows_copied_total{dest_table="s.t"} 3.0}. */
    String scrape() {
        return meters.scrape();
    }

    /** The value of the one series whose line starts with {@code series} followed by a space. */
    double value(String series) {
        return scrape().lines().filter(l -> l.startsWith(series + " ")).map(l -> Double.parseDouble(l.substring(series.length() + 1)))
                .findFirst().orElseThrow(() -> new AssertionError("no series " + series + " in\n" + scrape()));
    }
}
