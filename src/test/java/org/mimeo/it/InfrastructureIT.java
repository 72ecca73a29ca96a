package org.mimeo.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.dmr.ModelNode;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mimeo.testsupport.TestDatabases;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Smoke test of the test infrastructure: the genuine mimeo.war on the hollow test WildFly, with MimeoDS
 * on the embedded destination database and JBeret's JDBC job repository there.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class InfrastructureIT {

    static final String BASE_URL = System.getProperty("mimeo.test.baseUrl", "http://localhost:8180/mimeo");

    @ArquillianResource
    ManagementClient management;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ShrinkWrap.createFromZipFile(WebArchive.class,
                new File(System.getProperty("mimeo.test.war", "target/mimeo.war")));
    }

    @Test
    void pingAnswersPong() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(BASE_URL + "/api/ping")).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response::body);
        assertEquals("pong", response.body().trim());
    }

    @Test
    void destinationDatabaseIsReachable() throws Exception {
        try (Connection c = TestDatabases.dest(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT current_database(), current_setting('port')")) {
            assertTrue(rs.next());
            assertEquals("mimeo", rs.getString(1));
            assertEquals(String.valueOf(Integer.getInteger("mimeo.test.dest.port", 25432)), rs.getString(2));
        }
    }

    @Test
    void jberetJobRepositoryTablesExistInDestination() throws Exception {
        // JBeret creates them at server start (JBERET000021) through MimeoDS
        try (Connection c = TestDatabases.dest(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT to_regclass('job_instance') IS NOT NULL, to_regclass('job_execution') IS NOT NULL,"
                     + " to_regclass('step_execution') IS NOT NULL, to_regclass('partition_execution') IS NOT NULL")) {
            assertTrue(rs.next());
            for (int i = 1; i <= 4; i++) {
                assertTrue(rs.getBoolean(i), "JBeret table #" + i + " missing in the destination database");
            }
        }
    }

    @Test
    void mimeoDataSourcePointsAtEmbeddedDestination() throws Exception {
        int destPort = Integer.getInteger("mimeo.test.dest.port", 25432);
        // the configuration keeps the runtime expression ...
        ModelNode read = dataSourceOp("read-attribute");
        read.get("name").set("connection-url");
        ModelNode expression = execute(read);
        assertTrue(expression.asString().startsWith("${env.MIMEO_DB_URL:"), expression::asString);
        // ... which the server resolves from the MIMEO_DB_URL it inherited from the failsafe JVM
        ModelNode resolve = new ModelNode();
        resolve.get("operation").set("resolve-expression");
        resolve.get("address").setEmptyList();
        resolve.get("expression").set(expression.asString());
        assertEquals("jdbc:postgresql://localhost:" + destPort + "/mimeo", execute(resolve).asString(),
                "MimeoDS connection-url as resolved by the server");
        // and the pool really opens a connection there: it shows up in the destination's pg_stat_activity
        execute(dataSourceOp("test-connection-in-pool"));
        try (Connection c = TestDatabases.dest(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_stat_activity"
                     + " WHERE datname = 'mimeo' AND pid <> pg_backend_pid() AND backend_type = 'client backend'")) {
            assertTrue(rs.next());
            assertTrue(rs.getInt(1) >= 1, "no connection from WildFly's MimeoDS pool on port " + destPort);
        }
    }

    @Test
    void jberetUsesJdbcJobRepositoryOnMimeoDS() throws Exception {
        ModelNode op = new ModelNode();
        op.get("operation").set("read-attribute");
        op.get("address").add("subsystem", "batch-jberet");
        op.get("name").set("default-job-repository");
        assertEquals("mimeo", execute(op).asString());

        ModelNode repo = new ModelNode();
        repo.get("operation").set("read-attribute");
        repo.get("address").add("subsystem", "batch-jberet").add("jdbc-job-repository", "mimeo");
        repo.get("name").set("data-source");
        assertEquals("MimeoDS", execute(repo).asString());
    }

    private static ModelNode dataSourceOp(String operation) {
        ModelNode op = new ModelNode();
        op.get("operation").set(operation);
        op.get("address").add("subsystem", "datasources").add("data-source", "MimeoDS");
        return op;
    }

    private ModelNode execute(ModelNode op) throws Exception {
        ModelNode result = management.getControllerClient().execute(op);
        assertEquals("success", result.get("outcome").asString(), () -> op + " -> " + result);
        return result.get("result");
    }
}
