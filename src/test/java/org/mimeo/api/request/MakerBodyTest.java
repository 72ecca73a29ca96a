package org.mimeo.api.request;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mimeo.replication.MakeRequest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mimeo.api.request.Requests.bind;
import static org.mimeo.api.request.Requests.bindingProblem;
import static org.mimeo.api.request.Requests.violations;

class MakerBodyTest {

    private static String maker(String type, String extra) {
        return "{\"type\": \"" + type + "\", \"sourceId\": 3, \"sourceTable\": \"src.t\"" + (extra == null ? "" : ", " + extra) + "}";
    }

    @Test
    void theTypePicksTheRecordWhereverItStands() {
        assertInstanceOf(TypeFields.Snap.class, bind(maker("snap", null), MakerBody.class).specific());
        assertInstanceOf(TypeFields.Table.class, bind(maker("table", null), MakerBody.class).specific());
        assertInstanceOf(TypeFields.Inserter.class, bind(maker("inserter", "\"controlField\": \"c\""), MakerBody.class).specific());
        assertInstanceOf(TypeFields.Updater.class, bind(maker("updater", "\"controlField\": \"c\""), MakerBody.class).specific());
        assertInstanceOf(TypeFields.Queue.class, bind(maker("dml", null), MakerBody.class).specific());
        MakerBody logdel = bind(maker("logdel", "\"pkName\": [\"id\"]"), MakerBody.class);
        assertEquals("logdel", logdel.type());
        assertEquals(List.of("id"), logdel.specific().pkName());
        MakerBody table = bind("{\"sourceTable\": \"src.t\", \"sourceId\": 1, \"type\": \"table\"}", MakerBody.class);
        assertEquals(new MakerShared("src.t", 1, null, null, null, null, null, null, null), table.shared());
        assertEquals(List.of("dml", "inserter", "logdel", "snap", "table", "updater"), MakerBody.types());
    }

    @Test
    void unknownAndMissingTypesAreNamed() {
        String unknown = bindingProblem(maker("mirror", null), MakerBody.class, false);
        assertTrue(unknown.contains("'mirror'") && unknown.contains("[dml, inserter, logdel, snap, table, updater]"), unknown);
        assertTrue(unknown.startsWith("MIMEO002000"), unknown);
        String missing = bindingProblem("{\"sourceId\": 3, \"sourceTable\": \"src.t\"}", MakerBody.class, false);
        assertTrue(missing.contains("Field 'type' is required"), missing);
        assertTrue(bindingProblem("{\"type\": 5}", MakerBody.class, false).contains("Field 'type' is required"));
    }

    @Test
    void aFieldOfAnotherTypeDoesNotApplyAndAnUnknownOneIsUnknown() {
        assertEquals("MIMEO002103: Field 'controlField' does not apply to snap replication",
                bindingProblem(maker("snap", "\"controlField\": \"c\""), MakerBody.class, false));
        assertEquals("MIMEO002103: Field 'pkName' does not apply to inserter replication",
                bindingProblem(maker("inserter", "\"pkName\": [\"id\"]"), MakerBody.class, false));
        assertEquals("MIMEO002103: Field 'sequences' does not apply to dml or logdel replication",
                bindingProblem(maker("dml", "\"sequences\": null"), MakerBody.class, false));
        String unknown = bindingProblem(maker("snap", "\"unknownField\": 1"), MakerBody.class, false);
        assertEquals("MIMEO002102: Unknown field 'unknownField'; allowed fields: batchLimit, condition, destTable, filter, index, period,"
                + " pullData, sourceId, sourceTable, type", unknown);
    }

    @Test
    void valuesOfTheWrongKindAreRefusedNamingTheField() {
        assertEquals("MIMEO002105: Field 'index' must be true or false", bindingProblem(maker("snap", "\"index\": \"yes\""), MakerBody.class, false));
        assertEquals("MIMEO002105: Field 'pullData' must be true or false", bindingProblem(maker("snap", "\"pullData\": 1"), MakerBody.class, false));
        assertEquals("MIMEO002105: Field 'sourceId' must be an integer",
                bindingProblem("{\"type\": \"snap\", \"sourceId\": \"abc\"}", MakerBody.class, false));
        assertEquals("MIMEO002105: Field 'sourceId' must be an integer", bindingProblem("{\"type\": \"snap\", \"sourceId\": 1.5}", MakerBody.class, false));
        assertEquals("MIMEO002105: Field 'sourceId' is out of range",
                bindingProblem("{\"type\": \"snap\", \"sourceId\": 99999999999}", MakerBody.class, false));
        assertEquals("MIMEO002105: Field 'filter' must be an array", bindingProblem(maker("snap", "\"filter\": \"v\""), MakerBody.class, false));
        assertTrue(bindingProblem(maker("snap", "\"filter\": [1]"), MakerBody.class, false).startsWith("MIMEO002105: Field 'filter' must be a string"));
        assertTrue(bindingProblem(maker("snap", "\"sourceTable\": 7"), MakerBody.class, false).startsWith("MIMEO002105: Field 'sourceTable' must be a string"));
        assertTrue(bindingProblem("{not json", MakerBody.class, false).startsWith("MIMEO002100: The request body is not valid JSON"));
        assertEquals("MIMEO002101: The request body must be a JSON object", bindingProblem("[]", MakerBody.class, false));
        // integers may come as strings of digits, as the API always took them; boundaries as text or numbers
        assertEquals(3, bind("{\"type\": \"snap\", \"sourceId\": \"3\", \"sourceTable\": \"t\"}", MakerBody.class).shared().sourceId());
        assertEquals("5", bind(maker("inserter", "\"controlField\": \"c\", \"boundary\": 5"), MakerBody.class).specific().boundary());
        assertEquals("MIMEO002105: Field 'boundary' must be a string or a number",
                bindingProblem(maker("updater", "\"boundary\": true"), MakerBody.class, false));
    }

