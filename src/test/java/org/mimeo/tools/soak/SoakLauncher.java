package org.mimeo.tools.soak;

import org.mimeo.tools.Console;
import org.mimeo.tools.MimeoStack;
import org.mimeo.tools.Resources;
import org.mimeo.tools.Settings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code mvn -B package -Psoak}: Mimeo under continuous load with restarts. A source and a destination embedded
 * PostgreSQL (Mimeo on the destination as the non-superuser role {@code mimeo}) and WildFly from {@code target/server}
 * with the scheduler ticking every second; 20 tables of the six modes ({@link SoakTable}), made through the API with
 * period 3 seconds; writer threads ({@link SoakWriters}) change the sources for {@code mimeo.soak.minutes} (10) while
 * WildFly is restarted at 1/3 of the run and the source PostgreSQL at 2/3. Then the writers stop, each table gets a
 * refresh that started after that ({@link SoakRefresher}) and is compared with its source ({@link SoakVerifier}).
 * Report ({@link SoakReport}): stdout and {@code target/soak-results.txt}; the build fails unless all tables are equal.
 * Properties {@code mimeo.soak.}: {@code minutes}, {@code rows} (20000 a table), {@code writers} (4 threads),
 * {@code writePauseMillis} (20), {@code sourceDowntimeSeconds} (5), {@code portOffset}, {@code destPort} (15454),
 * {@code sourcePort} (15455). Ctrl-C stops everything.
 */
public final class SoakLauncher {

    static final String DB_ROLE = "mimeo";
    static final String PERIOD = "3 seconds";

    private final MimeoStack stack;
    private final List<SoakTable> tables = SoakTable.all();
    private final double minutes = Double.parseDouble(System.getProperty("mimeo.soak.minutes", "10"));
    private final int rows = Integer.getInteger("mimeo.soak.rows", 20_000);
    private final int writerThreads = Integer.getInteger("mimeo.soak.writers", 4);
    private final long writePause = Long.getLong("mimeo.soak.writePauseMillis", 20);
    private final int sourceDowntime = Integer.getInteger("mimeo.soak.sourceDowntimeSeconds", 5);
    private final List<String> events = new ArrayList<>();

    private SoakLauncher(MimeoStack stack) {
        this.stack = stack;
    }

    public static void main(String[] args) throws Exception {
        Console.prefix("soak");
        Settings settings = Settings.read("mimeo.soak", 15454, 15455);
        String verdict;
        try (MimeoStack stack = new MimeoStack(settings, "soak")) {
            try {
                stack.startDatabases("soak", Map.of("max_connections", "100"));
                verdict = new SoakLauncher(stack).run();
            } catch (Exception | Error e) {
                Resources.blockIfShuttingDown();
                throw e;
            }
        }
        Console.info("everything stopped");
        if (!verdict.startsWith("SOAK OK")) {
            throw new IllegalStateException(verdict);
        }
    }

