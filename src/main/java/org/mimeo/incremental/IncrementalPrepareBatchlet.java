package org.mimeo.incremental;

import jakarta.batch.api.BatchProperty;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.mimeo.job.RefreshBatchlet;

/** First step of an inserter or updater run: DST pause (exit status PAUSED ends the job) and repull clean-up. */
@Dependent
@Named("incrementalPrepare")
public class IncrementalPrepareBatchlet extends RefreshBatchlet {

    @Inject
    IncrementalRefresh refresh;

    @Inject
    @BatchProperty
    boolean repull;

    @Inject
    @BatchProperty
    String repullStart;

    @Inject
    @BatchProperty
    String repullEnd;

    /**
     * Test hook: the moment the DST check takes as now, ISO-8601, either an instant (2026-03-08T06:15:00Z,
     * checked in the destination session's time zone) or a zoned time (2026-03-08T01:15:00-05:00[America/New_York]).
     */
    @Inject
    @BatchProperty
    String clock;

    @Override
    public String process() throws Exception {
        String outcome = refresh.prepare(destTable, repull, repullStart, repullEnd,
                clock == null ? null : clock.endsWith("Z") ? Instant.parse(clock).atZone(ZoneOffset.UTC) : ZonedDateTime.parse(clock),
                clock != null && !clock.endsWith("Z"));
        if (outcome.equals(IncrementalRefresh.PAUSED)) {
            log.warn("Paused: today is a daylight saving time change day and the time is inside the configured DST window");
            return outcome;
        }
        if (!outcome.equals("COPY")) {
            log.info(outcome);
        }
        return "COPY";
    }
}
