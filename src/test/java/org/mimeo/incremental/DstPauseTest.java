package org.mimeo.incremental;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DstPauseTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static boolean paused(String localTime, ZoneId zone) {
        return DstPause.pausedAt(LocalDateTime.parse(localTime).atZone(zone).toInstant(), zone, 30, 230);
    }

    @Test
    void pausesInsideTheWindowOnBothChangeDays() {
        assertTrue(paused("2026-03-08T00:30:00", NEW_YORK));
        assertTrue(paused("2026-03-08T01:15:00", NEW_YORK));
        assertTrue(paused("2026-11-01T01:30:00", NEW_YORK));
        assertTrue(paused("2026-11-01T02:30:00", NEW_YORK));
    }

    @Test
    void comparesHoursAndMinutesNotMonths() {
        // the original formatted HH24MM (hour + month): 01:15 on 8 March became 0103
        assertFalse(paused("2026-03-08T00:29:00", NEW_YORK));
        assertFalse(paused("2026-03-08T03:00:00", NEW_YORK));
        assertFalse(paused("2026-11-01T02:31:00", NEW_YORK));
    }

    @Test
    void neverPausesOnOrdinaryDaysOrWithoutDaylightSaving() {
        assertFalse(paused("2026-03-09T01:15:00", NEW_YORK));
        assertFalse(paused("2026-03-07T01:15:00", NEW_YORK));
        assertFalse(paused("2026-03-08T01:15:00", ZoneOffset.UTC));
        assertFalse(paused("2026-03-29T01:15:00", ZoneId.of("Asia/Tokyo")));
        assertTrue(paused("2026-03-29T01:15:00", ZoneId.of("Europe/Berlin")));
    }
}
