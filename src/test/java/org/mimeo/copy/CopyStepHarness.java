package org.mimeo.copy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.batch.api.chunk.ItemReader;
import jakarta.batch.api.chunk.ItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.PrintWriter;
import java.io.Serializable;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.mimeo.config.DblinkMapping;
import org.mimeo.job.JobLog;
import org.mimeo.job.RunningCopies;

/**
 * Runs a copy step's reader, renderer and writer outside the server, as JBeret's chunk loop does with
 * {@code item-count="1"}: per chunk read one block, render it, write it in a destination transaction,
 * take the reader's checkpoint (serialised, as JBeret stores it) and commit. The source and destination
 * are two databases of one embedded PostgreSQL started on a free port for the test JVM.
 */
public final class CopyStepHarness {

    public static final String SOURCE_DB = "source1";
    public static final String DEST_DB = "mimeo";

    private static EmbeddedPostgres pg;

    private final List<String> log = new ArrayList<>();
    private Connection chunk;
    private Object rowsCopied;
    private Serializable committed;

    /** The embedded server, started on the first call (zonky picks a free port; its shutdown hook stops it). */
    public static synchronized EmbeddedPostgres server() throws IOException, SQLException {
        if (pg == null) {
            pg = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("fsync", "off").setServerConfig("synchronous_commit", "off").start();
            try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
                st.execute("CREATE DATABASE " + SOURCE_DB);
                st.execute("CREATE DATABASE " + DEST_DB);
            }
        }
        return pg;
    }

    public static Connection connect(String database) throws IOException, SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + server().getPort() + "/" + database, "postgres", "");
    }

    /** Runs statements in auto-commit mode. */
    public static void execute(String database, String... sql) throws IOException, SQLException {
        try (Connection c = connect(database); Statement st = c.createStatement()) {
            for (String s : sql) {
                st.execute(s);
            }
        }
    }

    /** Every row of a query, each as its columns' text joined by '|', in the query's order. */
    public static List<String> rows(String database, String query) throws IOException, SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = connect(database); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(query)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(i > 1 ? "|" : "").append(rs.getString(i));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    /** The source database as a Mimeo source (id 1, trust authentication). */
    public static DblinkMapping mapping() throws IOException, SQLException {
        DblinkMapping m = new DblinkMapping();
        m.setDataSource("host=localhost port=" + server().getPort() + " dbname=" + SOURCE_DB);
        m.setUsername("postgres");
        try {
            var id = DblinkMapping.class.getDeclaredField("id");
            id.setAccessible(true);
            id.set(m, 1);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        return m;
    }

    /** Source connections straight from the driver, set up as the server's pools set them up. */
    public static CopySources sources() {
        return new CopySources() {
            @Override
            public Connection open(DblinkMapping source) throws SQLException {
                try {
                    return connect(SOURCE_DB);
                } catch (IOException e) {
                    throw new SQLException(e);
                }
            }

            @Override
            public Connection openSnapshot(DblinkMapping source) throws SQLException {
                Connection c = open(source);
                c.setAutoCommit(false);
                c.setReadOnly(true);
                c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                return c;
            }
        };
    }

    /** The execution log, kept in memory. */
    public JobLog jobLog() {
        return new JobLog() {
            @Override
            public void info(String message) {
                log.add("INFO " + message);
            }

            @Override
            public void warn(String message) {
                log.add("WARNING " + message);
            }

            @Override
            public void debug(String message) {
                log.add("DEBUG " + message);
            }
        };
    }

    public List<String> log() {
        return log;
    }

    /** A block writer of the step sharing {@code session}, writing into the current chunk's transaction. */
    public BlockCopyWriter writer(CopySession session) {
        BlockCopyWriter writer = new BlockCopyWriter();
        writer.session = session;
        writer.destination = chunkDataSource();
        writer.log = jobLog();
        writer.running = new RunningCopies();
        writer.jobContext = context(JobContext.class);
        writer.stepContext = context(StepContext.class);
        return writer;
    }

    /** Sets what the server injects into a copy reader: the step's session, the source connections, the log and the job XML's properties. */
    public <R extends SnapshotReader> R wire(R reader, CopySession session, String destTable, long blockRows) {
        reader.session = session;
        reader.sources = sources();
        reader.log = jobLog();
        reader.destTable = destTable;
        reader.blockRows = blockRows;
        return reader;
    }

    public static BlockRenderer renderer(CopySession session) {
        BlockRenderer renderer = new BlockRenderer();
        renderer.session = session;
        return renderer;
    }

    /** Makes the reader of one step execution, sharing {@code session} with the renderer and writer. */
    @FunctionalInterface
    public interface ReaderOfStep {
        ItemReader create(CopyStepHarness step, CopySession session) throws Exception;
    }

    /**
     * One step execution with a session of its own, as JBeret gives every (re)started step: the reader
     * {@code reader} makes, the block renderer and the block writer, run as {@link #run} does.
     */
    public static Serializable execute(ReaderOfStep reader, Serializable checkpoint, int maxChunks) throws Exception {
        CopyStepHarness step = new CopyStepHarness();
        CopySession session = new CopySession();
        return step.run(reader.create(step, session), renderer(session), step.writer(session), checkpoint, maxChunks);
    }

    /** The rows the step's writer counted (its persistent user data). */
    public Object rowsCopied() {
        return rowsCopied;
    }

    /**
     * Opens the reader from {@code checkpoint}, runs at most {@code maxChunks} chunks (or until the reader
     * ends), closes reader and writer, and returns the checkpoint of the last committed chunk as JBeret
     * would read it back. A chunk that fails is rolled back and the failure thrown; {@link #committed()}
     * still has the checkpoint a restart gets.
     */
    public Serializable run(ItemReader reader, ItemProcessor processor, ItemWriter writer, Serializable checkpoint, int maxChunks)
            throws Exception {
        committed = checkpoint;
        reader.open(checkpoint);
        writer.open(null);
        try {
            for (int i = 0; i < maxChunks; i++) {
                chunk = connect(DEST_DB);
                chunk.setAutoCommit(false);
                try {
                    Object item = reader.readItem();
                    if (item == null) {
                        chunk.commit();
                        break;
                    }
                    writer.writeItems(List.of(processor.processItem(item)));
                    Serializable next = roundTrip(reader.checkpointInfo());
                    chunk.commit();
                    committed = next;
                } catch (Exception e) {
                    chunk.rollback();
                    throw e;
                } finally {
                    chunk.close();
                    chunk = null;
                }
            }
        } finally {
            writer.close();
            reader.close();
        }
        return committed;
    }

    /** The checkpoint of the last chunk that committed. */
    public Serializable committed() {
        return committed;
    }

    /** Waits (30 s at most) until {@code query} returns a row: for what PostgreSQL publishes asynchronously, like its statistics. */
    public static void await(String database, String query) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (rows(database, query).isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("still no row after 30 s: " + query);
            }
            Thread.sleep(20);
        }
    }

    /** A checkpoint serialised and read back, as JBeret stores it in its repository. */
    public static Serializable roundTrip(Serializable checkpoint) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(checkpoint);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (Serializable) in.readObject();
        }
    }

    /** Hands out the current chunk's connection; closing the handle leaves the transaction to the chunk, as a JTA datasource does. */
    private DataSource chunkDataSource() {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
            if (method.getName().equals("getConnection")) {
                Connection physical = chunk;
                return Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (p, m, a) ->
                        m.getName().equals("close") ? null : invoke(physical, m, a));
            }
            return switch (method.getName()) {
                case "getLogWriter" -> new PrintWriter(System.out);
                case "getParentLogger" -> Logger.getGlobal();
                default -> null;
            };
        });
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** A job or step context of execution 1 keeping the step's persistent user data. */
    private <T> T context(Class<T> type) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> switch (method.getName()) {
            case "getExecutionId", "getStepExecutionId", "getInstanceId" -> 1L;
            case "hashCode" -> System.identityHashCode(proxy);
            case "equals" -> proxy == args[0];
            case "toString" -> type.getSimpleName() + " of execution 1";
            case "getPersistentUserData" -> rowsCopied;
            case "setPersistentUserData" -> {
                rowsCopied = args[0];
                yield null;
            }
            default -> null;
        }));
    }
}
