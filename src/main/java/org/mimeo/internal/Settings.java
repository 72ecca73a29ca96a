package org.mimeo.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Every {@code mimeo.*} setting, read once through MicroProfile Config (system properties {@code -Dname=value},
 * environment variables such as {@code MIMEO_API_MAXWAITSECONDS}, or any other config source), checked, and
 * logged with its value (MIMEO001300). A bad value fails the first read with a message naming the setting;
 * {@link SettingsCheck} makes that read at deployment, so a bad value stops the deployment.
 * Nothing else in Mimeo reads system properties or the environment.
 */
public final class Settings {

    /** Longest time a request with {@code wait=true} (refresh, maker) or {@code lockWait} ties an HTTP worker. */
    public static final String MAX_WAIT_SECONDS = "mimeo.api.maxWaitSeconds";
    /** Batch threads: refreshes running at once on this server (configure-mimeo.cli uses the same property). */
    public static final String BATCH_THREADS = "mimeo.batch.threads";
    /** Most connections of MimeoDS, the destination pool (configure-mimeo.cli uses the same property). */
    public static final String POOL_MAX = "mimeo.db.pool.max";
    /** Most connections of each source's pool. */
    public static final String SOURCE_POOL_MAX = "mimeo.source.pool.max";
    public static final String TEST_HOOKS = "mimeo.testHooks";
    public static final String SECRET_KEY_STORE = "mimeo.secretKeyStore";

    /** Connections a running refresh may hold at once, from the destination pool and from its source's pool. */
    static final int PER_REFRESH = 2;
    /** Destination or source connections kept for the lock session, the scheduler, checks and API requests. */
    static final int RESERVE = 5;

    /** Names of settings whose values the log never shows. */
    private static final Pattern SECRET_NAME = Pattern.compile("(?i)(password|passphrase|secret|token|credential)$");

    private static volatile Settings current;

    private final List<Value> values = new ArrayList<>();
    private final int maxWaitSeconds;
    private final int batchThreads;
    private final int poolMax;
    final SourcePool sourcePool;
    final Timeouts timeouts;
    private final int conditionCheckSeconds;
    private final int schedulerIntervalSeconds;
    private final int schedulerJobs;
    private final int retentionDays;
    private final boolean testHooks;
    private final Path secretKeyStore;
    private final String nodeName;

    /**
     * A source's pool. {@code leak} and {@code idle} zero: off.
     *
     * @param max     most connections open at once
     * @param acquire how long a borrower waits for a free connection before it fails
     * @param leak    a connection borrowed longer is reported (MIMEO001304)
     * @param idle    an unused connection is closed after this long
     */
    public record SourcePool(int max, Duration acquire, Duration leak, Duration idle) {
    }

    Settings(Function<String, Optional<String>> config) {
        Reader read = new Reader(config);
        maxWaitSeconds = read.integer(MAX_WAIT_SECONDS, 300, 1);
        batchThreads = read.integer(BATCH_THREADS, 10, 1);
        poolMax = read.integer(POOL_MAX, 40, 1);
        sourcePool = new SourcePool(read.integer(SOURCE_POOL_MAX, batchThreads * PER_REFRESH + RESERVE, 1),
                Duration.ofSeconds(read.integer("mimeo.source.pool.acquireSeconds", 60, 1)),
                Duration.ofSeconds(read.integer("mimeo.source.pool.leakSeconds", 3600, 0)),
                Duration.ofSeconds(read.integer("mimeo.source.pool.idleSeconds", 300, 0)));
        timeouts = new Timeouts(read.integer("mimeo.timeout.sourceConnect", 10, 0), read.integer("mimeo.timeout.sourceLogin", 30, 0),
                read.integer("mimeo.timeout.sourceSocket", 600, 0), read.integer("mimeo.timeout.ddlLock", 60, 0),
                read.integer("mimeo.timeout.ddlStatement", 3600, 0));
        conditionCheckSeconds = read.integer("mimeo.conditionCheckTimeoutSeconds", 30, 0);
        schedulerIntervalSeconds = read.integer("mimeo.scheduler.intervalSeconds", 1, 0);
        schedulerJobs = read.integer("mimeo.scheduler.jobs", 4, 1);
        retentionDays = read.integer("mimeo.retention.days", 30, 0);
        testHooks = read.bool(TEST_HOOKS, false);
        String configDir = read.text("jboss.server.config.dir", ".");
        secretKeyStore = Path.of(read.text(SECRET_KEY_STORE, Path.of(configDir, "mimeo-secrets.cs").toString()));
        nodeName = read.text("jboss.node.name", "mimeo");
    }

