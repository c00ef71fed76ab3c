package dev.switchboard.routing;

import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The router's time: the host's clock, except that it never goes backwards. When the host's clock reads earlier than
 * the latest instant the router has used (it was set back), the router treats it as no time passing: its time stands
 * at that latest instant until the host's clock catches up. So deadlines, SLAs, caps' windows and offline grace
 * periods never count time backwards, and events stay in time order.
 *
 * <p>Any thread may read it. A reading taken under the router's exclusive lock, where no other reading races with it,
 * also notices that the host's clock went back, and logs it once each time it does.
 */
final class RouterClock implements InstantSource {

    private static final Logger LOG = LoggerFactory.getLogger(Router.class);

    private final InstantSource host;
    private final AtomicReference<Instant> latest;
    /** The previous reading under the exclusive lock, and whether it was behind {@link #latest}; guarded by it. */
    private Instant lastChecked;
    private boolean behind;

    RouterClock(InstantSource host) {
        this.host = host;
        this.lastChecked = read();
        this.latest = new AtomicReference<>(lastChecked);
    }

    /** The router's time now, on any thread: the host's, or the latest used when the host's clock is behind it. */
    @Override
    public Instant instant() {
        Instant reading = read();
        Instant seen = latest.get();
        while (reading.isAfter(seen)) {
            if (latest.compareAndSet(seen, reading)) {
                return reading;
            }
            seen = latest.get();
        }
        return seen;
    }

    /**
     * The router's time now, read under its exclusive lock: as {@link #instant()}, and a reading earlier than the
     * latest instant used means that the host's clock went back, which is logged when it first falls behind and each
     * time it goes back again while behind.
     */
    Instant instantChecked() {
        Instant reading = read();
        Instant seen = latest.get();
        if (!reading.isBefore(seen)) {
            latest.set(reading);
            lastChecked = reading;
            behind = false;
            return reading;
        }
        if (!behind || reading.isBefore(lastChecked)) {
            LOG.warn("The clock went back to {}, before {}, the latest instant the router used; the router treats it as"
                    + " no time passing until the clock catches up", reading, seen);
        }
        lastChecked = reading;
        behind = true;
        return seen;
    }

    /** The host's clock reading, refused when outside {@link Bounds}, before the call that reads it changes anything. */
    private Instant read() {
        return Checks.instant(host.instant(), "the router's clock reading");
    }
}