    @Test
    void everyBadFieldIsNamedAtOnce() {
        MakerBody body = bind("{\"type\": \"table\", \"destTable\": \"\\\"open\", \"filter\": [], \"batchLimit\": -3, \"period\": \"1; DROP TABLE x\","
                + " \"sequences\": [\"s.ok\", null]}", MakerBody.class);
        String message = violations(body, false);
        assertTrue(message.startsWith("MIMEO002106: The request has 7 problems: "), message);
        for (String expected : List.of("Field 'batchLimit' must be a positive integer", "Field 'destTable' is not a table name",
                "unterminated quoted name", "Field 'filter' must name at least one column, or be left out", "Field 'period' is not a valid interval",
                "Field 'sequences' element 2 must be an array of names", "Field 'sourceId' is required", "Field 'sourceTable' is required")) {
            assertTrue(message.contains(expected), () -> expected + " in " + message);
        }
    }

    @Test
    void requiredAndListFieldsOfEachType() {
        assertEquals("MIMEO002105: Field 'controlField' is required", violations(bind(maker("inserter", null), MakerBody.class), false));
        assertEquals("MIMEO002105: Field 'pkType' element 1 must be an array of non-empty strings",
                violations(bind(maker("updater", "\"controlField\": \"c\", \"pkName\": [\"id\"], \"pkType\": [\"\"]"), MakerBody.class), false));
        assertEquals("MIMEO002105: Field 'filter' element 2 must be an array of non-empty strings",
                violations(bind(maker("snap", "\"filter\": [\"a\", \"\"]"), MakerBody.class), false));
        assertEquals("MIMEO002105: Field 'sourceTable' is not a table name (schema.table, or \"my.schema\".\"t.1\" for names with dots):"
                + " a table name is required", violations(bind("{\"type\": \"snap\", \"sourceId\": 1, \"sourceTable\": \" \"}", MakerBody.class), false));
        assertEquals("", violations(bind(maker("snap", "\"destTable\": \"\\\"my.schema\\\".\\\"t.1\\\"\", \"period\": \"1 day 02:00\""), MakerBody.class), false));
        assertEquals("", violations(bind(maker("snap", "\"period\": \"every tuesday\""), MakerBody.class), false),
                "the database judges what is syntactically an interval");
    }

    @Test
    void makerTestHooksAreUnknownWithoutTheSwitch() {
        MakerBody hooked = bind(maker("dml", "\"faultAfter\": \"sourceObjects\", \"faultKind\": \"halt\""), MakerBody.class);
        String refused = violations(hooked, false);
        assertTrue(refused.contains("Unknown field 'faultAfter'") && refused.contains("Unknown field 'faultKind'"), refused);
        assertFalse(refused.contains("allowed fields: batchLimit, condition, destTable, faultAfter"), refused);
        assertEquals("", violations(hooked, true));
        assertEquals("sourceObjects", hooked.toMakeRequest(null).faultAfter());
        assertEquals("MIMEO002105: Field 'faultAfter' takes only 'sourceObjects' with faultKind 'halt' (a test hook for dml and logdel)",
                violations(bind(maker("logdel", "\"faultAfter\": \"elsewhere\""), MakerBody.class), true));
        assertEquals("MIMEO002102: Unknown field 'faultAfter'; allowed fields: batchLimit, condition, destTable, filter, index, period,"
                + " pullData, sourceId, sourceTable, type", bindingProblem(maker("snap", "\"faultAfter\": \"sourceObjects\""), MakerBody.class, false));
        assertEquals("MIMEO002103: Field 'faultAfter' does not apply to snap replication",
                bindingProblem(maker("snap", "\"faultAfter\": \"sourceObjects\""), MakerBody.class, true));
    }

    @Test
    void theMakeRequestCarriesTheContractsDefaults() {
        MakeRequest snap = bind(maker("snap", "\"condition\": \"  \""), MakerBody.class).toMakeRequest("01:00:00");
        assertEquals(new MakeRequest("snap", 3, "src.t", "src.t", true, null, null, true, "01:00:00", null, null, false, null, null, null, null, true, null),
                snap);
        MakeRequest table = bind("{\"type\": \"table\", \"sourceId\": 4, \"sourceTable\": \"plain\", \"destTable\": \"\\\"my.schema\\\".\\\"t.1\\\"\","
                + " \"index\": false, \"pullData\": false, \"truncateCascade\": true, \"sequences\": [\"s.q\"], \"filter\": [\"a\"],"
                + " \"batchLimit\": 5, \"condition\": \"WHERE a > 1\"}", MakerBody.class).toMakeRequest(null);
        assertEquals(new MakeRequest("table", 4, "public.plain", "\"my.schema\".\"t.1\"", false, List.of("a"), "WHERE a > 1", false, null, 5,
                List.of("s.q"), true, null, null, null, null, true, null), table);
        MakeRequest updater = bind(maker("updater", "\"controlField\": \"c\", \"boundary\": 0, \"pkName\": [\"id\"], \"pkType\": [\"int\"]"), MakerBody.class)
                .toMakeRequest(null);
        assertEquals("c", updater.controlField());
        assertEquals("0", updater.boundary());
        assertEquals(List.of("id"), updater.pkName());
        assertEquals(List.of("int"), updater.pkType());
        MakeRequest dml = bind(maker("dml", "\"insertOnFetch\": false"), MakerBody.class).toMakeRequest(null);
        assertFalse(dml.insertOnFetch());
        assertNull(dml.faultAfter());
    }
}
