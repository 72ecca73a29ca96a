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
 * and incrementally, with 100k changed rows (1/10 of {@code mimeo.bench.rows}) in a 1M-row destination:
 * <ol>
 * <li>inserter: {@code bench.ins_src} (serial control {@code id}, the primary key) gets 100k new rows before each run;
 * baseline {@code psql COPY (SELECT * FROM bench.ins_src WHERE id > <previous max>) TO STDOUT (FORMAT binary) | psql COPY
 * bench.ins_base FROM STDIN (FORMAT binary)} into a keyed copy that grows like Mimeo's destination, then Mimeo's inserter refresh;</li>
 * <li>updater: {@code bench.upd_src} (primary key id, control {@code ts timestamptz}, indexed) gets 100k rows updated
 * ({@code id % 10 = run}) before each run; baseline {@code psql COPY (SELECT ... WHERE id % 10 = run) TO STDOUT | psql -1 -f
 * apply.sql} (stage in a temporary table by {@code \copy ... FROM pstdin}, delete by key, insert) into the keyed
 * copy {@code bench.upd_base}, then Mimeo's updater refresh;</li>
 * <li>dml and logdel: {@code bench.dml_src} / {@code bench.logdel_src} get 80k updated, 10k deleted and 10k new rows
 * (one statement each, queued by the replication's triggers) before each run; baseline {@code psql COPY (SELECT keys
 * LEFT JOIN current rows [logdel: UNION ALL the deleted rows' stamped images]) TO STDOUT | psql -1 -f apply.sql} (stage,
 * delete the keys, insert the rows) into keyed copies {@code bench.dml_base} / {@code bench.logdel_base}, then Mimeo's
 * refresh replaying the queue;</li>
 * <li>20 inserter refreshes with nothing new (median and max milliseconds);</li>
 * <li>the triggers' cost to the source's writers: INSERT 100k, UPDATE 100k, DELETE 10k (one statement each) and 20k
 * single-row UPDATEs on a table without trigger and on the sources of a dml and a logdel replication.</li>
 * </ol>
 * Each after one warm-up run, {@code mimeo.bench.repeat} (3) times, reporting the median and its ratio to its
 * baseline's. After each incremental run the destination is compared with the source (count and sum of
 * {@code hashtext(row::text)}; logdel: the live rows, and the deleted rows against their images). Results: stdout and
 * {@code target/bench-results.txt}. Properties: {@code mimeo.bench.rows}, {@code mimeo.bench.repeat}, {@code mimeo.bench.portOffset}, {@code mimeo.bench.destPort}, {@code mimeo.bench.sourcePort}.
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
    /** Operation name -> the name of the baseline its ratio is computed against. */
    private final Map<String, String> baselineOf = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
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

        String copyBaseline = "baseline: psql COPY binary | psql COPY";
        measure(copyBaseline, repeat, () -> {
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

        // -Dmimeo.bench.only=table: only the copy baseline and the table maker and refresh
        boolean tableOnly = "table".equals(System.getProperty("mimeo.bench.only", ""));
        String snapMake = Json.object("type", "snap", "sourceId", sourceId, "sourceTable", "bench.t", "destTable", "bench.t_snap");
        if (!tableOnly) {
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
        }

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

        for (String name : results.keySet()) {
            baselineOf.put(name, copyBaseline);
        }

        if (!tableOnly) {
            inserter(api);
            updater(api);
            queueRefresh(api, false);
            queueRefresh(api, true);
            idleRefresh(api);
            triggerWrites(api);
        }

        report(header);
    }

    private int changedRows() {
        return Math.max(1, rows / 10);
    }

    /** 100000 -> "100k", 1000000 -> "1M". */
    static String count(long n) {
        return n >= 1_000_000 && n % 1_000_000 == 0 ? n / 1_000_000 + "M" : n >= 1000 && n % 1000 == 0 ? n / 1000 + "k" : Long.toString(n);
    }

    private String psqlSource() {
        return psql + " -X -q -v ON_ERROR_STOP=1 -h localhost -p " + stack.source().port() + " -U postgres -d " + stack.source().database();
    }

    private String psqlDest() {
        return psql + " -X -q -v ON_ERROR_STOP=1 -h localhost -p " + stack.dest().port() + " -U postgres -d " + stack.dest().database();
    }

    /**
     * Inserter, 100k new rows into a 1M-row destination. Before each run (untimed) 100k rows with new ids go into
     * bench.ins_src; the baseline pipes exactly those rows ({@code id > previous max}) into bench.ins_base (1M
     * rows, keyed, growing by the same rows as Mimeo's destination), then Mimeo's inserter refresh copies them.
     */
    private void inserter(MimeoApi api) throws Exception {
        String make = Json.object("type", "inserter", "sourceId", sourceId, "sourceTable", "bench.ins_src", "destTable", "bench.ins",
                "controlField", "id", "boundary", 0);
        checkpoint();
        MimeoApi.Answer made = api.post("/replications", make).expect(201);
        requireCompleted("inserter maker", made.json().getJsonObject("initialLoad"));
        requireSame("bench.ins_src", "bench.ins");
        Console.info(String.format("inserter replication bench.ins made, initial load of %,d rows in %.2f s (not part of the results)",
                rows, made.elapsed().toNanos() / 1e9));
        String baseline = "baseline: inserter " + count(changedRows()) + ", psql COPY pipe";
        String mimeo = "Mimeo inserter refresh, " + count(changedRows()) + " new rows";
        long[] max = {rows};
        pairs(baseline, mimeo, run -> {
            long from = max[0];
            stack.source().execute("INSERT INTO bench.ins_src " + generatedRows(from + 1, from + changedRows()));
            max[0] = from + changedRows();
            return from;
        }, from -> {
            long t0 = System.nanoTime();
            bash("set -o pipefail; " + psqlSource() + " -c 'COPY (SELECT * FROM bench.ins_src WHERE id > " + from + ") TO STDOUT (FORMAT binary)' | "
                    + psqlDest() + " -c 'COPY bench.ins_base FROM STDIN (FORMAT binary)'");
            double s = seconds(t0);
            requireSame("bench.ins_src", "bench.ins_base");
            return s;
        }, from -> {
            MimeoApi.Answer a = api.post("/replications/bench.ins/refresh", "{}").expect(200);
            requireCompleted("inserter refresh", a.json());
            requireCopied("inserter refresh", a.json(), changedRows());
            lastExecution.put(mimeo, a.json().getJsonNumber("executionId").longValue());
            double s = a.elapsed().toNanos() / 1e9;
            requireSame("bench.ins_src", "bench.ins");
            return s;
        });
    }

    /**
     * Updater, 100k updated rows in a 1M-row destination. Before each run (untimed) the rows with
     * {@code id % 10 = run} get a new txt and distinct new ts values; the baseline pipes them into a staging
     * table of one psql transaction that replaces bench.upd_base's rows by key, then Mimeo's updater refresh.
     */
    private void updater(MimeoApi api) throws Exception {
        String make = Json.object("type", "updater", "sourceId", sourceId, "sourceTable", "bench.upd_src", "destTable", "bench.upd",
                "controlField", "ts", "boundary", "0 seconds");
        checkpoint();
        MimeoApi.Answer made = api.post("/replications", make).expect(201);
        requireCompleted("updater maker", made.json().getJsonObject("initialLoad"));
        requireSame("bench.upd_src", "bench.upd");
        Console.info(String.format("updater replication bench.upd made, initial load of %,d rows in %.2f s (not part of the results)",
                rows, made.elapsed().toNanos() / 1e9));
        // one transaction (-1): the piped rows stream into the staging table through \copy ... FROM pstdin
        Path script = stack.dataDir().resolve("updater-baseline.sql");
        Files.writeString(script, String.join("\n",
                "CREATE TEMP TABLE stage (LIKE bench.upd_base) ON COMMIT DROP;",
                "\\copy stage FROM pstdin (FORMAT binary)",
                "DELETE FROM bench.upd_base AS t USING stage AS s WHERE t.id = s.id;",
                "INSERT INTO bench.upd_base SELECT * FROM stage;",
                ""));
        String baseline = "baseline: updater " + count(changedRows()) + ", psql COPY | stage+apply";
        String mimeo = "Mimeo updater refresh, " + count(changedRows()) + " updated rows";
        int modulus = 10;
        pairs(baseline, mimeo, run -> {
            long remainder = run % modulus;
            stack.source().execute("UPDATE bench.upd_src SET txt = md5(random()::text),"
                    + " ts = now() - interval '1 minute' + id * interval '1 microsecond' WHERE id % " + modulus + " = " + remainder);
            return remainder;
        }, remainder -> {
            long t0 = System.nanoTime();
            bash("set -o pipefail; " + psqlSource() + " -c 'COPY (SELECT * FROM bench.upd_src WHERE id % " + modulus + " = " + remainder
                    + ") TO STDOUT (FORMAT binary)' | " + psqlDest() + " -1 -f " + script);
            double s = seconds(t0);
            requireSame("bench.upd_src", "bench.upd_base");
            return s;
        }, remainder -> {
            MimeoApi.Answer a = api.post("/replications/bench.upd/refresh", "{}").expect(200);
            requireCompleted("updater refresh", a.json());
            requireCopied("updater refresh", a.json(), (rows - remainder) / modulus + (remainder > 0 ? 1 : 0));
            lastExecution.put(mimeo, a.json().getJsonNumber("executionId").longValue());
            double s = a.elapsed().toNanos() / 1e9;
            requireSame("bench.upd_src", "bench.upd");
            return s;
        });
    }

    /** Mixed changes of one dml/logdel run: 80% updates, 10% deletes, 10% inserts of {@link #changedRows()}. */
    private long mixedUpdates() {
        return changedRows() * 8 / 10;
    }

    private long mixedDeletes() {
        return changedRows() / 10;
    }

    private long mixedInserts() {
        return changedRows() - mixedUpdates() - mixedDeletes();
    }

    /**
     * dml (or logdel), ~100k mixed changes into a 1M-row destination. Before each run (untimed) the source table gets,
     * in the rows with {@code id % 10 = run}: an UPDATE of those up to 8/10 of the ids (80k), a DELETE of those between
     * 8/10 and 9/10 (10k), and an INSERT of 10k new ids, each one statement; the changed keys (deleted ones too) go to
     * a key table {@code bench.<mode>_keys} on the source, and for logdel the deleted rows' images, stamped, to
     * {@code bench.logdel_gone}. The baseline streams keys and current rows (a LEFT JOIN: deleted keys come with NULL
     * rows; logdel: plus the stamped images) by {@code psql COPY ... TO STDOUT (FORMAT binary) | psql -1 -f apply.sql},
     * which stages them, deletes the keys from a keyed 1M-row copy {@code bench.<mode>_base} and inserts the rows;
     * then Mimeo's refresh replays the queue the triggers filled.
     */
    private void queueRefresh(MimeoApi api, boolean logdel) throws Exception {
        String mode = logdel ? "logdel" : "dml";
        String src = "bench." + mode + "_src";
        String dst = "bench." + mode + "_dst";
        String base = "bench." + mode + "_base";
        String keys = "bench." + mode + "_keys";
        String make = Json.object("type", mode, "sourceId", sourceId, "sourceTable", src, "destTable", dst);
        checkpoint();
        MimeoApi.Answer made = api.post("/replications", make).expect(201);
        requireCompleted(mode + " maker", made.json().getJsonObject("initialLoad"));
        String queue = made.json().getString("queueTable");
        String live = logdel ? "(SELECT id, txt, num, amount, ts FROM %s WHERE mimeo_source_deleted IS NULL)" : "%s";
        String gone = "(SELECT id, txt, num, amount, ts FROM %s WHERE mimeo_source_deleted IS NOT NULL)";
        requireSame(src, String.format(live, dst));
        Console.info(String.format("%s replication %s made (queue %s on the source), initial load of %,d rows in %.2f s (not part of the results)",
                mode, dst, queue, rows, made.elapsed().toNanos() / 1e9));
        // one transaction (-1): keys and rows stream into the staging table through \\copy ... FROM pstdin
        Path script = stack.dataDir().resolve(mode + "-baseline.sql");
        Files.writeString(script, String.join("\n",
                "CREATE TEMP TABLE stage ON COMMIT DROP AS SELECT NULL::bigint AS key_id, * FROM " + base + " WITH NO DATA;",
                "\\copy stage FROM pstdin (FORMAT binary)",
                "DELETE FROM " + base + " AS t USING stage AS s WHERE t.id = s.key_id;",
                "INSERT INTO " + base + " SELECT id, txt, num, amount, ts" + (logdel ? ", mimeo_source_deleted" : "") + " FROM stage WHERE id IS NOT NULL;",
                ""));
        String changes = count(changedRows()) + " mixed";
        String baseline = "baseline: " + mode + " " + changes + ", psql COPY | stage+apply";
        String mimeo = "Mimeo " + mode + " refresh, " + changes + " changes";
        long upd = mixedUpdates();
        long del = mixedDeletes();
        long ins = mixedInserts();
        long[] deleted = {0};
        String keysAndRows = "SELECT k.id, s.id, s.txt, s.num, s.amount, s.ts" + (logdel ? ", NULL::timestamptz" : "")
                + " FROM " + keys + " k LEFT JOIN " + src + " s ON s.id = k.id";
        pairs(baseline, mimeo, run -> {
            long r = run % 10;
            String updated = "id % 10 = " + r + " AND id <= " + rows * 8L / 10;
            String removed = "id % 10 = " + r + " AND id > " + rows * 8L / 10 + " AND id <= " + rows * 9L / 10;
            long from = rows + run * ins + 1;
            stack.source().execute("TRUNCATE " + keys,
                    "INSERT INTO " + keys + " SELECT id FROM " + src + " WHERE " + updated + " OR " + removed,
                    "INSERT INTO " + keys + " SELECT g FROM generate_series(" + from + "::bigint, " + (from + ins - 1) + "::bigint) g",
                    "ANALYZE " + keys);
            if (logdel) {
                // the deleted rows' last images, as the baseline's feed of deleted rows (taken before the delete)
                stack.source().execute("INSERT INTO bench.logdel_gone SELECT " + run + ", s.*, clock_timestamp() FROM " + src + " s WHERE " + removed);
            }
            requireCount("UPDATE of " + src, update(stack.source(), "UPDATE " + src + " SET txt = md5(random()::text), amount = amount + 1,"
                    + " ts = clock_timestamp() WHERE " + updated), upd);
            requireCount("DELETE from " + src, update(stack.source(), "DELETE FROM " + src + " WHERE " + removed), del);
            requireCount("INSERT into " + src, update(stack.source(), "INSERT INTO " + src + " " + generatedRows(from, from + ins - 1)), ins);
            deleted[0] += del;
            requireCount("queue " + queue, Long.parseLong(single(stack.source(), "SELECT count(*) FROM " + queue)), upd + del + ins);
            return run;
        }, run -> {
            String feed = logdel ? keysAndRows + " UNION ALL SELECT NULL, g.id, g.txt, g.num, g.amount, g.ts, g.deleted_at FROM bench.logdel_gone g WHERE g.run = " + run
                    : keysAndRows;
            long t0 = System.nanoTime();
            bash("set -o pipefail; " + psqlSource() + " -c 'COPY (" + feed + ") TO STDOUT (FORMAT binary)' | " + psqlDest() + " -1 -f " + script);
            double s = seconds(t0);
            requireSame(src, String.format(live, base));
            if (logdel) {
                requireDeleted(String.format(gone, base), deleted[0]);
            }
            return s;
        }, run -> {
            MimeoApi.Answer a = api.post("/replications/" + dst + "/refresh", "{}").expect(200);
            requireCompleted(mode + " refresh", a.json());
            requireCopied(mode + " refresh", a.json(), upd + ins + (logdel ? del : 0));
            lastExecution.put(mimeo, a.json().getJsonNumber("executionId").longValue());
            double s = a.elapsed().toNanos() / 1e9;
            requireSame(src, String.format(live, dst));
            if (logdel) {
                requireDeleted(String.format(gone, dst), deleted[0]);
            }
            return s;
        });
        notes.add("indexes: Mimeo's " + dst + " " + indexes(dst) + "; baseline's " + base + " " + indexes(base));
    }

    /** The deleted rows kept by a logdel destination: as many as were deleted, with the images the source had. */
    private void requireDeleted(String deletedRows, long expected) throws SQLException {
        requireSame("(SELECT id, txt, num, amount, ts FROM bench.logdel_gone)", deletedRows);
        long n = Long.parseLong(single(stack.dest(), "SELECT count(*) FROM " + deletedRows + " t"));
        if (n != expected) {
            throw new IllegalStateException("MISMATCH: " + deletedRows + " has " + n + " deleted rows, expected " + expected);
        }
    }

    private static void requireCount(String what, long actual, long expected) {
        if (actual != expected) {
            throw new IllegalStateException(what + ": " + actual + " rows, expected " + expected);
        }
    }

    private static long update(EmbeddedPg pg, String sql) throws SQLException {
        try (Connection c = pg.connect(); Statement st = c.createStatement()) {
            return st.executeLargeUpdate(sql);
        }
    }

    /**
     * What the triggers cost the source's writers: the same writes on three identical 1M-row tables, bench.w_plain
     * (no trigger), bench.w_dml and bench.w_logdel (each the source of a dml / logdel replication, made without the
     * initial load and never refreshed, so their queues only grow). Per run, on each table in turn (the order rotates):
     * an INSERT of 100k new rows, an UPDATE of 100k rows (an id range), a DELETE of 10k rows (an id range), each one
     * statement, and 20k single-row UPDATEs in autocommit from one psql script (with {@code synchronous_commit = off} in
     * that session, so that the WAL flush of each commit does not hide the trigger's per-statement cost); a CHECKPOINT
     * before each. At the end the three tables must be equal (the same work was done).
     */
    private void triggerWrites(MimeoApi api) throws Exception {
        String[] tables = {"bench.w_plain", "bench.w_dml", "bench.w_logdel"};
        String[] labels = {"no trigger", "dml trigger", "logdel trigger"};
        List<String> queues = new ArrayList<>();
        for (String mode : List.of("dml", "logdel")) {
            queues.add(api.post("/replications", Json.object("type", mode, "sourceId", sourceId, "sourceTable", "bench.w_" + mode,
                    "destTable", "bench.w_" + mode + "_dst", "pullData", false)).expect(201).json().getString("queueTable"));
        }
        long n = changedRows();
        long d = Math.max(1, n / 10);
        long singles = Math.max(1, n / 5);
        String[] ops = {"INSERT " + count(n), "UPDATE " + count(n), "DELETE " + count(d), count(singles) + " 1-row UPDATEs", "all four"};
        // times[op][table] -> measured runs
        List<List<List<Double>>> times = new ArrayList<>();
        for (int op = 0; op < ops.length; op++) {
            List<List<Double>> perTable = new ArrayList<>();
            for (int t = 0; t < tables.length; t++) {
                perTable.add(new ArrayList<>());
            }
            times.add(perTable);
        }
        for (int run = 0; run <= repeat; run++) {
            long r = run % 10;
            long from = rows + r * n + 1;
            String[] sql = {
                    "INSERT INTO {t} " + generatedRows(from, from + n - 1),
                    "UPDATE {t} SET txt = md5(txt), amount = amount + 1, ts = ts + interval '1 second' WHERE id > " + r * n + " AND id <= " + (r + 1) * n,
                    "DELETE FROM {t} WHERE id > " + (rows / 2 + r * d) + " AND id <= " + (rows / 2 + (r + 1) * d)};
            long[] expected = {n, n, d};
            double[][] run_s = new double[ops.length][tables.length];
            for (int op = 0; op < ops.length - 1; op++) {
                for (int i = 0; i < tables.length; i++) {
                    int t = (int) ((i + run) % tables.length);
                    checkpoint();
                    double s;
                    if (op < 3) {
                        long t0 = System.nanoTime();
                        long changed = update(stack.source(), sql[op].replace("{t}", tables[t]));
                        s = seconds(t0);
                        requireCount(ops[op] + " on " + tables[t], changed, expected[op]);
                    } else {
                        Path script = stack.dataDir().resolve("singles-" + tables[t] + "-" + run + ".sql");
                        // commits not waiting for the WAL flush: ~1-2 ms a flush here would bury the triggers' cost
                        StringBuilder b = new StringBuilder("SET synchronous_commit = off;\n");
                        long first = rows * 3L / 4 + r * singles + 1;
                        for (long id = first; id < first + singles; id++) {
                            b.append("UPDATE ").append(tables[t]).append(" SET num = num + 1 WHERE id = ").append(id).append(";\n");
                        }
                        Files.writeString(script, b);
                        long t0 = System.nanoTime();
                        bash(psqlSource() + " -o /dev/null -f " + script);
                        s = seconds(t0);
                        Files.delete(script);
                    }
                    run_s[op][t] = s;
                    run_s[ops.length - 1][t] += s;
                }
            }
            for (int op = 0; op < ops.length; op++) {
                StringBuilder line = new StringBuilder();
                for (int t = 0; t < tables.length; t++) {
                    line.append(String.format("  %s %.2f s", labels[t], run_s[op][t]));
                    if (run > 0) {
                        times.get(op).get(t).add(run_s[op][t]);
                    }
                }
                Console.info(String.format("writes %-20s %s%s", ops[op], run == 0 ? "warm-up" : "run " + run + "  ", line));
            }
        }
        for (int t = 1; t < tables.length; t++) {
            String a = single(stack.source(), String.format(SAME, tables[0]));
            String b = single(stack.source(), String.format(SAME, tables[t]));
            if (!a.equals(b)) {
                throw new IllegalStateException("MISMATCH: " + tables[t] + " (" + b + ") differs from " + tables[0] + " (" + a + ") after the same writes");
            }
        }
        for (int op = 0; op < ops.length; op++) {
            String baselineName = "baseline: writes " + ops[op] + ", " + labels[0];
            for (int t = 0; t < tables.length; t++) {
                String name = t == 0 ? baselineName : "writes " + ops[op] + ", " + labels[t];
                results.put(name, times.get(op).get(t));
                baselineOf.put(name, baselineName);
            }
        }
        for (int t = 1; t < tables.length; t++) {
            String queue = queues.get(t - 1);
            notes.add("queue " + queue + " of " + tables[t] + " after the write runs: " + single(stack.source(), "SELECT count(*) || ' entries, '"
                    + " || pg_size_pretty(pg_total_relation_size('" + queue + "')) FROM " + queue));
        }
    }

    /** 20 refreshes of the inserter replication with nothing new on the source. */
    private void idleRefresh(MimeoApi api) throws Exception {
        int calls = 20;
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i <= calls; i++) {
            checkpoint();
            MimeoApi.Answer a = api.post("/replications/bench.ins/refresh", "{}").expect(200);
            requireCompleted("idle inserter refresh", a.json());
            requireCopied("idle inserter refresh", a.json(), 0);
            if (i == 0) {
                continue; // warm-up
            }
            ms.add(a.elapsed().toNanos() / 1e6);
            lastExecution.put("Mimeo inserter refresh, nothing new", a.json().getJsonNumber("executionId").longValue());
        }
        requireSame("bench.ins_src", "bench.ins");
        String line = String.format("Mimeo inserter refresh with nothing new (%d calls after 1 warm-up): median %.0f ms, max %.0f ms",
                calls, median(ms), ms.stream().mapToDouble(Double::doubleValue).max().orElse(0));
        Console.info(line);
        notes.add(line);
        notes.add("indexes: Mimeo's bench.ins " + indexes("bench.ins") + ", bench.upd " + indexes("bench.upd")
                + "; baseline's bench.ins_base " + indexes("bench.ins_base") + ", bench.upd_base " + indexes("bench.upd_base"));
    }

    private String indexes(String table) throws SQLException {
        return single(stack.dest(), "SELECT '(' || string_agg(pg_get_indexdef(indexrelid) , '; ' ORDER BY indexrelid) || ')'"
                + " FROM pg_index WHERE indrelid = '" + table + "'::regclass").replaceAll(" USING btree", "").replaceAll("CREATE (UNIQUE )?INDEX \\S+ ON \\S+ ", "$1");
    }

    interface Prepare {
        long run(int run) throws Exception;
    }

    interface TimedWith {
        double run(long prepared) throws Exception;
    }

    /**
     * One warm-up, then {@code repeat} runs of: {@code prepare} (untimed), CHECKPOINT, the timed baseline, CHECKPOINT,
     * the timed Mimeo operation; baseline and Mimeo take turns so that both see the same conditions.
     */
    private void pairs(String baselineName, String mimeoName, Prepare prepare, TimedWith baseline, TimedWith mimeo) throws Exception {
        List<Double> b = new ArrayList<>();
        List<Double> m = new ArrayList<>();
        for (int run = 0; run <= repeat; run++) {
            long prepared = prepare.run(run);
            checkpoint();
            double bs = baseline.run(prepared);
            checkpoint();
            double ms = mimeo.run(prepared);
            String label = run == 0 ? "warm-up" : "run " + run + "  ";
            Console.info(String.format("%-54s %s %7.2f s", baselineName, label, bs));
            Console.info(String.format("%-54s %s %7.2f s", mimeoName, label, ms));
            if (run > 0) {
                b.add(bs);
                m.add(ms);
            }
        }
        results.put(baselineName, b);
        baselineOf.put(baselineName, baselineName);
        results.put(mimeoName, m);
        baselineOf.put(mimeoName, baselineName);
    }

    /** Count and hash of the rows of a table or {@code (SELECT ...)}. */
    private static final String SAME = "SELECT count(*) || ' rows, hash ' || coalesce(sum(hashtext(t::text)), 0) FROM %s t";

    /** Destination table {@code dest} has the same rows as source table {@code source}: count and sum(hashtext(row::text)). */
    private void requireSame(String source, String dest) throws SQLException {
        String s = single(stack.source(), String.format(SAME, source));
        String d = single(stack.dest(), String.format(SAME, dest));
        if (!s.equals(d)) {
            throw new IllegalStateException("MISMATCH: destination " + dest + " (" + d + ") differs from source " + source + " (" + s + ")");
        }
    }

    private static String single(EmbeddedPg pg, String sql) throws SQLException {
        try (Connection c = pg.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** The copy step's rowCount of an incremental refresh is {@code expected}. */
    private static void requireCopied(String what, JsonObject execution, long expected) {
        long copied = 0;
        for (JsonValue step : execution.getJsonArray("steps")) {
            JsonObject st = step.asJsonObject();
            if ("copy".equals(st.getString("name", ""))) {
                copied += st.getJsonNumber("rowCount").longValue();
            }
        }
        if (copied != expected) {
            throw new IllegalStateException(what + " copied " + copied + " rows, expected " + expected + ": " + execution);
        }
    }

    /** Source table, destination schema and baseline target; returns the header of the report. */
    private String prepareData() throws SQLException {
        long t0 = System.nanoTime();
        stack.source().execute(
                "CREATE SCHEMA bench",
                "CREATE TABLE bench.t (id bigint PRIMARY KEY, txt text, num int, amount numeric(12,2), ts timestamptz)",
                "INSERT INTO bench.t " + generatedRows(1, rows),
                "VACUUM ANALYZE bench.t",
                // the incremental sources: inserter (serial control id, the primary key), updater (control ts, indexed)
                "CREATE TABLE bench.ins_src (LIKE bench.t INCLUDING ALL)",
                "INSERT INTO bench.ins_src SELECT * FROM bench.t",
                "VACUUM ANALYZE bench.ins_src",
                "CREATE TABLE bench.upd_src (LIKE bench.t INCLUDING ALL)",
                "INSERT INTO bench.upd_src SELECT * FROM bench.t",
                "CREATE INDEX upd_src_ts ON bench.upd_src (ts)",
                "VACUUM ANALYZE bench.upd_src",
                // dml and logdel sources (their triggers come with the replications), the baselines' key lists and deleted images
                "CREATE TABLE bench.dml_src (LIKE bench.t INCLUDING ALL)",
                "INSERT INTO bench.dml_src SELECT * FROM bench.t",
                "VACUUM ANALYZE bench.dml_src",
                "CREATE TABLE bench.logdel_src (LIKE bench.t INCLUDING ALL)",
                "INSERT INTO bench.logdel_src SELECT * FROM bench.t",
                "VACUUM ANALYZE bench.logdel_src",
                "CREATE TABLE bench.dml_keys (id bigint)",
                "CREATE TABLE bench.logdel_keys (id bigint)",
                "CREATE TABLE bench.logdel_gone (run int, id bigint, txt text, num int, amount numeric(12,2), ts timestamptz, deleted_at timestamptz)",
                // the writers' tables: without trigger, with a dml and with a logdel trigger (no autovacuum in the timings)
                "CREATE TABLE bench.w_plain (LIKE bench.t INCLUDING ALL) WITH (autovacuum_enabled = off)",
                "INSERT INTO bench.w_plain SELECT * FROM bench.t",
                "VACUUM ANALYZE bench.w_plain",
                "CREATE TABLE bench.w_dml (LIKE bench.t INCLUDING ALL) WITH (autovacuum_enabled = off)",
                "INSERT INTO bench.w_dml SELECT * FROM bench.t",
                "VACUUM ANALYZE bench.w_dml",
                "CREATE TABLE bench.w_logdel (LIKE bench.t INCLUDING ALL) WITH (autovacuum_enabled = off)",
                "INSERT INTO bench.w_logdel SELECT * FROM bench.t",
                "VACUUM ANALYZE bench.w_logdel");
        stack.dest().execute(
                "CREATE SCHEMA bench",
                "CREATE TABLE bench.copy_target (id bigint PRIMARY KEY, txt text, num int, amount numeric(12,2), ts timestamptz)",
                // the incremental baselines' targets: 1M-row copies with the indexes Mimeo's destinations get
                "CREATE TABLE bench.ins_base (id bigint PRIMARY KEY, txt text, num int, amount numeric(12,2), ts timestamptz)",
                "INSERT INTO bench.ins_base " + generatedRows(1, rows),
                "VACUUM ANALYZE bench.ins_base",
                "CREATE TABLE bench.upd_base (id bigint PRIMARY KEY, txt text, num int, amount numeric(12,2), ts timestamptz)",
                "INSERT INTO bench.upd_base " + generatedRows(1, rows),
                "CREATE INDEX upd_base_ts ON bench.upd_base (ts)",
                "VACUUM ANALYZE bench.upd_base",
                "CREATE TABLE bench.dml_base (id bigint PRIMARY KEY, txt text, num int, amount numeric(12,2), ts timestamptz)",
                "INSERT INTO bench.dml_base " + generatedRows(1, rows),
                "VACUUM ANALYZE bench.dml_base",
                "CREATE TABLE bench.logdel_base (id bigint PRIMARY KEY, txt text, num int, amount numeric(12,2), ts timestamptz,"
                        + " mimeo_source_deleted timestamptz)",
                "INSERT INTO bench.logdel_base " + generatedRows(1, rows),
                "CREATE INDEX logdel_base_deleted ON bench.logdel_base (mimeo_source_deleted)",
                "VACUUM ANALYZE bench.logdel_base");
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
                        + "Incremental: %,d new rows (inserter, serial control id) or %,d updated rows (updater, control ts timestamptz)%n"
                        + "into %s-row destinations; baseline and Mimeo take turns in each run; each refresh checked against the source.%n"
                        + "dml/logdel: %,d updated + %,d deleted + %,d inserted rows a run (one statement each, queued by the triggers)%n"
                        + "into %s-row destinations; baseline: keys + rows by psql COPY | stage + delete by key + insert.%n"
                        + "Writes: the same statements on a table without trigger and on the sources of a dml and a logdel replication%n"
                        + "(the 1-row UPDATEs: one psql script, autocommit, synchronous_commit off in that session).%n"
                        + "WildFly %s with its default JVM options; Mimeo and the baseline copy between the same two servers on localhost.%n",
                rows, size, version, SERVER_CONFIG, durability, repeat, changedRows(), changedRows(), count(rows),
                mixedUpdates(), mixedDeletes(), mixedInserts(), count(rows), stack.settings().serverHome());
    }

    /** SELECT of the benchmark rows with ids {@code from..to} (~100 bytes a row, distinct ts values). */
    private static String generatedRows(long from, long to) {
        return "SELECT g, md5(g::text) || left(md5((g * 7)::text), 28), (g * 31) % 100000,"
                + " ((g * 7919) % 100000000) / 100.0, timestamptz '2024-01-01 00:00:00+00' + g * interval '1 second'"
                + " FROM generate_series(" + from + "::bigint, " + to + "::bigint) g";
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
            Console.info(String.format("%-54s warm-up %7.2f s", name, w));
        }
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            before.run();
            double s = timed.run();
            times.add(s);
            Console.info(String.format("%-54s run %d   %7.2f s", name, i + 1, s));
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
        StringBuilder out = new StringBuilder(header).append('\n');
        out.append(String.format("%-54s %10s %8s   %s%n", "operation", "median s", "ratio", "runs (s)"));
        out.append("-".repeat(102)).append('\n');
        results.forEach((name, times) -> {
            double baseline = median(results.get(baselineOf.getOrDefault(name, name)));
            if (name.startsWith("baseline") && !out.toString().endsWith("-\n")) {
                out.append('\n');
            }
            out.append(String.format("%-54s %10.2f %7.2fx   %s%n", name, median(times), median(times) / baseline,
                    times.stream().map(t -> String.format("%.2f", t)).toList()));
        });
        out.append("(ratio: to the baseline above it)\n");
        for (String note : notes) {
            out.append(note).append('\n');
        }
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
