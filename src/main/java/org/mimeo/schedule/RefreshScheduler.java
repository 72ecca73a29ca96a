package org.mimeo.schedule;

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
import org.jboss.logging.Logger;
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

    private static final Logger LOG = Logger.getLogger(RefreshScheduler.class);

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
        long seconds = Long.getLong("mimeo.scheduler.intervalSeconds", 1);
        maxJobs = Integer.getInteger("mimeo.scheduler.jobs", 4);
        if (seconds <= 0) {
            LOG.info("MIMEO001021: Scheduled refreshes are off (mimeo.scheduler.intervalSeconds=0); use POST /mimeo/api/refresh-due");
            return;
        }
        timers.createIntervalTimer(seconds * 1000, seconds * 1000, new TimerConfig("mimeo refresh scheduler", false));
        LOG.infof("MIMEO001022: Scheduled refreshes checked every %d s, at most %d at once from this server", seconds, maxJobs);
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
            LOG.warnf(e, "MIMEO001023: Scheduler tick failed; it runs again at the next tick");
        } finally {
            ticking.set(false);
        }
    }
}
