package org.mimeo.internal;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;

/**
 * At start: logs the capacity settings and checks that the destination pool can serve every batch thread.
 * A running refresh needs up to two destination connections at once (its chunk transaction, its log and
 * the job repository's updates); the scheduler, the API and this server's lock session need a few more.
 */
@Singleton
@Startup
public class CapacityCheck {

    /** Connections a running refresh may hold at once. */
    static final int PER_REFRESH = 2;
    /** Connections kept for the lock session, the scheduler and API requests. */
    static final int RESERVE = 5;

    @PostConstruct
    void check() {
        int threads = Settings.batchThreads();
        int pool = Settings.poolMax();
        MimeoLogger.LOG.capacity(threads, pool, Settings.maxWait().toSeconds());
        int needed = threads * PER_REFRESH + RESERVE;
        if (pool < needed) {
            MimeoLogger.LOG.poolTooSmall(pool, threads, Settings.POOL_MAX, needed, Settings.BATCH_THREADS);
        }
    }
}
