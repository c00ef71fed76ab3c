package dev.switchboard.routing.spring;

import dev.switchboard.routing.Router;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;

/**
 * Calls the router's {@link Router#tick()} at a fixed rate on a {@link TaskScheduler} while the application context
 * runs: it starts with the context and stops before the context closes. A tick that fails is logged, and the next
 * one runs as planned. The host's own scheduling ({@code @EnableScheduling}) is neither needed nor touched.
 */
public final class RouterTicker implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(RouterTicker.class);

    private final Router router;
    private final TaskScheduler scheduler;
    private final Duration interval;
    /** The scheduled ticks while running, else null; guarded by {@code this}. */
    private ScheduledFuture<?> ticking;

    /**
     * A ticker, not yet started.
     *
     * @param interval the time between two ticks, positive
     */
    public RouterTicker(Router router, TaskScheduler scheduler, Duration interval) {
        if (router == null || scheduler == null) {
            throw new IllegalArgumentException("router and scheduler must not be null");
        }
        if (interval == null || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive, was " + interval);
        }
        this.router = router;
        this.scheduler = scheduler;
        this.interval = interval;
    }

    /** The time between two ticks. */
    public Duration interval() {
        return interval;
    }

    /** Schedules the ticks, the first one at once; does nothing when already running. */
    @Override
    public synchronized void start() {
        if (ticking == null) {
            ticking = scheduler.scheduleAtFixedRate(this::tick, interval);
        }
    }

    /** Cancels the ticks to come; a tick under way finishes. */
    @Override
    public synchronized void stop() {
        if (ticking != null) {
            ticking.cancel(false);
            ticking = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return ticking != null;
    }

    private void tick() {
        try {
            router.tick();
        } catch (RuntimeException failure) {
            LOG.error("Switchboard's router tick failed; the next one runs in {}", interval, failure);
        }
    }
}