    private String run() throws Exception {
        Instant begin = Instant.now();
        stack.source().execute("CREATE SCHEMA soak");
        for (SoakTable t : tables) {
            stack.source().execute(t.createOnSource(rows));
        }
        stack.source().execute("ANALYZE");
        stack.dest().execute("CREATE ROLE " + DB_ROLE + " LOGIN", "ALTER DATABASE mimeo OWNER TO " + DB_ROLE,
                "CREATE SCHEMA soak AUTHORIZATION " + DB_ROLE);
        Console.info(tables.size() + " source tables of " + rows + " rows each");
        stack.startWildFly(DB_ROLE);
        long sourceId = stack.registerSource();
        for (SoakTable t : tables) {
            stack.api().post("/replications", t.makerBody(sourceId, PERIOD)).expect(201);
        }
        Console.info("made " + tables.size() + " replications (period " + PERIOD + ")");

        SoakWriters writers = new SoakWriters(stack.source().jdbcUrl(), tables, writerThreads, writePause, rows);
        long runNanos = (long) (minutes * 60e9);
        long t0 = System.nanoTime();
        writers.start();
        event("writers started: " + writerThreads + " threads, " + writePause + " ms pause after each statement");
        waitUntil(t0 + runNanos / 3, writers);
        event("restarting WildFly");
        stack.wildfly().close();
        stack.startWildFly(DB_ROLE);
        event("WildFly answers again");
        waitUntil(t0 + 2 * runNanos / 3, writers);
        event("restarting the source PostgreSQL (down for " + sourceDowntime + " s)");
        stack.source().restart(Duration.ofSeconds(sourceDowntime));
        event("source PostgreSQL up again");
        waitUntil(t0 + runNanos, writers);
        writers.stop(Duration.ofMinutes(2));
        Instant stopped = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        event("writers stopped: " + writers.rowsChanged() + " rows changed, " + writers.failures() + " failed statements");

        SoakRefresher refresher = new SoakRefresher(stack.api(), Duration.ofMinutes(10));
        refresher.stopSchedules(tables);
        List<String> running = refresher.awaitIdle(Duration.ofMinutes(10));
        event("schedules stopped (period 1 day), " + (running.isEmpty() ? "no refresh running"
                : "STILL RUNNING after 10 minutes: " + running));
        Map<SoakTable, SoakRefresher.Outcome> finals = new LinkedHashMap<>();
        for (SoakTable t : tables) {
            finals.put(t, refresher.refresh(t, stopped));
        }
        event("final refreshes done");
        return report(begin, writers, finals);
    }

    private String report(Instant begin, SoakWriters writers, Map<SoakTable, SoakRefresher.Outcome> finals) throws Exception {
        SoakVerifier verifier = new SoakVerifier(stack.source(), stack.dest(), rows);
        SoakReport report = new SoakReport(stack.api());
        report.line("Mimeo soak, started " + begin + ": " + minutes + " minutes of writes, " + tables.size() + " tables of "
                + rows + " rows, period " + PERIOD + ", scheduler tick 1 s (default), Mimeo as role " + DB_ROLE);
        events.forEach(e -> report.line("  " + e));
        report.line("");
        List<String> different = new ArrayList<>();
        for (SoakTable t : tables) {
            SoakVerifier.Result r = verifier.verify(t, writers.counts(t).movedKeys);
            SoakRefresher.Outcome o = finals.get(t);
            if (!r.equal() || !o.completed()) {
                different.add(t.name() + (o.completed() ? "" : " (no final refresh)"));
            }
            report.table(t, writers.counts(t), o, r);
        }
        report.line("");
        report.line("Executions that did not complete (" + report.notCompleted().size() + "; expected a few around the restarts):");
        report.notCompleted().forEach(report::line);
        report.monitor();
        report.line("Writers: " + writers.rowsChanged() + " rows changed, " + writers.failures() + " failed statements");
        String verdict = different.isEmpty()
                ? "SOAK OK: " + tables.size() + "/" + tables.size() + " tables equal"
                : "SOAK FAILED: " + (tables.size() - different.size()) + "/" + tables.size() + " tables equal; different: " + different;
        report.line(verdict);
        Path file = stack.settings().basedir().resolve("target/soak-results.txt");
        Files.writeString(file, report.text());
        Console.raw(report.text());
        Console.info("report written to " + file);
        return verdict;
    }

    private void event(String what) {
        String line = Instant.now().truncatedTo(ChronoUnit.SECONDS) + " " + what;
        events.add(line);
        Console.info(what);
    }

    /** Sleeps until {@code deadline} (System.nanoTime), printing the writers' progress every minute. */
    private static void waitUntil(long deadline, SoakWriters writers) throws InterruptedException {
        long nextPrint = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            Thread.sleep(Math.max(1, Math.min(1000, (deadline - System.nanoTime()) / 1_000_000)));
            if (System.nanoTime() > nextPrint) {
                Console.info("writers: " + writers.rowsChanged() + " rows changed, " + writers.failures() + " failed statements");
                nextPrint += 60_000_000_000L;
            }
        }
    }
}
