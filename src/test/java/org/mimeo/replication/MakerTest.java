package org.mimeo.replication;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mimeo.config.ConfigRepository;
import org.mimeo.config.DblinkMapping;
import org.mimeo.config.RefreshConfig;
import org.mimeo.job.RefreshParameters;
import org.mimeo.config.RefreshConfigTable;
import org.mimeo.error.Failure;
import org.mimeo.error.MimeoException;

/**
 * The maker's skeleton and the destroyer against a real PostgreSQL (one embedded server serves as source and
 * destination): the steps run in order with every check before anything is created, the fields every type has
 * are filled in, and what a type created outside the destination is removed again when a later step fails.
 */
class MakerTest {

    private static EmbeddedPostgres pg;
    private static DataSource db;

    private final List<String> steps = new ArrayList<>();
    private final List<RefreshConfig> stored = new ArrayList<>();
    private Maker maker;
    private Destroyer destroyer;

    @BeforeAll
    static void start() throws IOException, SQLException {
        pg = EmbeddedPostgres.builder().start();
        db = pg.getPostgresDatabase();
        sql("CREATE SCHEMA src", "CREATE SCHEMA dst",
                "CREATE TABLE src.orders (id bigint PRIMARY KEY, item text NOT NULL, price numeric(10, 2))");
    }

    @AfterAll
    static void stop() throws IOException {
        pg.close();
    }

