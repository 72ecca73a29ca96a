package org.mimeo.monitor;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mimeo.job.RowsCommitted;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReplicationGaugesTest {

    private final MeterTestSupport m = new MeterTestSupport(Map.of());

    private static ReplicationGauges.Sample snap(String table, double lag) {
        return new ReplicationGauges.Sample(table, "snap", lag, false, Double.NaN);
    }

    private static ReplicationGauges.Sample dml(String table, double lag, double depth) {
        return new ReplicationGauges.Sample(table, "dml", lag, true, depth);
    }

    @Test
    void gaugesReadTheLatestSample() {
        m.gauges.apply(List.of(snap("s.a", 12.5), dml("s.q", 3, 40)));
        assertEquals(12.5, m.value("mimeo_lag_seconds{dest_table=\"s.a\",type=\"snap\"}"));
        assertEquals(40, m.value("mimeo_queue_depth{dest_table=\"s.q\",type=\"dml\"}"));
        m.gauges.apply(List.of(snap("s.a", 1), dml("s.q", 0.5, 0)));
        assertEquals(1, m.value("mimeo_lag_seconds{dest_table=\"s.a\",type=\"snap\"}"));
        assertEquals(0, m.value("mimeo_queue_depth{dest_table=\"s.q\",type=\"dml\"}"));
        assertFalse(m.scrape().contains("mimeo_queue_depth{dest_table=\"s.a\""), m::scrape);
    }

    @Test
    void unknownValuesReadNaN() {
        m.gauges.apply(List.of(dml("s.q", Double.NaN, Double.NaN)));
        assertTrue(Double.isNaN(m.value("mimeo_lag_seconds{dest_table=\"s.q\",type=\"dml\"}")));
        assertTrue(Double.isNaN(m.value("mimeo_queue_depth{dest_table=\"s.q\",type=\"dml\"}")));
    }

    @Test
    void aNewReplicationGetsItsCountersAndTypeLabel() {
        m.gauges.apply(List.of(snap("s.a", 1)));
        assertEquals(0, m.value("mimeo_refresh_failures_total{dest_table=\"s.a\",type=\"snap\"}"));
        assertEquals(0, m.value("mimeo_rows_copied_total{dest_table=\"s.a\"}"));
        assertEquals("snap", m.types.of("s.a"));
    }

    @Test
    void rowsCountedBeforeTheFirstSampleStay() {
        m.counters.rowsCommitted(new RowsCommitted("s.a", 10));
        m.gauges.apply(List.of(snap("s.a", 1)));
        m.gauges.apply(List.of(snap("s.a", 2)));
        assertEquals(10, m.value("mimeo_rows_copied_total{dest_table=\"s.a\"}"));
    }

    @Test
    void aDestroyedReplicationLosesEverySeries() {
        m.gauges.apply(List.of(snap("s.a", 1), snap("s.b", 2)));
        m.counters.rowsCommitted(new RowsCommitted("s.a", 5));
        m.counters.rowsCommitted(new RowsCommitted("s.gone", 5));
        m.gauges.apply(List.of(snap("s.b", 3)));
        assertFalse(m.scrape().contains("\"s.a\""), m::scrape);
        assertFalse(m.scrape().contains("\"s.gone\""), m::scrape);
        assertEquals(3, m.value("mimeo_lag_seconds{dest_table=\"s.b\",type=\"snap\"}"));
    }

    @Test
    void aReplicationMadeAgainWithAnotherTypeIsRelabelled() {
        m.gauges.apply(List.of(snap("s.a", 1)));
        m.gauges.apply(List.of(dml("s.a", 2, 9)));
        assertFalse(m.scrape().contains("type=\"snap\""), m::scrape);
        assertEquals(2, m.value("mimeo_lag_seconds{dest_table=\"s.a\",type=\"dml\"}"));
        assertEquals(9, m.value("mimeo_queue_depth{dest_table=\"s.a\",type=\"dml\"}"));
    }
}
