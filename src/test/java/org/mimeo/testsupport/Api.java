package org.mimeo.testsupport;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real HTTP calls to the deployed Mimeo REST API of the test server. */
public final class Api {

    public static final String BASE = System.getProperty("mimeo.test.baseUrl", "http://localhost:8180/mimeo") + "/api";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** A user of the test server's application realm (added by the build with bin/add-user.sh, see pom.xml). */
    public record Login(String user, String password) {
        String authorization() {
            return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        }
    }

    private static final String PASSWORD = System.getProperty("mimeo.test.password", "Test-Secret-1");
    public static final Login ADMIN = new Login("mimeo-admin", PASSWORD);
    public static final Login OPERATOR = new Login("mimeo-operator", PASSWORD);
    public static final Login VIEWER = new Login("mimeo-viewer", PASSWORD);
    /** Authenticated, but without any Mimeo role. */
    public static final Login NOBODY = new Login("mimeo-nobody", PASSWORD);

    private Api() {
    }

    /** An HTTP answer: status and raw body, with JSON accessors. */
    public record Reply(int status, String body) {
        public JsonObject json() {
            try (JsonReader r = Json.createReader(new StringReader(body))) {
                return r.readObject();
            }
        }

        public JsonArray array() {
            try (JsonReader r = Json.createReader(new StringReader(body))) {
                return r.readArray();
            }
        }

        public Reply expect(int expected) {
            assertEquals(expected, status, () -> "unexpected HTTP status; body: " + body);
            return this;
        }

        /** Asserts the contract's error shape: the status, {"error": code, "message": non-empty}. */
        public Reply expectError(int expected, String code) {
            expect(expected);
            JsonObject o = json();
            assertEquals(code, o.getString("error"), body);
            assertFalse(o.getString("message").isBlank(), body);
            return this;
        }
    }

    public static Reply get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    public static Reply post(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json == null ? "" : json)));
    }

    public static Reply put(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public static Reply patch(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    public static Reply delete(String path) {
        return send(HttpRequest.newBuilder(uri(path)).DELETE());
    }

    private static final ThreadLocal<String> TARGET = ThreadLocal.withInitial(() -> BASE);

    /** Sends the calls of this thread to another server's API (null: back to the test server). */
    public static void target(String apiBase) {
        TARGET.set(apiBase == null ? BASE : apiBase);
    }

    private static URI uri(String path) {
        return URI.create(TARGET.get() + path);
    }

    /** One call as {@code login} (null: anonymous); {@code body} null sends none. */
    public static Reply call(Login login, String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return send(request, login);
    }

    private static Reply send(HttpRequest.Builder request) {
        return send(request, ADMIN);
    }

    private static Reply send(HttpRequest.Builder request, Login login) {
        if (login != null) {
            request.header("Authorization", login.authorization());
        }
        try {
            HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofMinutes(10)).build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body());
        } catch (Exception e) {
            throw new IllegalStateException("HTTP call failed", e);
        }
    }

    /** A destination table name as a path segment. */
    public static String path(String destTable) {
        return URLEncoder.encode(destTable, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Registers the embedded source database; returns its id. */
    public static int registerSource() {
        JsonObject created = post("/sources", "{\"dataSource\": \"host=" + TestDatabases.sourceHost() + " port=" + TestDatabases.sourcePort()
                + " dbname=" + TestDatabases.sourceDb() + "\", \"username\": \"postgres\", \"password\": \"not-used-secret\"}")
                .expect(201).json();
        return created.getInt("id");
    }

    /** POST /replications and assert 201 with a COMPLETED initial load when data is pulled. */
    public static JsonObject make(String body) {
        JsonObject made = post("/replications", body).expect(201).json();
        if (made.containsKey("initialLoad")) {
            assertEquals("COMPLETED", made.getJsonObject("initialLoad").getString("status"), made.toString());
        }
        return made;
    }

    /** A refresh with wait=true; returns the execution object. */
    public static JsonObject refresh(String destTable, String body) {
        return post("/replications/" + path(destTable) + "/refresh", body).expect(200).json();
    }

    public static JsonObject refreshCompleted(String destTable, String body) {
        JsonObject execution = refresh(destTable, body);
        assertEquals("COMPLETED", execution.getString("status"), execution.toString());
        return execution;
    }

    /** Polls GET /executions/{id} until the execution ended; returns it. */
    public static JsonObject awaitExecution(long executionId) {
        long deadline = System.currentTimeMillis() + 600_000;
        while (true) {
            JsonObject execution = get("/executions/" + executionId).expect(200).json();
            String status = execution.getString("status");
            if (!status.equals("STARTING") && !status.equals("STARTED") && !status.equals("STOPPING")) {
                return execution;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("execution " + executionId + " still " + status);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** POST /executions/{id}/restart (202) and wait for the new execution to end. */
    public static JsonObject restartAndWait(long executionId) {
        long restarted = post("/executions/" + executionId + "/restart", null).expect(202).json().getJsonNumber("executionId").longValue();
        JsonObject execution = awaitExecution(restarted);
        assertEquals(executionId, execution.getJsonNumber("restartOf").longValue());
        return execution;
    }

    public static long id(JsonObject execution) {
        return execution.getJsonNumber("executionId").longValue();
    }

    public static JsonObject step(JsonObject execution, String name) {
        for (JsonValue v : execution.getJsonArray("steps")) {
            if (v.asJsonObject().getString("name").equals(name)) {
                return v.asJsonObject();
            }
        }
        throw new AssertionError("no step " + name + " in " + execution);
    }

    public static boolean logContains(JsonObject execution, String text) {
        return execution.getJsonArray("log").stream().anyMatch(v -> v.asJsonObject().getString("message").contains(text));
    }

    public static void assertLogContains(JsonObject execution, String text) {
        assertTrue(logContains(execution, text), () -> "execution log lacks '" + text + "': " + execution.getJsonArray("log"));
    }

    public static String quote(String s) {
        return Json.createValue(s).toString();
    }
}
