package dev.switchboard.routing;

import java.util.concurrent.atomic.LongAdder;

/**
 * The counters behind {@link Router#stats()}, one per {@link RouterStats} figure: adders, so that routes and releases
 * on several threads count without contending.
 */
final class Counters {

    final LongAdder routed = new LongAdder();
    final LongAdder assigned = new LongAdder();
    final LongAdder queued = new LongAdder();
    final LongAdder rejected = new LongAdder();
    final LongAdder transferred = new LongAdder();
    final LongAdder rerouted = new LongAdder();
    final LongAdder released = new LongAdder();
    final LongAdder slaBreached = new LongAdder();
    final LongAdder joined = new LongAdder();
    final LongAdder retried = new LongAdder();
    final LongAdder overflowed = new LongAdder();

    /** The figures now, each summed on its own: taken beside routes on other threads, they may differ by those. */
    RouterStats stats() {
        return new RouterStats(routed.sum(), assigned.sum(), queued.sum(), rejected.sum(), transferred.sum(),
                rerouted.sum(), released.sum(), slaBreached.sum(), joined.sum(), retried.sum(), overflowed.sum());
    }
}
