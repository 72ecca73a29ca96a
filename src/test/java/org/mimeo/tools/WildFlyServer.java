package org.mimeo.tools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The provisioned server {@code target/server} (mimeo.war deployed), started as
 * {@code bin/standalone.sh -Djboss.socket.binding.port-offset=N} with MIMEO_DB_URL / MIMEO_DB_USER
 * and owned by this JVM: {@link #close()} stops the whole process tree (the shell script and the
 * server JVM it starts), first with SIGTERM (WildFly shuts down gracefully), then with SIGKILL.
 */
public final class WildFlyServer implements AutoCloseable {

    private final Process process;
    private final Path consoleLog;
    /** Every descendant ever seen: after a Ctrl-C the script may die first and orphan the server JVM. */
    private final Set<ProcessHandle> tree = ConcurrentHashMap.newKeySet();

    private WildFlyServer(Process process, Path consoleLog) {
        this.process = process;
        this.consoleLog = consoleLog;
        tree.add(process.toHandle());
        remember();
    }

    /**
     * Starts WildFly. {@code dbPassword} null leaves MIMEO_DB_PASSWORD unset (the server's default
     * password then applies, which trust authentication ignores); an empty one would break MimeoDS.
     */
    public static WildFlyServer start(Resources resources, Path serverHome, int portOffset, String dbUrl, String dbUser,
                                      String dbPassword, Path consoleLog) throws IOException {
        Path script = serverHome.resolve("bin/standalone.sh");
        if (!Files.isExecutable(script)) {
            throw new IllegalStateException(script + " is missing: build the server first (mvn -B package)");
        }
        Files.createDirectories(consoleLog.getParent());
        List<String> command = new ArrayList<>(List.of(script.toString(), "-Djboss.socket.binding.port-offset=" + portOffset));
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(serverHome.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(consoleLog.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Map<String, String> env = pb.environment();
        env.put("JBOSS_HOME", serverHome.toString());
        env.put("MIMEO_DB_URL", dbUrl);
        env.put("MIMEO_DB_USER", dbUser);
        env.remove("MIMEO_DB_PASSWORD");
        if (dbPassword != null) {
            env.put("MIMEO_DB_PASSWORD", dbPassword);
        }
        env.remove("LAUNCH_JBOSS_IN_BACKGROUND");
        return resources.add("WildFly (port offset " + portOffset + ")", new WildFlyServer(pb.start(), consoleLog));
    }

    private void remember() {
        process.descendants().forEach(tree::add);
    }

    /** Polls {@code pingUrl} until it answers 200 "pong"; fails when the server exits or the time is up. */
    public void awaitPing(MimeoApi api, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            remember();
            if (!process.isAlive()) {
                throw new IllegalStateException("WildFly exited with code " + process.exitValue() + ", see " + consoleLog);
            }
            if (api.ping()) {
                remember();
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("WildFly did not answer " + api.base() + "/ping within " + timeout.toSeconds() + " s, see " + consoleLog);
    }

    public Process process() {
        return process;
    }

    public Path consoleLog() {
        return consoleLog;
    }

    @Override
    public void close() throws InterruptedException {
        remember();
        List<ProcessHandle> alive = tree.stream().filter(ProcessHandle::isAlive).toList();
        alive.forEach(ProcessHandle::destroy);
        if (!waitFor(alive, 45)) {
            alive.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
            waitFor(alive, 10);
        }
    }

    private static boolean waitFor(List<ProcessHandle> handles, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        for (ProcessHandle h : handles) {
            while (h.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
        }
        return handles.stream().noneMatch(ProcessHandle::isAlive);
    }
}
