package dev.switchboard.routing.event;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers events to a listener on an {@link Executor} the host provides, so that routing never waits on a slow
 * listener (a CRM call, a Slack message): {@link #onEvent} puts the event in a bounded queue and returns. Events are
 * delivered one at a time, in the order they arrived. When the queue is full, the {@link WhenFull policy} says what
 * happens: drop the event at once, or wait up to a bound for room and then drop it; dropped events are counted
 * ({@link #dropped()}), and memory stays bounded by the capacity. A listener that throws is logged and counted
 * ({@link #failed()}), and delivery goes on. {@link #close()} delivers what is queued.
 *
 * <pre>{@code
 * AsyncListener notifier = AsyncListener.wrap(slack, executor, 10_000, AsyncListener.WhenFull.dropAtOnce());
 * Router router = Router.builder().listener(notifier)...build();
 * // on shutdown: notifier.close(); executor.shutdown();
 * }</pre>
 */
public final class AsyncListener implements RoutingListener, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AsyncListener.class);

    private final RoutingListener delegate;
    private final Executor executor;
    private final WhenFull whenFull;
    private final BlockingQueue<RoutingEvent> queue;
    /** Whoever holds it delivers: the executor's task, or the thread closing this listener. */
    private final ReentrantLock delivering = new ReentrantLock();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final LongAdder dropped = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private volatile boolean closed;

    /**
     * What {@link #onEvent} does with an event when the queue is full.
     *
     * @param maxWait how long the routing thread may wait for room before the event is dropped; zero drops it at once
     */
    public record WhenFull(Duration maxWait) {

        public WhenFull {
            Objects.requireNonNull(maxWait, "maxWait");
            if (maxWait.isNegative()) {
                throw new IllegalArgumentException("maxWait must not be negative, was " + maxWait);
            }
        }

        /** {@return the policy that drops the event and counts it, without waiting} */
        public static WhenFull dropAtOnce() {
            return new WhenFull(Duration.ZERO);
        }

        /**
         * {@return the policy that waits up to {@code maxWait} for room, then drops the event and counts it}
         *
         * @param maxWait the longest the routing thread waits
         */
        public static WhenFull waitUpTo(Duration maxWait) {
            return new WhenFull(maxWait);
        }
    }

    private AsyncListener(RoutingListener delegate, Executor executor, int capacity, WhenFull whenFull) {
        this.delegate = delegate;
        this.executor = executor;
        this.whenFull = whenFull;
        this.queue = new ArrayBlockingQueue<>(capacity);
    }

    /**
     * Wraps a listener so that its events are delivered on {@code executor}.
     *
     * @param delegate the listener that gets the events
     * @param executor runs the deliveries; one task at a time per listener
     * @param capacity how many events may wait for delivery, at least 1
     * @param whenFull what happens to an event that finds the queue full
     * @return the listener to give the router
     */
    public static AsyncListener wrap(RoutingListener delegate, Executor executor, int capacity, WhenFull whenFull) {
        Objects.requireNonNull(delegate, "delegate");
        Objects.requireNonNull(executor, "executor");
        Objects.requireNonNull(whenFull, "whenFull");
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        return new AsyncListener(delegate, executor, capacity, whenFull);
    }

    /** Queues the event for delivery; drops and counts it when the queue stays full, or once closed. */
    @Override
    public void onEvent(RoutingEvent event) {
        Objects.requireNonNull(event, "event");
        if (closed || !offer(event)) {
            dropped.increment();
            return;
        }
        schedule();
    }

    /** {@return events dropped: the queue was full, or the listener closed} */
    public long dropped() {
        return dropped.sum();
    }

    /** {@return events whose delivery threw; each was logged} */
    public long failed() {
        return failed.sum();
    }

    /** {@return events waiting for delivery now} */
    public int queued() {
        return queue.size();
    }

    /**
     * Stops taking events (later ones are dropped and counted) and delivers those queued, on this thread if the
     * executor's task is not delivering them; returns when they are delivered. Close it after the router's last call,
     * so that no event is being queued at the same time.
     */
    @Override
    public void close() {
        closed = true;
        delivering.lock();
        try {
            deliverQueued();
        } finally {
            delivering.unlock();
        }
    }

    private boolean offer(RoutingEvent event) {
        if (whenFull.maxWait().isZero()) {
            return queue.offer(event);
        }
        try {
            return queue.offer(event, whenFull.maxWait().toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void schedule() {
        if (scheduled.compareAndSet(false, true)) {
            try {
                executor.execute(this::drain);
            } catch (RejectedExecutionException e) {
                scheduled.set(false); // the next event, or close(), delivers what is queued
                LOG.warn("Executor refused to deliver routing events to {}; {} wait for the next try", delegate,
                        queue.size());
            }
        }
    }

    /** The executor's task: delivers until the queue is empty, unless another thread is delivering. */
    private void drain() {
        scheduled.set(false);
        if (!delivering.tryLock()) {
            return; // the holder looks at the queue again when it lets go
        }
        try {
            deliverQueued();
        } finally {
            delivering.unlock();
        }
        if (!queue.isEmpty()) {
            schedule();
        }
    }

    private void deliverQueued() {
        RoutingEvent event;
        while ((event = queue.poll()) != null) {
            try {
                delegate.onEvent(event);
            } catch (RuntimeException e) {
                failed.increment();
                LOG.warn("Routing listener {} failed on a {} event; delivery goes on", delegate,
                        event.getClass().getSimpleName(), e);
            }
        }
    }
}
