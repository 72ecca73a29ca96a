package org.mimeo.internal;

import java.time.Duration;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Mimeo's server settings, read through MicroProfile Config (system properties {@code -Dname=value},
 * environment variables such as {@code MIMEO_API_MAXWAITSECONDS}, or any other config source), each with its
 * default. {@link CapacityCheck} logs them at start and checks them against each other.
 */
public final class Settings {

    /** Longest time a request with {@code wait=true} (refresh, maker) or {@code lockWait} ties an HTTP worker. */
    public static final String MAX_WAIT_SECONDS = "mimeo.api.maxWaitSeconds";
    /** Batch threads: refreshes running at once on this server (configure-mimeo.cli uses the same property). */
    public static final String BATCH_THREADS = "mimeo.batch.threads";
    /** Most connections of MimeoDS, the destination pool (configure-mimeo.cli uses the same property). */
    public static final String POOL_MAX = "mimeo.db.pool.max";

    public static final int DEFAULT_MAX_WAIT_SECONDS = 300;
    public static final int DEFAULT_BATCH_THREADS = 10;
    public static final int DEFAULT_POOL_MAX = 40;

    private Settings() {
    }

    public static Duration maxWait() {
        return Duration.ofSeconds(positive(MAX_WAIT_SECONDS, DEFAULT_MAX_WAIT_SECONDS));
    }

    public static int batchThreads() {
        return positive(BATCH_THREADS, DEFAULT_BATCH_THREADS);
    }

    public static int poolMax() {
        return positive(POOL_MAX, DEFAULT_POOL_MAX);
    }

    private static int positive(String name, int defaultValue) {
        int value = ConfigProvider.getConfig().getOptionalValue(name, Integer.class).orElse(defaultValue);
        if (value <= 0) {
            throw new IllegalArgumentException("Setting " + name + " must be a positive integer, not " + value);
        }
        return value;
    }
}
