package org.mimeo.tools.soak;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writer threads changing the source tables until {@link #stop}: inserts (1-5 rows), updates of a few rows that
 * bump {@code rev} from the table's sequence, and, where the mode replicates them, deletes, keys inserted again
 * (ON CONFLICT DO NOTHING) and key changes. Each table belongs to one thread, which writes it from one session in
 * autocommit, so a table's ids and revs commit in increasing order (what a serial boundary of 0 needs). A failed
 * statement (the source restarting) is counted, the session dropped and the thread backs off (0.1 s doubling to
 * 5 s) before it connects again.
 */
final class SoakWriters {

    /** What the writers did to one table; row counts are those of statements that reported success. */
    static final class Counts {
        final AtomicLong inserted = new AtomicLong();
        final AtomicLong updated = new AtomicLong();
        final AtomicLong deleted = new AtomicLong();
        final AtomicLong revived = new AtomicLong();
        final AtomicLong keyChanges = new AtomicLong();
        final AtomicLong statements = new AtomicLong();
        final AtomicLong failures = new AtomicLong();
        /** Keys a key change was tried on (recorded before the statement: it may have committed when it failed). */
        final Set<Long> movedKeys = ConcurrentHashMap.newKeySet();
        volatile String lastError;

        long rowsChanged() {
            return inserted.get() + updated.get() + deleted.get() + revived.get() + keyChanges.get();
        }

        @Override
        public String toString() {
            return String.format("%d statements: %d inserted, %d updated, %d deleted, %d keys re-inserted, %d keys changed; %d failed",
                    statements.get(), inserted.get(), updated.get(), deleted.get(), revived.get(), keyChanges.get(), failures.get());
        }
    }

    private static final String VALUE = "CASE WHEN random() < 0.05 THEN NULL"
            + " WHEN random() < 0.1 THEN E'tab\\there, line\\nbreak, \u00fc\u20ac ' || md5(random()::text)"
            + " ELSE md5(random()::text) END";

    private final String jdbcUrl;
    private final long pauseMillis;
    private final Map<SoakTable, Counts> counts = new LinkedHashMap<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean stopping;

    SoakWriters(String jdbcUrl, List<SoakTable> tables, int threadCount, long pauseMillis, int initialRows) {
        this.jdbcUrl = jdbcUrl + "?connectTimeout=5&socketTimeout=60&ApplicationName=soak-writer";
        this.pauseMillis = pauseMillis;
        tables.forEach(t -> counts.put(t, new Counts()));
        for (int i = 0; i < threadCount; i++) {
            List<SoakTable> mine = new ArrayList<>();
            for (int j = i; j < tables.size(); j += threadCount) {
                mine.add(tables.get(j));
            }
            long seed = 7919L * (i + 1);
            Thread t = new Thread(() -> run(mine, new Random(seed), initialRows), "soak-writer-" + (i + 1));
            t.setDaemon(true);
            threads.add(t);
        }
    }

    void start() {
        threads.forEach(Thread::start);
    }

    Counts counts(SoakTable table) {
        return counts.get(table);
    }

    long failures() {
        return counts.values().stream().mapToLong(c -> c.failures.get()).sum();
    }

    long rowsChanged() {
        return counts.values().stream().mapToLong(Counts::rowsChanged).sum();
    }

    /** Stops the writers and waits until every thread has ended (its last statement committed or failed). */
    void stop(Duration timeout) throws InterruptedException {
        stopping = true;
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Thread t : threads) {
            t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            if (t.isAlive()) {
                throw new IllegalStateException(t.getName() + " did not stop within " + timeout.toSeconds() + " s");
            }
        }
    }

    private void run(List<SoakTable> mine, Random random, int initialRows) {
        Map<SoakTable, Long> maxId = new LinkedHashMap<>();
        mine.forEach(t -> maxId.put(t, (long) initialRows));
        Connection c = null;
        int failuresInRow = 0;
        int next = 0;
        while (!stopping) {
            SoakTable table = mine.get(next++ % mine.size());
            Counts n = counts.get(table);
            try {
                if (c == null) {
                    c = DriverManager.getConnection(jdbcUrl, "postgres", "");
                }
                write(c, table, random, maxId, n);
                n.statements.incrementAndGet();
                failuresInRow = 0;
                sleep(pauseMillis);
            } catch (SQLException e) {
                n.failures.incrementAndGet();
                n.lastError = e.getMessage();
                close(c);
                c = null;
                sleep(Math.min(5000, 100L << Math.min(failuresInRow++, 6)));
            }
        }
        close(c);
    }

    private static void write(Connection c, SoakTable t, Random random, Map<SoakTable, Long> maxId, Counts n) throws SQLException {
        int p = random.nextInt(100);
        long id = 1 + (long) (random.nextDouble() * maxId.get(t));
        if (!t.updates() || p < 30) {
            long[] r = countAndMax(c, "WITH i AS (INSERT INTO " + t.name() + " (id, v) SELECT nextval('" + t.idSequence() + "'), " + VALUE
                    + " FROM generate_series(1, " + (1 + random.nextInt(5)) + ") RETURNING id) SELECT count(*), max(id) FROM i");
            n.inserted.addAndGet(r[0]);
            maxId.merge(t, r[1], Math::max);
        } else if (!t.deletes() || p < 75) {
            n.updated.addAndGet(update(c, "UPDATE " + t.name() + " SET v = " + VALUE + ", rev = nextval('" + t.revSequence()
                    + "') WHERE id BETWEEN ? AND ?", id, id + random.nextInt(4)));
        } else if (p < 90) {
            n.deleted.addAndGet(update(c, "DELETE FROM " + t.name() + " WHERE id BETWEEN ? AND ?", id, id + random.nextInt(3)));
        } else if (p < 95) {
            n.revived.addAndGet(update(c, "INSERT INTO " + t.name() + " (id, v) VALUES (?, " + VALUE + ") ON CONFLICT (id) DO NOTHING", id));
        } else {
            n.movedKeys.add(id);
            long[] r = countAndMax(c, "WITH u AS (UPDATE " + t.name() + " SET id = nextval('" + t.idSequence() + "'), rev = nextval('"
                    + t.revSequence() + "') WHERE id = " + id + " RETURNING id) SELECT count(*), max(id) FROM u");
            n.keyChanges.addAndGet(r[0]);
            maxId.merge(t, r[1], Math::max);
        }
    }

    private static long[] countAndMax(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2)};
        }
    }

    private static int update(Connection c, String sql, long... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setLong(i + 1, params[i]);
            }
            return ps.executeUpdate();
        }
    }

    private static void close(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // the session is gone anyway
            }
        }
    }

    private void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
        }
    }
}
