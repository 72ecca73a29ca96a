package org.mimeo.api.request;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.bind.JsonbException;
import java.io.StringReader;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mimeo.config.RefreshConfig;
import org.mimeo.config.RefreshConfigInserterSerial;
import org.mimeo.config.RefreshConfigSnap;
import org.mimeo.config.RefreshConfigTable;
import org.mimeo.config.RefreshConfigUpdaterTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PatchBodyTest {

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    /** The violations of the patched fields, as PATCH answers them. */
    private static String refused(RefreshConfig c, String patch) {
        JsonObject p = json(patch);
        PatchBody merged = PatchBody.merged(c, p);
        List<jakarta.validation.ConstraintViolation<PatchBody>> violations = new java.util.ArrayList<>();
        for (String field : p.keySet()) {
            violations.addAll(Requests.VALIDATOR.validateProperty(merged, field, Requests.groups(false, Kind.of(c))));
        }
        return violations.isEmpty() ? "" : RequestProblems.violations(Set.copyOf(violations));
    }

    private static RefreshConfigSnap snap() {
        RefreshConfigSnap snap = new RefreshConfigSnap();
        snap.setPeriod("01:00:00");
        snap.setBatchLimit(100);
        snap.setCondition("WHERE a > 1");
        snap.setPostScript(new String[] {"ANALYZE t"});
        return snap;
    }

    @Test
    void aMergePatchSetsWhatItNamesAndNullRemoves() {
        PatchBody merged = PatchBody.merged(snap(), json("{\"period\": \"2 hours\", \"condition\": null, \"checkStats\": false}"));
        assertEquals("2 hours", merged.period());
        assertEquals(100, merged.batchLimit());
        assertNull(merged.condition());
        assertEquals(false, merged.checkStats());
        assertEquals(List.of("ANALYZE t"), merged.postScript());
        assertNull(merged.boundary());
        assertEquals(PatchBody.of(snap()), PatchBody.merged(snap(), json("{}")));
    }

    @Test
    void fieldsOfAnotherKindAreRefused() {
        assertEquals("MIMEO002105: Field 'boundary' applies only to inserter and updater replication", refused(snap(), "{\"boundary\": \"1 hour\"}"));
        assertEquals("MIMEO002105: Field 'sequences' applies only to table replication", refused(snap(), "{\"sequences\": [\"s.q\"]}"));
        assertEquals("MIMEO002105: Field 'postScript' applies only to snap replication", refused(new RefreshConfigTable(), "{\"postScript\": [\"SELECT 1\"]}"));
        assertEquals("", refused(new RefreshConfigTable(), "{\"truncateCascade\": true, \"sequences\": [\"s.q\"]}"));
        assertEquals("MIMEO002105: Field 'dstActive' applies only to time-based control columns",
                refused(new RefreshConfigInserterSerial(), "{\"dstActive\": false}"));
        JsonbException unknown = assertThrows(JsonbException.class, () -> PatchBody.merged(snap(), json("{\"sourceTable\": null}")));
        assertTrue(RequestProblems.binding(unknown, false).startsWith("MIMEO002102: Unknown field 'sourceTable'; allowed fields: batchLimit, boundary,"));
    }

    @Test
    void valuesOfEachKind() {
        RefreshConfigInserterSerial serial = new RefreshConfigInserterSerial();
        serial.setBoundary(10);
        assertEquals("", refused(serial, "{\"boundary\": 0, \"lastValue\": \"-5\"}"));
        assertEquals("MIMEO002105: Field 'boundary' must be 0 or more, an integer for a serial control column", refused(serial, "{\"boundary\": -1}"));
        assertEquals("MIMEO002105: Field 'lastValue' must be an integer", refused(serial, "{\"lastValue\": \"soon\"}"));
        RefreshConfigUpdaterTime time = new RefreshConfigUpdaterTime();
        time.setBoundary("00:10:00");
        time.setLastValue(OffsetDateTime.parse("2026-01-31T12:00:00Z"));
        assertEquals("2026-01-31T12:00Z", PatchBody.merged(time, json("{}")).lastValue());
        assertEquals("", refused(time, "{\"boundary\": \"0 seconds\", \"lastValue\": null, \"dstActive\": true, \"dstStart\": 30, \"dstEnd\": 230}"));
        assertEquals("MIMEO002105: Field 'dstEnd' is a time of day as HHMM (e.g. 230 for 02:30)", refused(time, "{\"dstEnd\": 260}"));
        assertEquals("MIMEO002105: Field 'boundary' is not a valid interval (examples: '10 minutes', '1 day', '00:00:30')",
                refused(time, "{\"boundary\": \"1'; DROP\"}"));
        assertEquals("MIMEO002105: Field 'period' is not a valid interval (examples: '10 minutes', '1 day', '00:00:30')", refused(time, "{\"period\": \"(1)\"}"));
        assertEquals("MIMEO002105: Field 'batchLimit' must be a positive integer", refused(time, "{\"batchLimit\": 0}"));
    }

    @Test
    void postScriptElementsAreSingleStatements() {
        assertEquals("", refused(snap(), "{\"postScript\": [\"INSERT INTO t VALUES ('ran; once');\"]}"));
        String refused = refused(snap(), "{\"postScript\": [\"ANALYZE t\", \"INSERT INTO t VALUES ('x'); DROP TABLE v\"]}");
        assertTrue(refused.startsWith("MIMEO002105: Field 'postScript' element 2 is refused: "), refused);
        assertEquals("MIMEO002105: Field 'postScript' element 1 is empty; give one SQL statement per element", refused(snap(), "{\"postScript\": [\" \"]}"));
    }
}
