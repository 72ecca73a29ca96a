package org.mimeo.incremental;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * The original's DST guard, done right: on a day when the time zone's UTC offset changes, time-based
 * refreshes pause while the local wall-clock time (hours and minutes, HHMM) is inside [start, end].
 * Zones without an offset change (UTC) never pause.
 */
public final class DstPause {

    private DstPause() {
    }

    public static boolean pausedAt(Instant now, ZoneId zone, int start, int end) {
        ZonedDateTime local = now.atZone(zone);
        LocalDate today = local.toLocalDate();
        ZoneOffset atMidnight = zone.getRules().getOffset(today.atStartOfDay(zone).toInstant());
        ZoneOffset nextMidnight = zone.getRules().getOffset(today.plusDays(1).atStartOfDay(zone).toInstant());
        if (atMidnight.equals(nextMidnight)) {
            return false;
        }
        int hhmm = local.getHour() * 100 + local.getMinute();
        return hhmm >= start && hhmm <= end;
    }
}
