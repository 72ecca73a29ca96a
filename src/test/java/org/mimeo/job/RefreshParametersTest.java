package org.mimeo.job;

import java.util.Properties;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

class RefreshParametersTest {

    @Test
    void everyGivenParameterTravelsUnderItsOwnNameAndComesBackTyped() {
        RefreshParameters given = RefreshParameters.incremental(500, true, "2026-01-01", "2026-02-01", "2026-03-08T06:15:00Z")
                .withRunOptions(1000L, true, 3, null);
        Properties p = given.toProperties("dst.orders", "token-1");
        assertEquals("500", p.getProperty("limit"));
        assertEquals("true", p.getProperty("repull"));
        assertEquals("2026-01-01", p.getProperty("repullStart"));
        assertEquals("1000", p.getProperty("blockRows"));
        assertEquals("3", p.getProperty("faultAfterBlocks"));
        assertEquals("fail", p.getProperty("faultKind"), "a fault without a kind fails the step");
        assertEquals("dst.orders", p.getProperty(RefreshParameters.DEST_TABLE));
        assertEquals("token-1", p.getProperty(RefreshParameters.LOCK_TOKEN));
        assertEquals(given.withRunOptions(1000L, true, 3, "fail"), RefreshParameters.of(p));
    }

    @Test
    void parametersNotGivenAreLeftOutSoTheArtifactsTakeTheirDefaults() {
        Properties p = RefreshParameters.table(null).toProperties("dst.t", "token");
        assertEquals(2, p.size(), p.toString());
        Properties snap = RefreshParameters.snap(true, false).toProperties("dst.s", "token");
        assertEquals("true", snap.getProperty("index"));
        assertEquals("false", snap.getProperty("checkStats"), "an explicit false override is kept");
        assertNull(snap.getProperty("repull"), "a false flag is not a parameter");
    }

    @Test
    void aRepullWindowIsOnlyPassedWithARepull() {
        RefreshParameters p = RefreshParameters.incremental(null, false, "1", "9", null);
        assertNull(p.repullStart());
        assertNull(p.repullEnd());
    }

    @Test
    void aRestartClearsTheInjectedFaultAndReadsBackAsNone() {
        Properties overrides = RefreshParameters.restartOverrides("token-2");
        assertEquals("token-2", overrides.getProperty(RefreshParameters.LOCK_TOKEN));
        RefreshParameters read = RefreshParameters.of(overrides);
        assertNull(read.faultAfterBlocks());
        assertNull(read.faultKind());
        assertFalse(read.debug());
        assertEquals(RefreshParameters.NONE, RefreshParameters.of(new Properties()));
    }
}
