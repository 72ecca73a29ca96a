package org.mimeo.monitor;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mimeo.job.RefreshEnded;
import org.mimeo.job.RefreshRefused;
import org.mimeo.job.RowsCommitted;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RefreshMetersTest {

    private final MeterTestSupport m = new MeterTestSupport(Map.of("s.snapped", "snap", "s.queued", "dml"));

    @Test
    void committedRowsAddUpPerTable() {
        m.counters.rowsCommitted(new RowsCommitted("s.snapped", 100_000));
        m.counters.rowsCommitted(new RowsCommitted("s.snapped", 2_500));
        m.counters.rowsCommitted(new RowsCommitted("s.queued", 7));
        assertEquals(102_500, m.value("mimeo_rows_copied_total{dest_table=\"s.snapped\"}"));
        assertEquals(7, m.value("mimeo_rows_copied_total{dest_table=\"s.queued\"}"));
        assertTrue(m.scrape().contains("# TYPE mimeo_rows_copied_total counter"), m::scrape);
    }

    @Test
    void endedRefreshesCountByOutcomeAndAreTimed() {
        m.counters.refreshEnded(new RefreshEnded("s.snapped", "snap", "COMPLETED", Duration.ofMillis(1500)));
        m.counters.refreshEnded(new RefreshEnded("s.snapped", "snap", "FAILED", Duration.ofMillis(500)));
        m.counters.refreshEnded(new RefreshEnded("s.snapped", "snap", "COMPLETED", Duration.ofSeconds(2)));
        assertEquals(2, m.value("mimeo_refreshes_total{dest_table=\"s.snapped\",outcome=\"COMPLETED\",type=\"snap\"}"));
        assertEquals(1, m.value("mimeo_refreshes_total{dest_table=\"s.snapped\",outcome=\"FAILED\",type=\"snap\"}"));
        assertEquals(1, m.value("mimeo_refresh_failures_total{dest_table=\"s.snapped\",type=\"snap\"}"));
        assertEquals(3, m.value("mimeo_refresh_duration_seconds_count{dest_table=\"s.snapped\",type=\"snap\"}"));
        assertEquals(4.0, m.value("mimeo_refresh_duration_seconds_sum{dest_table=\"s.snapped\",type=\"snap\"}"), 1e-9);
        assertEquals(2.0, m.value("mimeo_refresh_duration_seconds_max{dest_table=\"s.snapped\",type=\"snap\"}"), 1e-9);
    }

    @Test
    void refusalsCountPerTable() {
        m.counters.refreshRefused(new RefreshRefused("s.queued"));
        m.counters.refreshRefused(new RefreshRefused("s.queued"));
        assertEquals(2, m.value("mimeo_refresh_refused_total{dest_table=\"s.queued\",type=\"dml\"}"));
    }

    @Test
    void aBoundTableShowsItsCountersAtZero() {
        m.counters.bind("s.snapped");
        assertEquals(0, m.value("mimeo_rows_copied_total{dest_table=\"s.snapped\"}"));
        assertEquals(0, m.value("mimeo_refresh_failures_total{dest_table=\"s.snapped\",type=\"snap\"}"));
        assertEquals(0, m.value("mimeo_refresh_refused_total{dest_table=\"s.snapped\",type=\"snap\"}"));
        assertTrue(m.scrape().contains("# TYPE mimeo_refresh_failures_total counter"), m::scrape);
        assertFalse(m.scrape().contains("s.queued"), m::scrape);
    }

    @Test
    void labelValuesAreEscaped() {
        m.types.remember("s.\"odd\\name", "snap");
        m.counters.refreshRefused(new RefreshRefused("s.\"odd\\name"));
        assertEquals(1, m.value("mimeo_refresh_refused_total{dest_table=\"s.\\\"odd\\\\name\",type=\"snap\"}"));
    }
}
