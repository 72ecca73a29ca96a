package org.mimeo.tools.soak;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.mimeo.tools.Console;
import org.mimeo.tools.Json;
import org.mimeo.tools.MimeoApi;

import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The end of the soak, through the API: stops the schedules (period 1 day, so no scheduled refresh reloads a
 * table while it is compared), waits until no refresh runs, then for each table runs refreshes ({@code lockWait}
 * 60, snap with {@code checkStats} false) until one that started after the writers stopped has COMPLETED.
 * One table at a time: a dml/logdel run replays only the queue entries of transactions older than its snapshot's
 * xmin, so no other refresh's transaction on the source should be open meanwhile.
 */
final class SoakRefresher {

    static final Set<String> ENDED = Set.of("COMPLETED", "FAILED", "STOPPED", "ABANDONED");

    /** The refresh that counts for the comparison, and the attempts that did not (ids of failed runs, refusals). */
    record Outcome(long executionId, boolean completed, List<String> retries) {
    }

    private final MimeoApi api;
    private final Duration perTable;

    SoakRefresher(MimeoApi api, Duration perTable) {
        this.api = api;
        this.perTable = perTable;
    }

    void stopSchedules(List<SoakTable> tables) throws IOException, InterruptedException {
        for (SoakTable t : tables) {
            api.patch("/replications/" + MimeoApi.segment(t.name()), Json.object("period", "1 day")).expect(200);
        }
    }

    /** Waits until no execution is STARTING or STARTED; returns those still running when the time is up (none: idle). */
    List<String> awaitIdle(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<String> running = new ArrayList<>();
            for (String status : List.of("STARTING", "STARTED")) {
                for (JsonValue v : array(api.get("/executions?limit=1000&status=" + status).expect(200).body())) {
                    JsonObject ex = v.asJsonObject();
                    running.add("execution " + ex.getJsonNumber("executionId") + " of " + ex.getString("destTable", "?")
                            + " " + status + " since " + ex.get("startTime"));
                }
            }
            if (running.isEmpty() || System.nanoTime() > deadline) {
                return running;
            }
            Thread.sleep(1000);
        }
    }

    Outcome refresh(SoakTable t, Instant after) throws IOException, InterruptedException {
        String body = t.snap() ? Json.object("lockWait", 60, "checkStats", false) : Json.object("lockWait", 60);
        String path = "/replications/" + MimeoApi.segment(t.name()) + "/refresh";
        long deadline = System.nanoTime() + perTable.toNanos();
        List<String> retries = new ArrayList<>();
        long last = -1;
        while (System.nanoTime() < deadline) {
            MimeoApi.Answer a = api.post(path, body);
            if (a.status() == 200 || a.status() == 202) {
                JsonObject ex = a.json();
                last = ex.getJsonNumber("executionId").longValue();
                if (!ENDED.contains(ex.getString("status", "STARTED"))) {
                    ex = awaitEnd(last, deadline);
                }
                String status = ex.getString("status", "?");
                if (status.equals("COMPLETED") && startedAfter(ex, after)) {
                    return new Outcome(last, true, retries);
                }
                retries.add("execution " + last + " " + status);
            } else {
                retries.add("HTTP " + a.status() + " " + a.body());
            }
            Console.info("final refresh of " + t + ": " + retries.get(retries.size() - 1) + ", again");
            Thread.sleep(2000);
        }
        return new Outcome(last, false, retries);
    }

    private JsonObject awaitEnd(long id, long deadline) throws IOException, InterruptedException {
        while (true) {
            JsonObject ex = api.get("/executions/" + id).expect(200).json();
            if (ENDED.contains(ex.getString("status", "")) || System.nanoTime() > deadline) {
                return ex;
            }
            Thread.sleep(500);
        }
    }

    static boolean startedAfter(JsonObject execution, Instant after) {
        JsonValue v = execution.get("startTime");
        if (v == null || v.getValueType() != JsonValue.ValueType.STRING) {
            return false;
        }
        return !OffsetDateTime.parse(execution.getString("startTime")).toInstant().isBefore(after);
    }

    static JsonArray array(String body) {
        try (var r = jakarta.json.Json.createReader(new StringReader(body))) {
            return r.readArray();
        }
    }
}
