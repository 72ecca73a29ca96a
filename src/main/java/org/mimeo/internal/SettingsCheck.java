package org.mimeo.internal;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;

/**
 * At deployment: reads, checks and logs every setting ({@link Settings#current()}; a bad value stops the
 * deployment), then checks the capacity settings against each other. A running refresh holds up to two
 * destination connections at once (its chunk transaction, its log and the job repository's updates) and up to
 * two connections to its source; the scheduler, the API and this server's lock session need a few more.
 */
@Singleton
@Startup
public class SettingsCheck {

    @PostConstruct
    void check() {
        Settings.current();
        int threads = Settings.batchThreads();
        int pool = Settings.poolMax();
        MimeoLogger.LOG.capacity(threads, pool, Settings.maxWait().toSeconds());
        int needed = threads * Settings.PER_REFRESH + Settings.RESERVE;
        if (pool < needed) {
            MimeoLogger.LOG.poolTooSmall(pool, threads, Settings.POOL_MAX, needed, Settings.BATCH_THREADS);
        }
        int sourcePool = Settings.sourcePool().max();
        if (sourcePool < needed) {
            MimeoLogger.LOG.sourcePoolTooSmall(sourcePool, threads, needed);
        }
    }
}
