package org.mimeo.api.request;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mimeo.error.MimeoException;
import org.mimeo.replication.RefreshRequest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mimeo.api.request.Requests.bind;
import static org.mimeo.api.request.Requests.bindingProblem;
import static org.mimeo.api.request.Requests.violations;

class RefreshBodyTest {

    private static String refused(String json, Class<?>... kind) {
        return violations(bind(json, RefreshBody.class), false, kind);
    }

    @Test
    void theRulesOfEachKind() {
        assertEquals("", refused("{\"limit\": 10, \"repull\": true, \"repullStart\": \"2026-01-01\", \"repullEnd\": 5}", Kind.Incremental.class, Kind.TimeBased.class));
        assertEquals("MIMEO002105: Field 'limit' does not apply to snap and table replication: every refresh copies the whole source",
                refused("{\"limit\": 10}", Kind.Snap.class));
        assertEquals("MIMEO002105: Field 'repull' does not apply to snap and table replication: every refresh copies the whole source",
                refused("{\"repull\": true}", Kind.Table.class));
        assertEquals("", refused("{\"repull\": false, \"checkStats\": false}", Kind.Snap.class));
        assertEquals("MIMEO002105: Field 'repullStart' applies only to inserter and updater replication; a dml or logdel repull reloads everything",
                refused("{\"repull\": true, \"repullStart\": \"1\"}", Kind.Queue.class));
        assertEquals("", refused("{\"repull\": true, \"limit\": 5}", Kind.Queue.class));
        assertEquals("MIMEO002105: Field 'checkStats' applies only to snap replication", refused("{\"checkStats\": false}", Kind.Table.class));
        assertEquals("MIMEO002105: Field 'truncateCascade' applies only to table replication", refused("{\"truncateCascade\": true}", Kind.Snap.class));
        assertEquals("MIMEO002105: Field 'repullEnd' needs \"repull\": true",
                refused("{\"repullEnd\": \"2026-01-01\"}", Kind.Incremental.class, Kind.Serial.class));
        String all = refused("{\"limit\": 0, \"repullStart\": \"x\", \"truncateCascade\": true}", Kind.Snap.class);
        assertTrue(all.startsWith("MIMEO002106: The request has 5 problems"), all);
        for (String field : List.of("'limit' must be a positive integer", "'repullStart' does not apply", "'repullStart' needs", "'truncateCascade'")) {
            assertTrue(all.contains(field), () -> field + " in " + all);
        }
    }

    @Test
    void testHooksAreUnknownFieldsWithoutTheSwitch() {
        for (String hook : List.of("{\"faultAfterBlocks\": 1, \"faultKind\": \"halt\"}", "{\"faultAfterBlocks\": 1}",
                "{\"clock\": \"2026-03-08T06:15:00Z\"}", "{\"blockRows\": 10}")) {
            String message = refused(hook, Kind.Snap.class);
            assertTrue(message.contains("Unknown field"), message);
            assertTrue(message.contains("allowed fields: checkStats, debug, index, limit, lockWait, repull, repullEnd, repullStart, truncateCascade"), message);
            assertEquals("", violations(bind(hook, RefreshBody.class), true, Kind.Snap.class));
        }
        assertEquals("MIMEO002105: Field 'faultKind' must be 'fail' or 'halt'",
                violations(bind("{\"faultKind\": \"explode\"}", RefreshBody.class), true, Kind.Table.class));
        assertTrue(violations(bind("{\"clock\": \"tomorrow\"}", RefreshBody.class), true, Kind.Table.class)
                .startsWith("MIMEO002105: Field 'clock' must be an ISO-8601 instant"));
        assertEquals("", violations(bind("{\"clock\": \"2026-03-08T01:15:00-05:00[America/New_York]\"}", RefreshBody.class), true, Kind.Table.class));
        assertEquals("MIMEO002105: Field 'blockRows' must be a positive integer",
                violations(bind("{\"blockRows\": 0}", RefreshBody.class), true, Kind.Table.class));
        assertTrue(bindingProblem("{\"bogus\": 1}", RefreshBody.class, true).contains("allowed fields: blockRows, checkStats, clock, debug,"));
    }

    @Test
    void theRequestAndTheLockWait() {
        RefreshBody body = bind("{\"repull\": true, \"repullStart\": 100, \"limit\": 7, \"index\": false, \"debug\": true, \"lockWait\": 0}", RefreshBody.class);
        assertEquals(new RefreshRequest(false, null, null, true, null, null, null, 7, true, "100", null, null), body.toRefreshRequest());
        assertEquals(RefreshRequest.defaults(), RefreshBody.NONE.toRefreshRequest());
        assertNull(body.lockWaitSeconds(Duration.ofSeconds(30)));
        assertEquals(30, bind("{\"lockWait\": 30}", RefreshBody.class).lockWaitSeconds(Duration.ofSeconds(30)));
        for (String bad : List.of("{\"lockWait\": 31}", "{\"lockWait\": -1}")) {
            MimeoException e = assertThrows(MimeoException.class, () -> bind(bad, RefreshBody.class).lockWaitSeconds(Duration.ofSeconds(30)));
            assertTrue(e.getMessage().contains("from 0 to 30 (the server's mimeo.api.maxWaitSeconds)"), e.getMessage());
        }
    }
}
