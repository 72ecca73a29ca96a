package org.mimeo.it;

import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mimeo.testsupport.Api;
import org.mimeo.testsupport.Api.Login;
import org.mimeo.testsupport.Api.Reply;
import org.mimeo.testsupport.MimeoIT;
import org.mimeo.testsupport.Rows;
import org.mimeo.testsupport.Sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Logins and roles (api.md, Security): anonymous and wrong-password calls get 401, each role gets 403 on
 * what is above it, and a refused call changes nothing. The users come from the build (bin/add-user.sh).
 */
class SecurityIT extends MimeoIT {

    static final String DEST = "sec_dst.orders";
    static int sourceId;

    /** One route of the contract with a body that would succeed for an admin (or fail only on its content). */
    record Route(String method, String path, String body) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    @BeforeAll
    static void setUp() throws Exception {
        Sql.source("DROP SCHEMA IF EXISTS sec_src CASCADE", "CREATE SCHEMA sec_src",
                "CREATE TABLE sec_src.orders (id int PRIMARY KEY, amount numeric NOT NULL)",
                "INSERT INTO sec_src.orders SELECT g, g * 1.5 FROM generate_series(1, 500) g");
        Sql.dest("DROP SCHEMA IF EXISTS sec_dst CASCADE", "CREATE SCHEMA sec_dst");
        sourceId = Api.registerSource();
        Api.make("{\"type\": \"snap\", \"sourceId\": " + sourceId + ", \"sourceTable\": \"sec_src.orders\", \"destTable\": \"" + DEST + "\"}");
    }

    private static String dest() {
        return Api.path(DEST);
    }

    private static List<Route> readRoutes() {
        return List.of(new Route("GET", "/sources", null), new Route("GET", "/sources/" + sourceId, null),
                new Route("GET", "/replications", null), new Route("GET", "/replications/" + dest(), null),
                new Route("GET", "/executions", null), new Route("GET", "/monitor", null), new Route("GET", "/monitor/lag", null),
                new Route("GET", "/audit", null), new Route("GET", "/metrics", null), new Route("GET", "/checks/snapshot-sizes", null),
                new Route("GET", "/checks/row-count?destTable=" + dest(), null));
    }

    private static List<Route> operatorRoutes() {
        return List.of(new Route("POST", "/replications/" + dest() + "/refresh", "{\"checkStats\": false}"),
                new Route("POST", "/refresh-due", "{\"type\": \"inserter\"}"),
                new Route("POST", "/sources/" + sourceId + "/check", null),
                new Route("POST", "/executions/999999/restart", null),
                new Route("POST", "/executions/999999/stop", null));
    }

    private static List<Route> adminRoutes() {
        return List.of(new Route("POST", "/sources", "{\"dataSource\": \"host=localhost port=1 dbname=refused\", \"username\": \"u\", \"password\": \"p\"}"),
                new Route("PUT", "/sources/" + sourceId, "{\"dataSource\": \"host=localhost port=1 dbname=refused\", \"username\": \"u\", \"password\": \"p\"}"),
                new Route("DELETE", "/sources/" + sourceId, null),
                new Route("POST", "/replications", "{\"type\": \"table\", \"sourceId\": " + sourceId
                        + ", \"sourceTable\": \"sec_src.orders\", \"destTable\": \"sec_dst.refused\"}"),
                new Route("PATCH", "/replications/" + dest(), "{\"period\": \"1 hour\", \"condition\": \"WHERE id < 10\"}"),
                new Route("DELETE", "/replications/" + dest(), null),
                new Route("DELETE", "/executions?olderThanDays=0", null));
    }

    /** Everything a refused call could have changed. */
    private static String state() throws Exception {
        return String.join("|", Sql.destStrings("SELECT data_source_id || ' ' || data_source || ' ' || username || ' ' || coalesce(pwd, '-')"
                        + " FROM mimeo.dblink_mapping ORDER BY 1"))
                + "#" + String.join("|", Sql.destStrings("SELECT dest_table || ' ' || coalesce(period::text, '-') || ' ' || coalesce(condition, '-')"
                        + " FROM mimeo.refresh_config ORDER BY 1"))
                + "#" + Sql.destString("SELECT count(*) FROM mimeo.job_run")
                + "#" + Sql.destString("SELECT count(*) FROM pg_class WHERE relnamespace = 'sec_dst'::regnamespace")
                + "#" + Sql.destString("SELECT count(*) FROM mimeo.audit");
    }

    private static void assertRefused(Login login, List<Route> routes, int status, String code) throws Exception {
        String before = state();
        for (Route route : routes) {
            Reply reply = Api.call(login, route.method(), route.path(), route.body());
            assertEquals(status, reply.status(), () -> (login == null ? "anonymous" : login.user()) + " " + route + ": " + reply.body());
            assertEquals(code, reply.json().getString("error"), route + ": " + reply.body());
            assertFalse(reply.json().getString("message").isBlank(), route.toString());
        }
        assertEquals(before, state(), "a refused call changed something");
        Rows.assertSame("id, amount", "sec_src.orders", DEST);
    }

    private static void assertAllowed(Login login, List<Route> routes) {
        for (Route route : routes) {
            Reply reply = Api.call(login, route.method(), route.path(), route.body());
            assertTrue(reply.status() != 401 && reply.status() != 403, () -> login.user() + " " + route + ": " + reply.body());
        }
    }

