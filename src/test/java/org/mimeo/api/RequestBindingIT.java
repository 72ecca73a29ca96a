package org.mimeo.api;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mimeo.testsupport.Api;
import org.mimeo.testsupport.MimeoIT;
import org.mimeo.testsupport.Sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Request bodies as the server binds them: JSON Merge Patch, bodies without or with a non-JSON
 * Content-Type (curl's defaults), strict scalars and every bad field named in one answer.
 */
class RequestBindingIT extends MimeoIT {

    static int sourceId;

    @BeforeAll
    static void setUp() throws Exception {
        Sql.source("DROP SCHEMA IF EXISTS bind_src CASCADE", "CREATE SCHEMA bind_src",
                "CREATE TABLE bind_src.t (id int PRIMARY KEY, v text)", "INSERT INTO bind_src.t SELECT g, 'v' || g FROM generate_series(1, 50) g");
        Sql.dest("DROP SCHEMA IF EXISTS bind_dst CASCADE", "CREATE SCHEMA bind_dst");
        sourceId = Api.registerSource();
    }

    /** One call with this Content-Type (null: none) and body (null: none). */
    private static Api.Reply send(String method, String path, String contentType, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Api.BASE + path)).header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((Api.ADMIN.user() + ":" + Api.ADMIN.password()).getBytes(StandardCharsets.UTF_8)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Api.Reply(response.statusCode(), response.body());
    }

    private static JsonObject json(Api.Reply reply) {
        return Json.createReader(new StringReader(reply.body())).readObject();
    }

    @Test
    void patchTakesAMergePatchAndBodiesAreJsonWhateverTheirLabel() throws Exception {
        Api.make("{\"type\": \"table\", \"sourceId\": " + sourceId + ", \"sourceTable\": \"bind_src.t\", \"destTable\": \"bind_dst.t\"}");
        String path = "/replications/" + Api.path("bind_dst.t");
        JsonObject patched = json(send("PATCH", path, "application/merge-patch+json", "{\"period\": \"2 hours\", \"batchLimit\": 10}").expect(200));
        assertEquals("02:00:00", patched.getString("period"));
        assertEquals(10, patched.getInt("batchLimit"));
        JsonObject removed = json(send("PATCH", path, "application/merge-patch+json", "{\"period\": null}").expect(200));
        assertTrue(removed.isNull("period"), removed::toString);
        assertEquals(10, removed.getInt("batchLimit"));
        assertEquals("1", Sql.destString("SELECT count(*) FROM mimeo.refresh_config_table WHERE dest_table = 'bind_dst.t' AND period IS NULL AND batch_limit = 10"));

        Sql.source("INSERT INTO bind_src.t VALUES (51, 'new')");
        JsonObject bare = json(send("POST", path + "/refresh", null, null).expect(200));
        assertEquals("COMPLETED", bare.getString("status"), bare::toString);
        assertEquals("51", Sql.destString("SELECT count(*) FROM bind_dst.t"));
        Sql.source("INSERT INTO bind_src.t VALUES (52, 'newer')");
        JsonObject curlForm = json(send("POST", path + "/refresh", "application/x-www-form-urlencoded", "{\"truncateCascade\": false}").expect(200));
        assertEquals("COMPLETED", curlForm.getString("status"), curlForm::toString);
        assertEquals("52", Sql.destString("SELECT count(*) FROM bind_dst.t"));
        Api.delete(path).expect(204);
    }

    @Test
    void wrongKindsAndEveryBadFieldAreNamed() throws Exception {
        Api.Reply yes = Api.post("/replications", "{\"type\": \"snap\", \"sourceId\": " + sourceId + ", \"sourceTable\": \"bind_src.t\","
                + " \"destTable\": \"bind_dst.yes\", \"index\": \"yes\"}").expectError(400, "invalid_request");
        assertTrue(yes.json().getString("message").contains("Field 'index' must be true or false"), yes.body());
        Api.Reply many = Api.post("/replications", "{\"type\": \"table\", \"sourceTable\": \"bind_src.t\", \"destTable\": \"bind_dst.many\","
                + " \"batchLimit\": 0, \"filter\": [], \"period\": \"1; x\"}").expectError(400, "invalid_request");
        for (String field : List.of("'batchLimit'", "'filter'", "'period'", "'sourceId'")) {
            assertTrue(many.json().getString("message").contains(field), () -> field + ": " + many.body());
        }
        Api.Reply other = Api.post("/replications", "{\"type\": \"snap\", \"sourceId\": " + sourceId + ", \"sourceTable\": \"bind_src.t\","
                + " \"destTable\": \"bind_dst.other\", \"controlField\": \"id\"}").expectError(400, "invalid_request");
        assertTrue(other.json().getString("message").contains("Field 'controlField' does not apply to snap replication"), other.body());
        assertEquals("0", Sql.destString("SELECT count(*) FROM mimeo.refresh_config WHERE dest_table LIKE 'bind_dst.%'"));
    }
}
