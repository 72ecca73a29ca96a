package org.mimeo.testsupport;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.mimeo.tools.AppUsers;

/**
 * A second, independently launched Mimeo server (the provisioned target/server with mimeo.war) on the
 * test destination database, which a test may kill and start again.
 */
public final class ServerProcess implements AutoCloseable {

    private static final File TEST_SERVER_KEY_STORE = new File(System.getProperty("mimeo.test.jbossHome", "target/test-server"),
            "standalone/configuration/mimeo-secrets.cs");

    private final int portOffset;
    private final String nodeName;
    private final File log;
    private Process process;
    /** The processes this server was made of (shell and JVM), by id: killed on close even if the shell died first. */
    private final java.util.Set<ProcessHandle> launched = new java.util.LinkedHashSet<>();

    private final boolean testHooks;
    private final java.util.List<String> systemProperties = new java.util.ArrayList<>();
    private final String dbUrl;
    private final String dbUser;

    public ServerProcess(int portOffset, String nodeName) {
        this(portOffset, nodeName, true);
    }

    /** {@code testHooks} false starts it as production would: without {@code -Dmimeo.testHooks=true}. */
    public ServerProcess(int portOffset, String nodeName, boolean testHooks) {
        this(portOffset, nodeName, testHooks, TestDatabases.destUrl(), TestDatabases.DEST_ROLE);
    }

    /** A server whose MimeoDS connects to {@code dbUrl} as {@code dbUser} (trust authentication) instead of the test destination. */
    public ServerProcess(int portOffset, String nodeName, boolean testHooks, String dbUrl, String dbUser) {
        this.dbUrl = dbUrl;
        this.dbUser = dbUser;
        // -Dmimeo.test.extraServerShift=N moves these servers' ports, so two builds can run side by side
        this.portOffset = portOffset + Integer.getInteger("mimeo.test.extraServerShift", 0);
        this.nodeName = nodeName;
        this.testHooks = testHooks;
        this.log = new File("target/" + nodeName + "-server.log");
    }

    /** Starts the server with {@code -Dname=value} too (call before {@link #start()}). */
    public ServerProcess withSystemProperty(String name, String value) {
        systemProperties.add("-D" + name + "=" + value);
        return this;
    }

    public File log() {
        return log;
    }

    public String apiBase() {
        return "http://localhost:" + (8080 + portOffset) + "/mimeo/api";
    }

    public void start() throws Exception {
        File home = new File(System.getProperty("mimeo.test.server", "target/server"));
        // a base directory of its own, so several of these servers can run side by side
        File base = new File("target/" + nodeName + "-base");
        if (!base.exists()) {
            copy(new File(home, "standalone").toPath(), base.toPath());
            // the same tool and user as the build gives the Arquillian server (pom.xml: bin/add-user.sh -a)
            AppUsers.add(home.toPath(), new File(base, "configuration").toPath(), Api.ADMIN.user(), Api.ADMIN.password(), "mimeo-admin");
            // servers on one destination database share the key of the stored source passwords, as a DBA would copy it
            java.nio.file.Files.copy(TEST_SERVER_KEY_STORE.toPath(), new File(base, "configuration/mimeo-secrets.cs").toPath(),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(new File(home, "bin/standalone.sh").getAbsolutePath(),
                "-Djboss.server.base.dir=" + base.getAbsolutePath(),
                "-Djboss.socket.binding.port-offset=" + portOffset, "-Djboss.node.name=" + nodeName, "-Djava.net.preferIPv4Stack=true",
                "-Dmimeo.testHooks=" + testHooks));
        command.addAll(systemProperties);
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log));
        pb.environment().put("MIMEO_DB_URL", dbUrl);
        pb.environment().put("MIMEO_DB_USER", dbUser);
        pb.environment().put("MIMEO_DB_PASSWORD", "postgres");
        pb.environment().put("JAVA_OPTS", "-Xms128m -Xmx1g");
        HttpClient http = HttpClient.newHttpClient();
        if (answers(http)) {
            throw new IllegalStateException("another server already answers on " + apiBase() + "; server " + nodeName + " was not started");
        }
        process = pb.start();
        launched.add(process.toHandle());
        long deadline = System.currentTimeMillis() + 180_000;
        while (System.currentTimeMillis() < deadline) {
            process.descendants().forEach(launched::add);
            if (!process.isAlive()) {
                throw new IllegalStateException("server " + nodeName + " exited during start-up (exit code " + process.exitValue() + "); see " + log);
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(apiBase() + "/ping")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("server " + nodeName + " did not answer within 180 s; see " + log);
    }

    private boolean answers(HttpClient http) throws InterruptedException {
        try {
            http.send(HttpRequest.newBuilder(URI.create(apiBase() + "/ping")).timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static void copy(java.nio.file.Path from, java.nio.file.Path to) throws java.io.IOException {
        try (var paths = java.nio.file.Files.walk(from)) {
            for (java.nio.file.Path p : (Iterable<java.nio.file.Path>) paths::iterator) {
                java.nio.file.Path target = to.resolve(from.relativize(p).toString());
                if (java.nio.file.Files.isDirectory(p)) {
                    java.nio.file.Files.createDirectories(target);
                } else {
                    java.nio.file.Files.copy(p, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /** Waits for the server to die by itself (a halt injected into a job); returns its exit code. */
    public int awaitDeath(Duration timeout) throws Exception {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("server " + nodeName + " is still running");
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        launched.forEach(ProcessHandle::destroyForcibly);
        launched.clear();
        return process.exitValue();
    }

    @Override
    public void close() {
        if (process != null) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            launched.forEach(ProcessHandle::destroyForcibly);
            launched.clear();
            try {
                // gone before a start on the same ports
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