    @Test
    void anonymousCallsAre401OnEveryRouteButPing() throws Exception {
        List<Route> all = new java.util.ArrayList<>(readRoutes());
        all.addAll(operatorRoutes());
        all.addAll(adminRoutes());
        assertRefused(null, all, 401, "unauthorized");
        Reply ping = Api.call(null, "GET", "/ping", null);
        assertEquals(200, ping.status());
        assertEquals("pong", ping.body().strip());
    }

    @Test
    void theChallengeAndTheErrorBodyComeTogether() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        var answer = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(Api.BASE + "/replications")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(401, answer.statusCode());
        assertTrue(answer.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"), answer.headers().toString());
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), answer.headers().toString());
        assertEquals("unauthorized", new Reply(answer.statusCode(), answer.body()).json().getString("error"));
    }

    @Test
    void aWrongPasswordOrAnUnknownUserIs401() throws Exception {
        List<Route> some = List.of(readRoutes().get(0), operatorRoutes().get(0), adminRoutes().get(0));
        assertRefused(new Login(Api.ADMIN.user(), "wrong-" + Api.ADMIN.password()), some, 401, "unauthorized");
        assertRefused(new Login("no-such-user", Api.ADMIN.password()), some, 401, "unauthorized");
    }

    @Test
    void aUserWithoutAMimeoRoleIs403Everywhere() throws Exception {
        assertRefused(Api.NOBODY, readRoutes(), 403, "forbidden");
        assertRefused(Api.NOBODY, operatorRoutes(), 403, "forbidden");
    }

    @Test
    void aViewerReadsButChangesNothing() throws Exception {
        for (Route route : readRoutes()) {
            Reply reply = Api.call(Api.VIEWER, route.method(), route.path(), route.body());
            assertEquals(200, reply.status(), route + ": " + reply.body());
        }
        JsonObject replication = Api.call(Api.VIEWER, "GET", "/replications/" + dest(), null).json();
        assertEquals(DEST, replication.getString("destTable"));
        JsonObject source = Api.call(Api.VIEWER, "GET", "/sources/" + sourceId, null).json();
        assertFalse(source.containsKey("password"), source.toString());
        assertRefused(Api.VIEWER, operatorRoutes(), 403, "forbidden");
        assertRefused(Api.VIEWER, adminRoutes(), 403, "forbidden");
        Reply refused = Api.call(Api.VIEWER, "POST", "/replications/" + dest() + "/refresh", "{}");
        assertTrue(refused.json().getString("message").contains("mimeo-operator"), refused.body());
    }

    @Test
    void anOperatorRefreshesAndRestartsButMakesNothing() throws Exception {
        Sql.sourceWrite("sec_src.orders", "UPDATE sec_src.orders SET amount = amount + 1 WHERE id <= 50");
        Reply refresh = Api.call(Api.OPERATOR, "POST", "/replications/" + dest() + "/refresh", "{\"checkStats\": false}");
        assertEquals(200, refresh.status(), refresh.body());
        assertEquals("COMPLETED", refresh.json().getString("status"));
        Rows.assertSame("id, amount", "sec_src.orders", DEST);
        assertEquals(200, Api.call(Api.OPERATOR, "POST", "/sources/" + sourceId + "/check", null).status());
        // a COMPLETED execution cannot be restarted: 409, which shows the operator got past the role check
        Reply restart = Api.call(Api.OPERATOR, "POST", "/executions/" + Api.id(refresh.json()) + "/restart", null);
        assertEquals(409, restart.status(), restart.body());
        assertAllowed(Api.OPERATOR, readRoutes());
        assertRefused(Api.OPERATOR, adminRoutes(), 403, "forbidden");
    }

    @Test
    void anAdminDoesEverything() throws Exception {
        assertAllowed(Api.ADMIN, readRoutes());
        assertAllowed(Api.ADMIN, operatorRoutes());
        Reply made = Api.call(Api.ADMIN, "POST", "/replications", "{\"type\": \"table\", \"sourceId\": " + sourceId
                + ", \"sourceTable\": \"sec_src.orders\", \"destTable\": \"sec_dst.by_admin\"}");
        assertEquals(201, made.status(), made.body());
        Rows.assertSame("id, amount", "sec_src.orders", "sec_dst.by_admin");
        assertEquals(200, Api.call(Api.ADMIN, "PATCH", "/replications/" + Api.path("sec_dst.by_admin"), "{\"period\": \"1 hour\"}").status());
        assertEquals("01:00:00", Sql.destString("SELECT period::text FROM mimeo.refresh_config WHERE dest_table = 'sec_dst.by_admin'"));
        assertEquals(204, Api.call(Api.ADMIN, "DELETE", "/replications/" + Api.path("sec_dst.by_admin"), null).status());
        assertEquals("0", Sql.destString("SELECT count(*) FROM mimeo.refresh_config WHERE dest_table = 'sec_dst.by_admin'"));
        Reply source = Api.call(Api.ADMIN, "POST", "/sources", "{\"dataSource\": \"host=localhost port=1 dbname=x\", \"username\": \"u\"}");
        assertEquals(201, source.status(), source.body());
        int id = source.json().getInt("id");
        assertEquals(204, Api.call(Api.ADMIN, "DELETE", "/sources/" + id, null).status());
        assertEquals("0", Sql.destString("SELECT count(*) FROM mimeo.dblink_mapping WHERE data_source_id = " + id));
    }

    @Test
    void theTestServerWarnsThatItsTestHooksAreOn() throws Exception {
        Path log = Path.of(System.getProperty("mimeo.test.jbossHome", "target/test-server"), "standalone/log/server.log");
        assertTrue(Files.readString(log).contains("MIMEO001040"), "no test-hooks warning in " + log);
    }
}
