package org.mimeo.schedule;

import org.mimeo.internal.MimeoLogger;
import org.mimeo.internal.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicBoolean;
import org.mimeo.job.RefreshLocks;

/**
 * The scheduler (the original's cron + run_refresh.py): an EJB interval timer, created at every
 * start, starts due refreshes, at most {@code mimeo.scheduler.jobs} (default 4) running at once from
 * this server. {@code mimeo.scheduler.intervalSeconds} (default 1; 0 turns scheduling off) sets the tick.
 * Two servers on one destination may both schedule: the advisory lock lets one refresh a table at a time.
 */
@Singleton
@Startup
@DependsOn("Bootstrap")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RefreshScheduler {


    @Resource
    TimerService timers;

    @Inject
    DueRefreshes due;

    @Inject
    RefreshLocks locks;

    private final AtomicBoolean ticking = new AtomicBoolean();
    private int maxJobs;

    @PostConstruct
    void schedule() {
        long seconds = Settings.schedulerIntervalSeconds();
        maxJobs = Settings.schedulerJobs();
        if (seconds <= 0) {
            MimeoLogger.LOG.schedulerOff();
            return;
        }
        timers.createIntervalTimer(seconds * 1000, seconds * 1000, new TimerConfig("mimeo refresh scheduler", false));
        MimeoLogger.LOG.schedulerOn(seconds, maxJobs);
    }

    @Timeout
    void tick() {
        if (!ticking.compareAndSet(false, true)) {
            return;
        }
        try {
            int free = maxJobs - locks.heldCount();
            if (free > 0) {
                due.start(null, free);
            }
        } catch (RuntimeException e) {
            MimeoLogger.LOG.schedulerTickFailed(e);
        } finally {
            ticking.set(false);
        }
    }
}