    @BeforeEach
    void wire() throws SQLException {
        sql("DROP TABLE IF EXISTS dst.orders", "DROP TABLE IF EXISTS dst.orders_queue");
        ConfigRepository configs = new ConfigRepository() {
            @Override
            public void add(RefreshConfig config) {
                stored.add(config);
            }

            @Override
            public void remove(RefreshConfig config) {
                stored.remove(config);
            }
        };
        SourceAccess sources = new SourceAccess() {
            @Override
            public DblinkMapping mapping(int sourceId) {
                return new DblinkMapping() {
                    @Override
                    public Integer getId() {
                        return sourceId;
                    }
                };
            }

            @Override
            public Connection open(DblinkMapping mapping) {
                try {
                    return db.getConnection();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }
        };
        maker = new Maker();
        maker.destination = db;
        maker.config = configs;
        maker.sources = sources;
        destroyer = new Destroyer();
        destroyer.destination = db;
        destroyer.config = configs;
    }

    @Test
    void runsTheStepsInOrderAndFillsTheFieldsEveryTypeHas() throws SQLException {
        RefreshConfig made = maker.create(new Recording(request(List.of("id", "item")), null));

        assertEquals(List.of("validate", "readsIndexes", "checkSource [id bigint, item text]", "checkDestination", "createSourceObjects",
                "createDestination", "configure", "recorded"), steps);
        assertEquals(List.of(made), stored);
        assertEquals("dst.orders", made.getDestTable());
        assertEquals("src.orders", made.getSourceTable());
        assertEquals(7, made.getSourceId());
        assertArrayEquals(new String[] {"id", "item"}, made.getFilter());
        assertEquals("WHERE price > 0", made.getCondition());
        assertEquals(List.of("id bigint", "item text"), columns("dst.orders"));
    }

    @Test
    void aFailedCheckCreatesNothing() throws SQLException {
        Recording failing = new Recording(request(null), "checkDestination");

        MimeoException e = assertThrows(MimeoException.class, () -> maker.create(failing));

        assertEquals(Failure.CONFLICT, e.failure());
        assertEquals(List.of("validate", "readsIndexes", "checkSource [id bigint, item text, price numeric(10,2)]", "checkDestination"), steps);
        assertTrue(stored.isEmpty());
        assertEquals(List.of(), columns("dst.orders"));
    }

    @Test
    void aFailedDestinationStepRemovesTheSourceObjectsAndNamesTheDestination() throws SQLException {
        sql("CREATE TABLE dst.orders (other int)");

        MimeoException e = assertThrows(MimeoException.class, () -> maker.create(new Recording(request(null), null)));

        assertEquals(Failure.INVALID_REQUEST, e.failure());
        assertTrue(e.getMessage().startsWith("MIMEO002504: Could not create table destination dst.orders: "), e.getMessage());
        assertEquals("removeSourceObjects", steps.get(steps.size() - 1));
        assertTrue(stored.isEmpty());
        assertEquals(List.of("other integer"), columns("dst.orders"));
    }

    @Test
    void anExistingDestinationIsRefusedWithTheTypesArticle() throws SQLException {
        sql("CREATE TABLE dst.orders (id bigint)");
        try (Connection d = db.getConnection()) {
            MakerSteps inserter = new Recording(request(null), null);
            MimeoException e = assertThrows(MimeoException.class, () -> inserter.requireNewDestination(d, "inserter"));
            assertEquals("MIMEO002506: Destination dst.orders already exists; an inserter destination is created by the maker", e.getMessage());
            e = assertThrows(MimeoException.class, () -> inserter.requireNewDestination(d, "dml"));
            assertEquals("MIMEO002506: Destination dst.orders already exists; a dml destination is created by the maker", e.getMessage());
        }
    }

    @Test
    void theDestroyerDropsSourceObjectsFirstAndKeepsWhatTheModeKeeps() throws SQLException {
        RefreshConfig made = maker.create(new Recording(request(null), null));
        steps.clear();

        destroyer.destroy(new Mode(), made, true);
        assertEquals(List.of("dropSourceObjects"), steps);
        assertTrue(stored.isEmpty());
        assertEquals(List.of("id bigint", "item text", "price numeric(10,2)"), columns("dst.orders"));

        stored.add(made);
        destroyer.destroy(new Mode(), made, false);
        assertTrue(stored.isEmpty());
        assertEquals(List.of(), columns("dst.orders"));
    }

    private static MakeRequest request(List<String> filter) {
        return new MakeRequest("table", 7, "src.orders", "dst.orders", false, filter, "WHERE price > 0", false, null, null, null,
                false, null, null, null, null, false, null);
    }

    /** Records each step; {@code failAt} names a check that refuses. */
    private final class Recording extends MakerSteps {

        private final String failAt;

        Recording(MakeRequest request, String failAt) {
            super(request);
            this.failAt = failAt;
        }

        private void step(String name) {
            steps.add(name);
            if (name.equals(failAt)) {
                throw MimeoException.conflict("refused at " + name);
            }
        }

        @Override
        protected void validate() {
            step("validate");
        }

        @Override
        protected boolean readsIndexes() {
            step("readsIndexes");
            return false;
        }

        @Override
        protected void checkSource() {
            step("checkSource " + source().columns().stream().map(c -> c.name() + " " + c.type()).toList());
        }

        @Override
        protected void checkDestination(Connection d) {
            step("checkDestination");
        }

        @Override
        protected void createSourceObjects() {
            step("createSourceObjects");
        }

        @Override
        protected void createDestination(Connection d) throws SQLException {
            step("createDestination");
            createTable(d, dest, source().columns());
        }

        @Override
        protected RefreshConfig configure(Connection d) {
            step("configure");
            return new RefreshConfigTable();
        }

        @Override
        protected void recorded(Connection d) {
            step("recorded");
        }

        @Override
        protected void removeSourceObjects() {
            step("removeSourceObjects");
        }
    }

    private final class Mode implements ReplicationMode {

        @Override
        public String type() {
            return "table";
        }

        @Override
        public String jobName() {
            return "table";
        }

        @Override
        public MakerSteps maker(MakeRequest request) {
            return new Recording(request, null);
        }

        @Override
        public RefreshParameters initialLoadParameters(MakeRequest request) {
            return RefreshParameters.NONE;
        }

        @Override
        public RefreshParameters refreshParameters(RefreshConfig config, RefreshRequest request) {
            return RefreshParameters.NONE;
        }

        @Override
        public void dropSourceObjects(RefreshConfig config) {
            steps.add("dropSourceObjects");
        }
    }

    private static List<String> columns(String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Connection c = db.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT attname || ' ' || format_type(atttypid, atttypmod) FROM pg_attribute"
                     + " WHERE attrelid = to_regclass('" + table + "') AND attnum > 0 AND NOT attisdropped ORDER BY attnum")) {
            while (rs.next()) {
                columns.add(rs.getString(1));
            }
        }
        return columns;
    }

    private static void sql(String... statements) throws SQLException {
        try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
            for (String s : statements) {
                st.execute(s);
            }
        }
    }
}
