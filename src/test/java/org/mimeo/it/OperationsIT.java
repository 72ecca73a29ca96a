package org.mimeo.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mimeo.testsupport.Api;
import org.mimeo.testsupport.MimeoIT;
import org.mimeo.testsupport.Rows;
import org.mimeo.testsupport.Sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The concurrency guard, refresh-due, the monitor and the health checks. The test server runs with its
 * scheduler off, so due tables wait for POST /refresh-due here (the scheduler itself is tested on a
 * server of its own, in ServerKillIT).
 */
class OperationsIT extends MimeoIT {

    static int sourceId;

    @BeforeAll
    static void setUp() throws Exception {
        Sql.source("DROP SCHEMA IF EXISTS ops_src CASCADE", "CREATE SCHEMA ops_src",
                "CREATE TABLE ops_src.big (id bigint PRIMARY KEY, v text)",
                "INSERT INTO ops_src.big SELECT g, md5(g::text) FROM generate_series(1, 400000) g",
                "CREATE TABLE ops_src.small (id int PRIMARY KEY, v text)", "INSERT INTO ops_src.small SELECT g, 'v' FROM generate_series(1, 100) g");
        Sql.dest("DROP SCHEMA IF EXISTS ops_dst CASCADE", "CREATE SCHEMA ops_dst");
        sourceId = Api.registerSource();
    }

    static JsonObject make(String type, String source, String dest, String extra) {
        return Api.make("{\"type\": \"" + type + "\", \"sourceId\": " + sourceId + ", \"sourceTable\": \"" + source + "\", \"destTable\": \"" + dest + "\""
                + (extra == null ? "" : ", " + extra) + "}");
    }

    static List<JsonObject> alerts(String destTable) {
        return Api.get("/monitor").expect(200).json().getJsonArray("alerts").stream().map(JsonValue::asJsonObject)
                .filter(a -> a.getString("destTable").equals(destTable)).toList();
    }

    @Test
    void aSecondRefreshOfATableIsRefusedOrWaitsAndThreeRefusalsWarn() throws Exception {
        make("table", "ops_src.big", "ops_dst.big", null);
        String path = "/replications/" + Api.path("ops_dst.big") + "/refresh";
        long running = Api.post(path + "?wait=false", "{\"blockRows\": 10000}").expect(202).json().getJsonNumber("executionId").longValue();
        for (int i = 1; i <= 3; i++) {
            Api.post(path, null).expectError(409, "already_running");
            if (i < 3) {
                assertEquals(List.of(), alerts("ops_dst.big"));
            }
        }
        // three refusals in a row: WARNING
        List<JsonObject> warned = alerts("ops_dst.big");
        assertEquals("WARNING", warned.get(0).getString("level"), warned::toString);
        assertTrue(List.of("WARNING", "CRITICAL").contains(Api.get("/monitor").expect(200).json().getString("status")));
        // lockWait: waits for the running refresh to end, then runs
        JsonObject waited = Api.refreshCompleted("ops_dst.big", "{\"lockWait\": 120}");
        assertTrue(Api.id(waited) > running);
        assertEquals("COMPLETED", Api.awaitExecution(running).getString("status"));
        assertEquals("3", Sql.destString("SELECT count(*) FROM mimeo.refresh_attempt WHERE dest_table = 'ops_dst.big' AND outcome = 'ALREADY_RUNNING'"));
        Rows.assertSame("id, v", "ops_src.big", "ops_dst.big");
        // a refresh that ran clears the warning
        assertEquals(List.of(), alerts("ops_dst.big"));
    }

