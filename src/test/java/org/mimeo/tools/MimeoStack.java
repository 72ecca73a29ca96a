package org.mimeo.tools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What the demo and the benchmark launchers share: a destination PostgreSQL (database {@code mimeo},
 * Mimeo's configuration and job repository, and the replicated tables), a source PostgreSQL, and
 * WildFly from {@code target/server} with MimeoDS pointing at the destination. Data directories and
 * logs live in {@code target/<name>-data}, emptied at each start. Closing it stops all three, WildFly first.
 */
public final class MimeoStack implements AutoCloseable {

    private final Settings settings;
    private final Path dataDir;
    private final Resources resources = new Resources();
    private EmbeddedPg dest;
    private EmbeddedPg source;
    private WildFlyServer wildfly;
    private final MimeoApi api;
    public static final String ADMIN_USER = "mimeo-admin";
    private String adminPassword;

    public MimeoStack(Settings settings, String name) {
        this.settings = settings;
        this.dataDir = settings.basedir().resolve("target/" + name + "-data");
        this.api = new MimeoApi(settings.apiBase());
    }

    /** Starts both PostgreSQL servers with the same postgresql.conf settings and empties the data folder first. */
    public void startDatabases(String sourceDb, Map<String, String> serverConfig) throws IOException, SQLException {
        settings.requireFreePorts();
        deleteRecursively(dataDir);
        Files.createDirectories(dataDir);
        long t0 = System.nanoTime();
        dest = EmbeddedPg.start(resources, "destination", settings.destPort(), "mimeo", dataDir.resolve("dest"), serverConfig);
        source = EmbeddedPg.start(resources, "source", settings.sourcePort(), sourceDb, dataDir.resolve("source"), serverConfig);
        Console.info(String.format("PostgreSQL up in %.1f s: %s, %s (user postgres, no password)",
                (System.nanoTime() - t0) / 1e9, dest, source));
    }

    /** Starts WildFly on the destination database as its superuser and waits until /ping answers. */
    public void startWildFly() throws IOException, InterruptedException {
        startWildFly(EmbeddedPg.USER);
    }

    /**
     * Adds the API user {@link #ADMIN_USER} with a fresh random password to the server's application realm
     * (bin/add-user.sh, as a DBA would), starts WildFly on the destination database as {@code dbUser} and
     * waits until /ping answers.
     */
    public void startWildFly(String dbUser) throws IOException, InterruptedException {
        adminPassword = AppUsers.randomPassword();
        AppUsers.add(settings.serverHome(), ADMIN_USER, adminPassword, "mimeo-admin");
        api.login(ADMIN_USER, adminPassword);
        long t0 = System.nanoTime();
        Console.info("starting WildFly (" + settings.serverHome() + ", HTTP port " + settings.httpPort()
                + ", management port " + settings.managementPort() + "), console log " + dataDir.resolve("wildfly-console.log"));
        wildfly = WildFlyServer.start(resources, settings.serverHome(), settings.portOffset(), dest.jdbcUrl(), dbUser, null,
                dataDir.resolve("wildfly-console.log"));
        wildfly.awaitPing(api, Duration.ofMinutes(5));
        Console.info(String.format("Mimeo answers at %s (WildFly up in %.1f s)", api.base(), (System.nanoTime() - t0) / 1e9));
    }

    /** Registers the source database through POST /sources and returns its id. */
    public long registerSource() throws IOException, InterruptedException {
        String body = Json.object("dataSource", source.libpq(), "username", EmbeddedPg.USER);
        long id = api.post("/sources", body).expect(201).json().getJsonNumber("id").longValue();
        Console.info("registered the source (" + source.libpq() + ") as source id " + id);
        return id;
    }

    public EmbeddedPg dest() {
        return dest;
    }

    public EmbeddedPg source() {
        return source;
    }

    public WildFlyServer wildfly() {
        return wildfly;
    }

    /** The password given to {@link #ADMIN_USER} at this start. */
    public String adminPassword() {
        return adminPassword;
    }

    public MimeoApi api() {
        return api;
    }

    public Settings settings() {
        return settings;
    }

    public Path dataDir() {
        return dataDir;
    }

    @Override
    public void close() {
        resources.close();
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
