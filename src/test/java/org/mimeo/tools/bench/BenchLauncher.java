package org.mimeo.tools.bench;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.mimeo.tools.Console;
import org.mimeo.tools.EmbeddedPg;
import org.mimeo.tools.Json;
import org.mimeo.tools.MimeoApi;
import org.mimeo.tools.MimeoStack;
import org.mimeo.tools.Resources;
import org.mimeo.tools.Settings;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code mvn -B package -Pbench}: how Mimeo's copy compares with the plain PostgreSQL way of copying a table.
 * Two embedded PostgreSQL servers (source :15435, destination :15434, identical settings, normal durability)
 * and WildFly from {@code target/server}. A source table {@code bench.t} of 1M rows (~100 bytes a row) is
 * copied by
 * <ol>
 * <li>baseline: {@code psql COPY bench.t TO STDOUT (FORMAT binary) | psql COPY bench.copy_target FROM STDIN (FORMAT binary)}
 * into a freshly truncated keyed table,</li>
 * <li>Mimeo's snap maker (POST /replications, wall time of the call, destroyed between repetitions),</li>
 * <li>Mimeo's snap refresh ({@code {"checkStats": false}}),</li>
 * <li>Mimeo's table maker (once) and table refresh,</li>
 * </ol>
 * each after one warm-up run, {@code mimeo.bench.repeat} (3) times, reporting the median and its ratio to the
 * baseline's. Results: stdout and {@code target/bench-results.txt}. Properties: {@code mimeo.bench.rows},
 * {@code mimeo.bench.repeat}, {@code mimeo.bench.portOffset}, {@code mimeo.bench.destPort}, {@code mimeo.bench.sourcePort}.
 */
public final class BenchLauncher {

    /**
     * postgresql.conf of both servers: normal durability (zonky starts PostgreSQL with -F, fsync off, and
     * synchronous_commit off: both are turned back on here), more shared memory and WAL room than the defaults.
     */
    static final Map<String, String> SERVER_CONFIG = new java.util.TreeMap<>(Map.of(
            "fsync", "on",
            "synchronous_commit", "on",
            "full_page_writes", "on",
            "max_connections", "100",
            "shared_buffers", "256MB",
            "max_wal_size", "4GB"));

    private final MimeoStack stack;
    private final int rows;
    private final int repeat;
    private final String psql;
    private long sourceId;
    private final Map<String, List<Double>> results = new LinkedHashMap<>();
    private final Map<String, Long> lastExecution = new LinkedHashMap<>();

    private BenchLauncher(MimeoStack stack, int rows, int repeat, String psql) {
        this.stack = stack;
        this.rows = rows;
        this.repeat = repeat;
        this.psql = psql;
    }

    public static void main(String[] args) throws Exception {
        Console.prefix("bench");
        String psql = findOnPath("psql");
        if (psql == null) {
            Console.info("psql is not on the PATH; the baseline needs it. Install the PostgreSQL client, e.g.:");
            Console.raw("    sudo apt-get install -y postgresql-client     # Debian/Ubuntu");
            Console.raw("    sudo dnf install -y postgresql                # Fedora/RHEL");
            Console.raw("    brew install libpq && brew link --force libpq # macOS");
            throw new IllegalStateException("psql not found on the PATH");
        }
        Settings settings = Settings.read("mimeo.bench", 15434, 15435);
        int rows = Integer.getInteger("mimeo.bench.rows", 1_000_000);
        int repeat = Integer.getInteger("mimeo.bench.repeat", 3);
        try (MimeoStack stack = new MimeoStack(settings, "bench")) {
            try {
                stack.startDatabases("bench", SERVER_CONFIG);
                new BenchLauncher(stack, rows, repeat, psql).run();
            } catch (Exception | Error e) {
                Resources.blockIfShuttingDown();
                throw e;
            }
        }
        Console.info("everything stopped");
    }

