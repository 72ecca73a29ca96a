package org.mimeo.tools.soak;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.mimeo.tools.MimeoApi;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The soak's report: per table the writes, the refreshes by status (GET /executions?destTable=), the final refresh
 * and the comparison; every execution that did not complete with its last log line; the verdict.
 */
final class SoakReport {

    private final MimeoApi api;
    private final StringBuilder out = new StringBuilder();
    private final List<String> notCompleted = new ArrayList<>();

    SoakReport(MimeoApi api) {
        this.api = api;
    }

    void line(String text) {
        out.append(text).append('\n');
    }

    /** One table's block; collects the executions that did not complete. */
    void table(SoakTable t, SoakWriters.Counts writes, SoakRefresher.Outcome last, SoakVerifier.Result result)
            throws IOException, InterruptedException {
        JsonArray executions = SoakRefresher.array(api.get("/executions?limit=10000&destTable=" + MimeoApi.segment(t.name())).expect(200).body());
        Map<String, Integer> byStatus = new TreeMap<>();
        for (JsonValue v : executions) {
            JsonObject ex = v.asJsonObject();
            String status = ex.getString("status", "?");
            byStatus.merge(status, 1, Integer::sum);
            if (!status.equals("COMPLETED")) {
                notCompleted.add(describe(t, ex.getJsonNumber("executionId").longValue()));
            }
        }
        line(String.format("%-16s %-8s %s", t.name(), t.mode(), result.equal() ? "OK" : "FAILED"));
        line("    writes:      " + writes + (writes.lastError == null ? "" : " (last error: " + oneLine(writes.lastError) + ")"));
        line("    refreshes:   " + executions.size() + " executions " + byStatus + " (maker's initial load included)");
        line("    final:       " + (last.completed() ? "execution " + last.executionId() + " COMPLETED, started after the writers stopped"
                : "NO completed refresh after the writers stopped (last execution " + last.executionId() + ")")
                + (last.retries().isEmpty() ? "" : "; before it: " + last.retries()));
        line("    comparison:  " + result.detail());
    }

    private String describe(SoakTable t, long id) throws IOException, InterruptedException {
        JsonObject ex = api.get("/executions/" + id).expect(200).json();
        String lastLog = "(no log)";
        JsonValue log = ex.get("log");
        if (log != null && log.getValueType() == JsonValue.ValueType.ARRAY && !log.asJsonArray().isEmpty()) {
            JsonObject entry = log.asJsonArray().getJsonObject(log.asJsonArray().size() - 1);
            lastLog = entry.getString("level", "?") + " " + oneLine(entry.getString("message", ""));
        }
        return String.format("  %-8d %-16s %-9s started %s ended %s: %s", id, t.name(), ex.getString("status", "?"),
                text(ex, "startTime"), text(ex, "endTime"), lastLog);
    }

    List<String> notCompleted() {
        return notCompleted;
    }

    void monitor() throws IOException, InterruptedException {
        MimeoApi.Answer a = api.get("/monitor");
        line("GET /monitor: HTTP " + a.status() + " " + (a.status() == 200 ? a.json().getString("status", "?") : a.body()));
    }

    String text() {
        return out.toString();
    }

    private static String text(JsonObject o, String key) {
        JsonValue v = o.get(key);
        return v == null || v.getValueType() == JsonValue.ValueType.NULL ? "-"
                : v.getValueType() == JsonValue.ValueType.STRING ? o.getString(key) : v.toString();
    }

    private static String oneLine(String s) {
        String flat = s.replaceAll("\\s+", " ").trim();
        return flat.length() > 300 ? flat.substring(0, 300) + "..." : flat;
    }
}