    /** The settings of this deployment: read, checked and logged at the first call. */
    public static Settings current() {
        Settings s = current;
        if (s == null) {
            synchronized (Settings.class) {
                if (current == null) {
                    Settings read = new Settings(Settings::configured);
                    read.values.forEach(v -> MimeoLogger.LOG.setting(v.name(), envVar(v.name()), v.shown(), v.origin()));
                    current = read;
                }
                s = current;
            }
        }
        return s;
    }

    private static Optional<String> configured(String name) {
        Config config;
        try {
            config = ConfigProvider.getConfig();
        } catch (IllegalStateException noConfigImplementation) {
            // outside the server (unit tests, tools) only system properties apply
            return Optional.ofNullable(System.getProperty(name));
        }
        return config.getOptionalValue(name, String.class);
    }

    /** The environment variable MicroProfile Config maps to {@code name}: non-alphanumerics to '_', upper case. */
    static String envVar(String name) {
        return name.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    // ---- accessors kept static for the callers

    public static Duration maxWait() {
        return Duration.ofSeconds(current().maxWaitSeconds);
    }

    public static int batchThreads() {
        return current().batchThreads;
    }

    public static int poolMax() {
        return current().poolMax;
    }

    public static SourcePool sourcePool() {
        return current().sourcePool;
    }

    public static Timeouts timeouts() {
        return current().timeouts;
    }

    /** Seconds a user's condition may run where Mimeo checks it outside a refresh (makers, PATCH, checks); 0: no limit. */
    public static int conditionCheckSeconds() {
        return current().conditionCheckSeconds;
    }

    /** Seconds between two looks for due refreshes; 0: the scheduler is off. */
    public static int schedulerIntervalSeconds() {
        return current().schedulerIntervalSeconds;
    }

    /** Scheduled refreshes running at once from this server. */
    public static int schedulerJobs() {
        return current().schedulerJobs;
    }

    /** History older than this many days is purged; 0: never. */
    public static int retentionDays() {
        return current().retentionDays;
    }

    public static boolean testHooks() {
        return current().testHooks;
    }

    /** The Elytron credential store file that holds the key of the source passwords. */
    public static Path secretKeyStore() {
        return current().secretKeyStore;
    }

    /** This server's name in job records and lock holders ({@code jboss.node.name}). */
    public static String nodeName() {
        return current().nodeName;
    }

    /** A value as the log shows it: masked when the setting's name says it holds a secret. */
    static String shown(String name, String value) {
        return SECRET_NAME.matcher(name).find() ? "****" : value;
    }

    /** What was read, in reading order, as logged at start. */
    List<Value> values() {
        return Collections.unmodifiableList(values);
    }

    /** One setting as read: its value as logged ({@code ****} for a secret) and whether it was set or defaulted. */
    record Value(String name, String shown, String origin) {
    }

    /** Reads and checks one setting at a time, remembering what it read. */
    private final class Reader {

        private final Function<String, Optional<String>> config;

        Reader(Function<String, Optional<String>> config) {
            this.config = config;
        }

        int integer(String name, int defaultValue, int min) {
            Optional<String> text = config.apply(name).map(String::strip);
            int value = defaultValue;
            if (text.isPresent()) {
                try {
                    value = Integer.parseInt(text.get());
                } catch (NumberFormatException e) {
                    value = Integer.MIN_VALUE;
                }
                if (value < min) {
                    String rule = min == 0 ? "0 (off) or a positive whole number" : "a whole number of at least " + min;
                    throw new IllegalArgumentException(MimeoMessages.MSG.invalidSetting(name, envVar(name), rule, text.get()));
                }
            }
            remember(name, Integer.toString(value), text.isPresent());
            return value;
        }

        boolean bool(String name, boolean defaultValue) {
            Optional<String> text = config.apply(name).map(String::strip);
            if (text.isPresent() && !text.get().equalsIgnoreCase("true") && !text.get().equalsIgnoreCase("false")) {
                throw new IllegalArgumentException(MimeoMessages.MSG.invalidSetting(name, envVar(name), "true or false", text.get()));
            }
            boolean value = text.map(Boolean::parseBoolean).orElse(defaultValue);
            remember(name, Boolean.toString(value), text.isPresent());
            return value;
        }

        String text(String name, String defaultValue) {
            Optional<String> text = config.apply(name).map(String::strip).filter(t -> !t.isEmpty());
            String value = text.orElse(defaultValue);
            remember(name, value, text.isPresent());
            return value;
        }

        private void remember(String name, String value, boolean set) {
            values.add(new Value(name, shown(name, value), set ? "set" : "default"));
        }
    }
}