    private void run() throws Exception {
        String header = prepareData();
        stack.startWildFly();
        sourceId = stack.registerSource();
        MimeoApi api = stack.api();

        measure("baseline: psql COPY binary | psql COPY", repeat, () -> {
            stack.dest().execute("TRUNCATE bench.copy_target");
            checkpoint();
        }, () -> {
            long t0 = System.nanoTime();
            bash("set -o pipefail; "
                    + psql + " -X -q -v ON_ERROR_STOP=1 -h localhost -p " + stack.source().port() + " -U postgres -d bench"
                    + " -c 'COPY bench.t TO STDOUT (FORMAT binary)' | "
                    + psql + " -X -q -v ON_ERROR_STOP=1 -h localhost -p " + stack.dest().port() + " -U postgres -d mimeo"
                    + " -c 'COPY bench.copy_target FROM STDIN (FORMAT binary)'");
            double s = seconds(t0);
            requireRows("bench.copy_target");
            return s;
        });

        String snapMake = Json.object("type", "snap", "sourceId", sourceId, "sourceTable", "bench.t", "destTable", "bench.t_snap");
        int[] makes = {0};
        measure("Mimeo snap maker (POST /replications)", repeat, () -> {
            if (makes[0]++ > 0) {
                api.delete("/replications/bench.t_snap").expect(204);
            }
            checkpoint();
        }, () -> {
            MimeoApi.Answer a = api.post("/replications", snapMake).expect(201);
            JsonObject load = a.json().getJsonObject("initialLoad");
            requireCompleted("snap maker", load);
            lastExecution.put("Mimeo snap maker (POST /replications)", load.getJsonNumber("executionId").longValue());
            requireRows("bench.t_snap");
            return a.elapsed().toNanos() / 1e9;
        });

        measure("Mimeo snap refresh (checkStats false)", repeat, this::checkpoint, () -> {
            MimeoApi.Answer a = api.post("/replications/bench.t_snap/refresh", Json.object("checkStats", false)).expect(200);
            requireCompleted("snap refresh", a.json());
            lastExecution.put("Mimeo snap refresh (checkStats false)", a.json().getJsonNumber("executionId").longValue());
            requireRows("bench.t_snap");
            return a.elapsed().toNanos() / 1e9;
        });

        String tableMake = Json.object("type", "table", "sourceId", sourceId, "sourceTable", "bench.t", "destTable", "bench.t_table");
        measure("Mimeo table maker (once, no warm-up)", 1, null, this::checkpoint, () -> {
            MimeoApi.Answer a = api.post("/replications", tableMake).expect(201);
            JsonObject load = a.json().getJsonObject("initialLoad");
            requireCompleted("table maker", load);
            lastExecution.put("Mimeo table maker (once, no warm-up)", load.getJsonNumber("executionId").longValue());
            requireRows("bench.t_table");
            return a.elapsed().toNanos() / 1e9;
        });

        measure("Mimeo table refresh", repeat, this::checkpoint, () -> {
            MimeoApi.Answer a = api.post("/replications/bench.t_table/refresh", "{}").expect(200);
            requireCompleted("table refresh", a.json());
            lastExecution.put("Mimeo table refresh", a.json().getJsonNumber("executionId").longValue());
            requireRows("bench.t_table");
            return a.elapsed().toNanos() / 1e9;
        });

        report(header);
    }

