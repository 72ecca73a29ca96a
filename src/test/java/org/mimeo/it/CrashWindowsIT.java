package org.mimeo.it;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mimeo.testsupport.Api;
import org.mimeo.testsupport.MimeoIT;
import org.mimeo.testsupport.ServerProcess;
import org.mimeo.testsupport.Sql;
import org.mimeo.testsupport.TestDatabases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Crash windows: a dml maker killed between its source and destination commits leaves nothing behind once
 * the server is up again, and executions a dead server left running are marked FAILED at any server's
 * start when nobody holds their table's lock.
 */
class CrashWindowsIT extends MimeoIT {

    static final ServerProcess SERVER = new ServerProcess(250, "crash-windows");

    static int sourceId;

    @BeforeAll
    static void setUp() throws Exception {
        Sql.source("DROP SCHEMA IF EXISTS cw_src CASCADE", "CREATE SCHEMA cw_src",
                "CREATE TABLE cw_src.t (id int PRIMARY KEY, v text)", "INSERT INTO cw_src.t SELECT g, 'v' || g FROM generate_series(1, 1000) g");
        Sql.dest("DROP SCHEMA IF EXISTS cw_dst CASCADE", "CREATE SCHEMA cw_dst");
        SERVER.start();
        Api.target(SERVER.apiBase());
        sourceId = Api.registerSource();
    }

    @AfterAll
    static void tearDown() {
        Api.target(null);
        SERVER.close();
    }

    static List<String> sourceObjects() throws Exception {
        return Sql.sourceStrings("SELECT 'trigger ' || tgname FROM pg_trigger WHERE tgrelid = 'cw_src.t'::regclass AND NOT tgisinternal"
                + " UNION ALL SELECT 'relation ' || relname FROM pg_class WHERE relnamespace = 'mimeo'::regnamespace AND relname LIKE 'cw\\_src\\_t\\_%'"
                + " UNION ALL SELECT 'function ' || proname FROM pg_proc WHERE pronamespace = 'mimeo'::regnamespace AND proname LIKE 'cw\\_src\\_t\\_%'"
                + " ORDER BY 1");
    }

    @Test
    void aMakerKilledAfterItsSourceObjectsLeavesNothingAfterTheRestart() throws Exception {
        Api.target(SERVER.apiBase());
        String body = "{\"type\": \"dml\", \"sourceId\": " + sourceId + ", \"sourceTable\": \"cw_src.t\", \"destTable\": \"cw_dst.t\","
                + " \"faultAfter\": \"sourceObjects\", \"faultKind\": \"halt\"}";
        // the call never answers: the server halts in the middle of it
        String base = SERVER.apiBase();
        CompletableFuture<Void> call = CompletableFuture.runAsync(() -> {
            Api.target(base);
            try {
                Api.post("/replications", body);
            } catch (IllegalStateException expected) {
                // the connection dies with the server
            }
        });
        assertEquals(137, SERVER.awaitDeath(Duration.ofMinutes(3)));
        call.get();
        // the window is real: the source objects were committed, the destination's were not, the intent was
        assertEquals(7, sourceObjects().size(), sourceObjects()::toString);
        assertEquals(List.of("cw_dst.t cw_src.t"), Sql.destStrings("SELECT dest_table || ' ' || source_table FROM mimeo.maker_intent"));
        assertEquals(List.of(), Sql.destStrings("SELECT dest_table FROM mimeo.refresh_config WHERE dest_table = 'cw_dst.t'"));

        SERVER.start();
        assertEquals(List.of(), sourceObjects());
        assertEquals(List.of(), Sql.destStrings("SELECT dest_table FROM mimeo.maker_intent"));
        assertEquals(List.of(), Sql.destStrings("SELECT dest_table FROM mimeo.refresh_config WHERE dest_table = 'cw_dst.t'"));
        assertEquals(null, Sql.destString("SELECT to_regclass('cw_dst.t')::text"));
        assertTrue(Files.readString(SERVER.log().toPath()).contains("MIMEO001101"), "the clean-up is logged");
        // and the destination can be made now, without the hook
        Api.make("{\"type\": \"dml\", \"sourceId\": " + sourceId + ", \"sourceTable\": \"cw_src.t\", \"destTable\": \"cw_dst.t\"}");
        assertEquals("1000", Sql.destString("SELECT count(*) FROM cw_dst.t"));
        Api.delete("/replications/" + Api.path("cw_dst.t")).expect(204);
        assertEquals(List.of(), sourceObjects());
    }

    @Test
    void executionsOfADeadServerAreMarkedFailedWhenTheirTableIsNotLocked() throws Exception {
        Api.target(SERVER.apiBase());
        Api.make("{\"type\": \"table\", \"sourceId\": " + sourceId + ", \"sourceTable\": \"cw_src.t\", \"destTable\": \"cw_dst.orphan\"}");
        long completed = Api.id(Api.refreshCompleted("cw_dst.orphan", null));
        SERVER.close();
        // two executions another server (now gone) left running: one table's lock is free, the other's is held by a live session
        long dead = fakeRunning(completed, "cw_dst.orphan");
        long busy = fakeRunning(completed, "cw_dst.busy");
        try (Connection holder = TestDatabases.dest()) {
            try (PreparedStatement ps = holder.prepareStatement("SELECT pg_advisory_lock(hashtext('mimeo advisory lock'), hashtext('cw_dst.busy'))")) {
                ps.execute();
            }
            SERVER.start();
            assertEquals("FAILED", Sql.destString("SELECT batchstatus FROM job_execution WHERE jobexecutionid = " + dead));
            assertEquals("STARTED", Sql.destString("SELECT batchstatus FROM job_execution WHERE jobexecutionid = " + busy));
            assertEquals("FAILED", Api.get("/executions/" + dead).expect(200).json().getString("status"));
        } finally {
            Sql.dest("UPDATE job_execution SET batchstatus = 'FAILED' WHERE jobexecutionid = " + busy);
        }
        assertTrue(Files.readString(SERVER.log().toPath()).contains("MIMEO001100"), "the sweep is logged");
    }

    /** A copy of a real execution, STARTED, recorded for {@code destTable} by a server named dead-node. */
    static long fakeRunning(long model, String destTable) throws Exception {
        try (Connection c = TestDatabases.dest();
             PreparedStatement ps = c.prepareStatement("""
                     INSERT INTO job_execution (jobinstanceid, version, createtime, starttime, lastupdatedtime, batchstatus, jobparameters)
                     SELECT jobinstanceid, version, now(), now(), now(), 'STARTED', jobparameters FROM job_execution WHERE jobexecutionid = ?
                     RETURNING jobexecutionid""")) {
            ps.setLong(1, model);
            long id;
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
            try (PreparedStatement run = c.prepareStatement("INSERT INTO mimeo.job_run (execution_id, dest_table, job_name, server_id)"
                    + " SELECT ?, ?, job_name, 'dead-node' FROM mimeo.job_run WHERE execution_id = ?")) {
                run.setLong(1, id);
                run.setString(2, destTable);
                run.setLong(3, model);
                assertEquals(1, run.executeUpdate());
            }
            return id;
        }
    }
}