    @Test
    void refreshDueStartsWhatIsDueOldestFirstWithTypeAndBatchLimitFilters() throws Exception {
        make("snap", "ops_src.small", "ops_dst.due_snap", "\"period\": \"1 hour\"");
        make("table", "ops_src.small", "ops_dst.due_table", "\"period\": \"1 hour\"");
        make("inserter", "ops_src.small", "ops_dst.due_inserter", "\"period\": \"1 hour\", \"controlField\": \"id\", \"boundary\": 0");
        make("table", "ops_src.small", "ops_dst.not_scheduled", null);
        Sql.dest("UPDATE mimeo.refresh_config_snap SET last_run = now() - interval '3 hours' WHERE dest_table = 'ops_dst.due_snap'",
                "UPDATE mimeo.refresh_config_table SET last_run = now() - interval '2 hours' WHERE dest_table = 'ops_dst.due_table'",
                "UPDATE mimeo.refresh_config_inserter_serial SET last_run = now() - interval '4 hours' WHERE dest_table = 'ops_dst.due_inserter'",
                "UPDATE mimeo.job_run SET created = now() - interval '5 hours' WHERE dest_table LIKE 'ops_dst.due%'");

        JsonObject none = Api.post("/refresh-due", "{\"type\": \"updater\"}").expect(200).json();
        assertEquals(0, none.getJsonArray("started").size());
        JsonObject oneTable = Api.post("/refresh-due", "{\"type\": \"table\"}").expect(200).json();
        assertEquals(List.of("ops_dst.due_table"), destTables(oneTable));
        JsonObject oldest = Api.post("/refresh-due", "{\"batchLimit\": 1}").expect(200).json();
        assertEquals(List.of("ops_dst.due_inserter"), destTables(oldest));
        Api.awaitExecution(Api.id(oldest.getJsonArray("started").getJsonObject(0)));
        JsonObject rest = Api.post("/refresh-due", null).expect(200).json();
        assertEquals(List.of("ops_dst.due_snap"), destTables(rest));
        Api.awaitExecution(Api.id(rest.getJsonArray("started").getJsonObject(0)));
        assertEquals(0, Api.post("/refresh-due", null).expect(200).json().getJsonArray("started").size());
        Api.post("/refresh-due", "{\"type\": \"mirror\"}").expectError(400, "invalid_request");
        Rows.assertSame("id, v", "ops_src.small", "ops_dst.due_snap");
    }

    private static List<String> destTables(JsonObject result) {
        return result.getJsonArray("started").stream().map(v -> v.asJsonObject().getString("destTable")).toList();
    }

    @Test
    void aFailedRefreshAndAnOverdueTableAreCritical() throws Exception {
        Sql.source("CREATE TABLE ops_src.fragile (id int PRIMARY KEY)", "INSERT INTO ops_src.fragile VALUES (1)");
        make("snap", "ops_src.fragile", "ops_dst.fragile", null);
        make("table", "ops_src.small", "ops_dst.overdue", "\"period\": \"1 second\"");
        Sql.source("DROP TABLE ops_src.fragile");
        assertEquals("FAILED", Api.refresh("ops_dst.fragile", null).getString("status"));
        List<JsonObject> failed = alerts("ops_dst.fragile");
        assertEquals("CRITICAL", failed.get(0).getString("level"), failed::toString);
        Thread.sleep(2100);
        List<JsonObject> overdue = alerts("ops_dst.overdue");
        assertEquals("CRITICAL", overdue.get(0).getString("level"), overdue::toString);
        assertTrue(overdue.get(0).getString("reason").contains("Overdue"));
        assertEquals("CRITICAL", Api.get("/monitor").expect(200).json().getString("status"));
        Api.refreshCompleted("ops_dst.overdue", null);
        assertEquals(List.of(), alerts("ops_dst.overdue"));
        // unscheduled again, so it never counts as due in the other tests of this class
        Api.patch("/replications/" + Api.path("ops_dst.overdue"), "{\"period\": null}").expect(200);
    }

    @Test
    void healthChecksReadTheDestination() throws Exception {
        String management = "http://localhost:" + Integer.getInteger("mimeo.test.management.port", 10090);
        HttpResponse<String> ready = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(management + "/health/ready")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, ready.statusCode(), ready.body());
        JsonObject health = Json.createReader(new StringReader(ready.body())).readObject();
        assertEquals("UP", health.getString("status"));
        assertTrue(health.getJsonArray("checks").stream().anyMatch(c -> c.asJsonObject().getString("name").equals("mimeo-destination")
                && c.asJsonObject().getJsonObject("data").getInt("schemaVersion") >= 4), health::toString);
        HttpResponse<String> live = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(management + "/health/live")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, live.statusCode(), live.body());
    }

    @Test
    void theOpenApiDocumentDescribesTheRestApi() throws Exception {
        String server = Api.BASE.substring(0, Api.BASE.indexOf("/mimeo/api"));
        HttpResponse<String> openapi = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server + "/openapi")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, openapi.statusCode(), openapi.body());
        for (String path : List.of("/mimeo/api/replications:", "/mimeo/api/replications/{destTable}/refresh:", "/mimeo/api/executions/{id}/restart:",
                "/mimeo/api/sources:", "/mimeo/api/monitor:", "/mimeo/api/refresh-due:")) {
            assertTrue(openapi.body().contains(path), () -> path + " missing in " + openapi.body());
        }
    }
}
