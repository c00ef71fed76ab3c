package dev.switchboard.routing.redis;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One outage of the test's redis-server in the middle of a run of workers: it is killed once every worker has made
 * its calls before the outage ({@link #workedBefore}), and started again once every worker has seen it down
 * ({@link #sawItDown}); then {@link #isOver} tells the workers to make their calls after it.
 */
final class RedisOutage {

    private final CountDownLatch working;
    private final CountDownLatch sawItDown;
    private final CountDownLatch back = new CountDownLatch(1);
    private final Thread killer;

    /** Starts the thread that kills and restarts {@code redis} for {@code workers} workers. */
    RedisOutage(RedisServerExtension redis, int workers) {
        working = new CountDownLatch(workers);
        sawItDown = new CountDownLatch(workers);
        killer = new Thread(() -> {
            try {
                working.await();
                redis.kill();
                sawItDown.await();
                redis.start();
                back.countDown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "redis-killer");
        killer.setDaemon(true);
        killer.start();
    }

    /** A worker has made all its calls before the outage. */
    void workedBefore() {
        working.countDown();
    }

    /** A worker's first failed call: it waits until Redis is back. */
    void sawItDown() {
        sawItDown.countDown();
        try {
            if (!back.await(30, TimeUnit.SECONDS)) {
                throw new AssertionError("Redis did not come back within 30 seconds");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while Redis was down", e);
        }
    }

    /** Whether Redis is back after the outage. */
    boolean isOver() {
        return back.getCount() == 0;
    }

    /** Waits (at most 30 seconds) for the killer thread to end, once the workers are done. */
    void awaitEnd() throws InterruptedException {
        killer.join(TimeUnit.SECONDS.toMillis(30));
    }
}
