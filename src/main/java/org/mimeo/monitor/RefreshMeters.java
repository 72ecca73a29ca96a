package org.mimeo.monitor;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.mimeo.job.RefreshEnded;
import org.mimeo.job.RefreshRefused;
import org.mimeo.job.RowsCommitted;

/**
 * Counts what the jobs announce: rows copied (once their chunk committed), refreshes by outcome,
 * failures, refusals as already running, and times each refresh. Counters only go up while the server
 * runs; purging the history does not touch them.
 */
@ApplicationScoped
public class RefreshMeters {

    static final String ROWS_COPIED = "mimeo.rows.copied";
    static final String REFRESHES = "mimeo.refreshes";
    static final String FAILURES = "mimeo.refresh.failures";
    static final String REFUSED = "mimeo.refresh.refused";
    static final String DURATION = "mimeo.refresh.duration";

    @Inject
    PrometheusMeters meters;

    @Inject
    ReplicationTypes types;

    /** After the chunk's transaction committed; a rolled-back chunk never arrives here. */
    void rowsCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) RowsCommitted committed) {
        rowsCopied(committed.destTable()).increment(committed.rows());
    }

    void refreshEnded(@Observes RefreshEnded ended) {
        Tags table = table(ended.destTable());
        Counter.builder(REFRESHES).description("Refresh executions that ended on this server, by outcome")
                .tags(table).tag("outcome", ended.outcome()).register(meters.registry()).increment();
        if (ended.failed()) {
            failures(table).increment();
        }
        Timer.builder(DURATION).description("Duration of the refresh executions that ended on this server")
                .tags(table).register(meters.registry()).record(ended.duration());
    }

    void refreshRefused(@Observes RefreshRefused refusal) {
        refused(table(refusal.destTable())).increment();
    }

    /** Registers a replication's counters at zero, so a scraper sees each series before its first increase. */
    void bind(String destTable) {
        Tags table = table(destTable);
        rowsCopied(destTable);
        failures(table);
        refused(table);
    }

    private Tags table(String destTable) {
        return Tags.of(PrometheusMeters.DEST_TABLE, destTable, PrometheusMeters.TYPE, types.of(destTable));
    }

    private Counter rowsCopied(String destTable) {
        return Counter.builder(ROWS_COPIED).description("Rows written into the destination by committed copy chunks on this server")
                .tag(PrometheusMeters.DEST_TABLE, destTable).register(meters.registry());
    }

    private Counter failures(Tags table) {
        return Counter.builder(FAILURES).description("Refresh executions that failed on this server").tags(table).register(meters.registry());
    }

    private Counter refused(Tags table) {
        return Counter.builder(REFUSED).description("Refreshes refused because another refresh of the table was running")
                .tags(table).register(meters.registry());
    }
}
