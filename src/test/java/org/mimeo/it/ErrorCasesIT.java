package org.mimeo.it;

import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mimeo.testsupport.Api;
import org.mimeo.testsupport.MimeoIT;
import org.mimeo.testsupport.Sql;
import org.mimeo.testsupport.TestDatabases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every error case of the contract answers in its shape, and a failed maker leaves nothing behind. */
class ErrorCasesIT extends MimeoIT {

    static int sourceId;

    @BeforeAll
    static void setUp() throws Exception {
        Sql.source("DROP SCHEMA IF EXISTS err_src CASCADE", "CREATE SCHEMA err_src",
                "CREATE TABLE err_src.t (id int PRIMARY KEY, v text)", "INSERT INTO err_src.t VALUES (1, 'a'), (2, 'b')");
        Sql.dest("DROP SCHEMA IF EXISTS err_dst CASCADE", "CREATE SCHEMA err_dst", "CREATE TABLE err_dst.occupied (x int)");
        sourceId = Api.registerSource();
    }

    private static String maker(String type, String source, String dest, String extra) {
        return "{\"type\": " + Api.quote(type) + ", \"sourceId\": " + sourceId + ", \"sourceTable\": " + Api.quote(source)
                + (dest == null ? "" : ", \"destTable\": " + Api.quote(dest)) + (extra == null ? "" : ", " + extra) + "}";
    }

    /** Nothing of the failed maker stays: no config row, no destination table or view. */
    private static void assertNothingLeft(String destTable) throws Exception {
        assertEquals("0", Sql.destString("SELECT count(*) FROM mimeo.refresh_config WHERE dest_table = '" + destTable + "'"));
        String table = destTable.substring(destTable.indexOf('.') + 1);
        assertEquals(List.of(), Sql.destStrings("SELECT relname FROM pg_class WHERE relnamespace = 'err_dst'::regnamespace AND relname LIKE '"
                + table + "%'"));
    }

    @Test
    void malformedMakerRequestsAre400() throws Exception {
        Api.post("/replications", "{not json").expectError(400, "invalid_request");
        Api.post("/replications", "[]").expectError(400, "invalid_request");
        Api.post("/replications", maker("mirror", "err_src.t", "err_dst.bad1", null)).expectError(400, "invalid_request");
        Api.post("/replications", "{\"type\": \"snap\", \"sourceId\": " + sourceId + "}").expectError(400, "invalid_request");
        Api.post("/replications", "{\"type\": \"snap\", \"sourceTable\": \"err_src.t\"}").expectError(400, "invalid_request");
        Api.post("/replications", maker("snap", "err_src.t", "err_dst.bad2", "\"period\": \"every tuesday\"")).expectError(400, "invalid_request");
        Api.post("/replications", maker("snap", "err_src.t", "err_dst.bad3", "\"filter\": \"v\"")).expectError(400, "invalid_request");
        Api.post("/replications", maker("snap", "err_src.t", "err_dst.bad4", "\"unknownField\": 1")).expectError(400, "invalid_request");
        Api.post("/replications", maker("table", "err_src.t", "nosuchschema.t", null)).expectError(400, "invalid_request");
        Api.post("/replications", maker("snap", "err_src.t", "err_dst.bad5", "\"batchLimit\": -3")).expectError(400, "invalid_request");
        for (String dest : List.of("err_dst.bad1", "err_dst.bad2", "err_dst.bad3", "err_dst.bad4", "err_dst.bad5")) {
            assertNothingLeft(dest);
        }
    }

    @Test
    void sourceSideProblemsAre404And422And502() throws Exception {
        Api.post("/replications", "{\"type\": \"snap\", \"sourceId\": 987654, \"sourceTable\": \"err_src.t\", \"destTable\": \"err_dst.s1\"}")
                .expectError(404, "not_found");
        Api.post("/replications", maker("snap", "err_src.missing", "err_dst.s2", null)).expectError(422, "source_error");
        Api.post("/replications", maker("table", "err_src.t", "err_dst.s3", "\"condition\": \"WHERE no_such_column > 1\"")).expectError(422, "source_error");
        Api.post("/replications", maker("snap", "err_src.t", "err_dst.s4", "\"filter\": [\"id\", \"nope\"]")).expectError(422, "source_error");
        int dead = Api.post("/sources", "{\"dataSource\": \"host=localhost port=1 dbname=x connect_timeout=3\", \"username\": \"postgres\", \"password\": \"hunter2-secret\"}")
                .expect(201).json().getInt("id");
        Api.Reply unreachable = Api.post("/replications", "{\"type\": \"snap\", \"sourceId\": " + dead + ", \"sourceTable\": \"err_src.t\", \"destTable\": \"err_dst.s5\"}")
                .expectError(502, "source_unreachable");
        assertFalse(unreachable.body().contains("hunter2"), unreachable.body());
        Api.post("/sources/" + dead + "/check", null).expectError(502, "source_unreachable");
        for (String dest : List.of("err_dst.s1", "err_dst.s2", "err_dst.s3", "err_dst.s4", "err_dst.s5")) {
            assertNothingLeft(dest);
        }
        // the failed makers are on the audit trail with their error text
        jakarta.json.JsonObject audited = Api.get("/audit?destTable=err_dst.s2").expect(200).array().getJsonObject(0);
        assertEquals("FAILED", audited.getString("outcome"));
        assertTrue(audited.getString("message").contains("not found"), audited::toString);
        Api.delete("/sources/" + dead).expect(204);
    }