    /** Source table, destination schema and baseline target; returns the header of the report. */
    private String prepareData() throws SQLException {
        long t0 = System.nanoTime();
        stack.source().execute(
                "CREATE SCHEMA bench",
                "CREATE TABLE bench.t (id bigint PRIMARY KEY, txt text, num int, amount numeric(12,2), ts timestamptz)",
                "INSERT INTO bench.t SELECT g, md5(g::text) || left(md5((g * 7)::text), 28), (g * 31) % 100000,"
                        + " ((g::bigint * 7919) % 100000000) / 100.0, timestamptz '2024-01-01 00:00:00+00' + g * interval '1 second'"
                        + " FROM generate_series(1, " + rows + ") g",
                "VACUUM ANALYZE bench.t");
        stack.dest().execute(
                "CREATE SCHEMA bench",
                "CREATE TABLE bench.copy_target (id bigint PRIMARY KEY, txt text, num int, amount numeric(12,2), ts timestamptz)");
        String size;
        String version;
        try (Connection c = stack.source().connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT pg_size_pretty(pg_table_size('bench.t')), pg_table_size('bench.t') / " + rows
                     + ", pg_size_pretty(pg_indexes_size('bench.t')), current_setting('server_version')")) {
            rs.next();
            size = rs.getString(1) + " heap (" + rs.getLong(2) + " bytes a row), " + rs.getString(3) + " primary key";
            version = rs.getString(4);
        }
        String durability;
        try (Connection c = stack.dest().connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT string_agg(name || '=' || setting, ', ' ORDER BY name) FROM pg_settings"
                     + " WHERE name IN ('fsync', 'synchronous_commit', 'full_page_writes', 'wal_level', 'shared_buffers')")) {
            rs.next();
            durability = "in effect: " + rs.getString(1);
        }
        Console.info(String.format("source table bench.t: %,d rows, %s, loaded in %.1f s", rows, size, seconds(t0)));
        return String.format("Mimeo benchmark: bench.t, %,d rows, %s%n"
                        + "PostgreSQL %s (zonky embedded), source and destination alike: %s (%s);%n"
                        + "CHECKPOINT on both servers before each run; 1 warm-up run, then %d measured runs (table maker: 1 run).%n"
                        + "WildFly %s with its default JVM options; Mimeo and the baseline copy between the same two servers on localhost.%n",
                rows, size, version, SERVER_CONFIG, durability, repeat, stack.settings().serverHome());
    }

    interface Step {
        void run() throws Exception;
    }

    interface Timed {
        double run() throws Exception;
    }

    private void measure(String name, int runs, Step before, Timed timed) throws Exception {
        measure(name, runs, before, before, timed);
    }

    /** One warm-up run ({@code warmUpBefore} null: none), then {@code runs} measured ones. */
    private void measure(String name, int runs, Step warmUpBefore, Step before, Timed timed) throws Exception {
        if (warmUpBefore != null) {
            warmUpBefore.run();
            double w = timed.run();
            Console.info(String.format("%-42s warm-up %7.2f s", name, w));
        }
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            before.run();
            double s = timed.run();
            times.add(s);
            Console.info(String.format("%-42s run %d   %7.2f s", name, i + 1, s));
        }
        results.put(name, times);
    }

    private void checkpoint() throws SQLException {
        stack.source().execute("CHECKPOINT");
        stack.dest().execute("CHECKPOINT");
    }

    private void requireRows(String table) throws SQLException {
        try (Connection c = stack.dest().connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            if (rs.getLong(1) != rows) {
                throw new IllegalStateException(table + " has " + rs.getLong(1) + " rows, expected " + rows);
            }
        }
    }

    private static void requireCompleted(String what, JsonObject execution) {
        if (execution == null || !"COMPLETED".equals(execution.getString("status", null))) {
            throw new IllegalStateException(what + " did not complete: " + execution);
        }
    }

    private void bash(String script) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.INHERIT).start();
        int code = p.waitFor();
        if (code != 0) {
            throw new IllegalStateException("baseline pipeline failed with exit code " + code + ": " + script);
        }
    }

    private void report(String header) throws IOException, InterruptedException {
        double baseline = median(results.values().iterator().next());
        StringBuilder out = new StringBuilder(header).append('\n');
        out.append(String.format("%-42s %10s %8s   %s%n", "operation", "median s", "ratio", "runs (s)"));
        out.append("-".repeat(90)).append('\n');
        results.forEach((name, times) -> out.append(String.format("%-42s %10.2f %7.2fx   %s%n", name, median(times), median(times) / baseline,
                times.stream().map(t -> String.format("%.2f", t)).toList())));
        out.append('\n').append("Mimeo executions (last measured run of each operation): steps and log, from GET /executions/{id}\n");
        for (Map.Entry<String, Long> e : lastExecution.entrySet()) {
            JsonObject ex = stack.api().get("/executions/" + e.getValue()).expect(200).json();
            out.append(String.format("%n%s: execution %d, %s .. %s%n", e.getKey(), e.getValue(), text(ex, "startTime"), text(ex, "endTime")));
            for (JsonValue step : ex.getJsonArray("steps")) {
                out.append("  step ").append(step).append('\n');
            }
            for (JsonValue line : ex.getJsonArray("log")) {
                JsonObject l = line.asJsonObject();
                out.append("  ").append(text(l, "time")).append(' ').append(text(l, "level")).append(' ')
                        .append(text(l, "message")).append('\n');
            }
        }
        Path file = stack.settings().basedir().resolve("target/bench-results.txt");
        Files.writeString(file, out.toString());
        Console.raw("");
        Console.raw(out.substring(0, out.indexOf("Mimeo executions")));
        Console.info("written to " + file + " (with each Mimeo execution's steps and log)");
    }

    private static String text(JsonObject o, String key) {
        JsonValue v = o.get(key);
        if (v == null || v == JsonValue.NULL) {
            return "";
        }
        return v instanceof jakarta.json.JsonString js ? js.getString() : v.toString();
    }

    static double median(List<Double> values) {
        List<Double> v = new ArrayList<>(values);
        v.sort(null);
        int n = v.size();
        return n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2;
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    static String findOnPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            File f = new File(dir, command);
            if (f.isFile() && f.canExecute()) {
                return f.getAbsolutePath();
            }
        }
        return null;
    }
}