    @Test
    void conflictsAre409() throws Exception {
        Api.post("/replications", maker("snap", "err_src.t", "err_dst.occupied", null)).expectError(409, "conflict");
        assertEquals("r", Sql.destString("SELECT relkind FROM pg_class WHERE oid = 'err_dst.occupied'::regclass"));
        assertEquals("0", Sql.destString("SELECT count(*) FROM mimeo.refresh_config WHERE dest_table = 'err_dst.occupied'"));

        Api.make(maker("snap", "err_src.t", "err_dst.twice", null));
        Api.post("/replications", maker("table", "err_src.t", "err_dst.twice", null)).expectError(409, "conflict");
        Api.post("/replications", maker("snap", "err_src.t", "err_dst.twice", null)).expectError(409, "conflict");
        assertEquals(List.of("2"), Sql.destStrings("SELECT count(*) FROM err_dst.twice"));
        Api.delete("/sources/" + sourceId).expectError(409, "conflict");
        Api.delete("/replications/" + Api.path("err_dst.twice")).expect(204);
        List<String> actions = Api.get("/audit?destTable=err_dst.twice").expect(200).array().stream()
                .map(v -> v.asJsonObject().getString("action") + " " + v.asJsonObject().getString("outcome")).toList();
        assertEquals(List.of("destroy snap COMPLETED", "make snap FAILED", "make table FAILED", "make snap COMPLETED"), actions);
    }

    @Test
    void unknownThingsAre404AndBadRestartsAre409() {
        Api.get("/replications/" + Api.path("err_dst.nothing")).expectError(404, "not_found");
        Api.post("/replications/" + Api.path("err_dst.nothing") + "/refresh", null).expectError(404, "not_found");
        Api.delete("/replications/" + Api.path("err_dst.nothing")).expectError(404, "not_found");
        Api.patch("/replications/" + Api.path("err_dst.nothing"), "{\"period\": \"1 hour\"}").expectError(404, "not_found");
        Api.get("/sources/424242").expectError(404, "not_found");
        Api.get("/executions/424242").expectError(404, "not_found");
        Api.post("/executions/424242/restart", null).expectError(404, "not_found");

        JsonObject made = Api.make(maker("table", "err_src.t", "err_dst.done", null));
        long execution = made.getJsonObject("initialLoad").getJsonNumber("executionId").longValue();
        Api.post("/executions/" + execution + "/restart", null).expectError(409, "conflict");
        Api.post("/executions/" + execution + "/stop", null).expectError(409, "conflict");
        Api.post("/replications/" + Api.path("err_dst.done") + "/refresh", "{\"repull\": true}").expectError(400, "invalid_request");
        Api.post("/replications/" + Api.path("err_dst.done") + "/refresh", "{\"checkStats\": false}").expectError(400, "invalid_request");
        Api.patch("/replications/" + Api.path("err_dst.done"), "{\"period\": \"soon\"}").expectError(400, "invalid_request");
        Api.patch("/replications/" + Api.path("err_dst.done"), "{\"condition\": \"WHERE nope\"}").expectError(422, "source_error");
        JsonObject patched = Api.patch("/replications/" + Api.path("err_dst.done"), "{\"period\": \"2 hours\", \"batchLimit\": 500}").expect(200).json();
        assertEquals("02:00:00", patched.getString("period"));
        assertEquals(500, patched.getInt("batchLimit"));
    }

    @Test
    void sourcesKeepTheirPasswordsToThemselves() throws Exception {
        Api.post("/sources", "{\"dataSource\": \"host=h dbname=d bogus=1\", \"username\": \"u\"}").expectError(400, "invalid_request");
        Api.post("/sources", "{\"dataSource\": \"host=h dbname=d\"}").expectError(400, "invalid_request");
        Api.post("/sources", "{\"dataSource\": \"host=h dbname=d password=x\", \"username\": \"u\"}").expectError(400, "invalid_request");
        String jdbc = TestDatabases.sourceUrl();
        JsonObject created = Api.post("/sources", "{\"dataSource\": " + Api.quote(jdbc) + ", \"username\": \"postgres\", \"password\": \"s3cr3t-value\"}")
                .expect(201).json();
        int id = created.getInt("id");
        assertEquals(jdbc, created.getString("dataSource"));
        JsonObject check = Api.post("/sources/" + id + "/check", null).expect(200).json();
        assertTrue(check.getBoolean("ok"));
        assertTrue(check.getString("serverVersion").matches("\\d+.*"), check::toString);
        for (Api.Reply r : List.of(Api.get("/sources"), Api.get("/sources/" + id), Api.put("/sources/" + id,
                "{\"dataSource\": " + Api.quote(jdbc) + ", \"username\": \"postgres\", \"password\": \"s3cr3t-value\"}").expect(200))) {
            assertFalse(r.body().contains("s3cr3t"), r.body());
        }
        String stored = Sql.destString("SELECT pwd FROM mimeo.dblink_mapping WHERE data_source_id = " + id);
        assertTrue(stored.startsWith("aes-gcm:") && !stored.contains("s3cr3t"), "stored in plain text: " + stored);
        Api.delete("/sources/" + id).expect(204);
        Api.get("/sources/" + id).expectError(404, "not_found");
    }
}
