package dev.switchboard.routing.strategy;

import dev.switchboard.routing.Bounds;
import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.PassReason;
import dev.switchboard.routing.RoutingView;
import dev.switchboard.routing.Strategy;
import dev.switchboard.routing.Verdict;
import java.time.Duration;
import java.util.Optional;

/**
 * Keeps conversations idle too long out of automatic assignment, as Chatwoot's {@code exclude_older_than_hours}
 * does: a conversation whose customer last wrote ({@link Conversation#lastActivityAt()}) more than {@code olderThan}
 * ago is not given to anyone by the steps after this one. It is sent to a queue when one is named (to be claimed or
 * reviewed), or else held where it waits, where owners may still claim it. Fresher conversations pass on to the next
 * step. Put it first in a chain; as it is decided again whenever the queues drain, a conversation that goes stale
 * while it waits is moved too.
 */
public final class ExcludeStale implements Strategy {

    private final String name;
    private final Duration olderThan;
    private final Optional<String> queue;

    /**
     * @param name the step's name in traces (unique within a router)
     * @param olderThan how long since its last activity a conversation may be assigned automatically, positive
     *     and at most {@link Bounds#MAX_DURATION}
     * @param queue where stale conversations go, a queue the plan declares; empty holds them where they wait
     */
    public ExcludeStale(String name, Duration olderThan, Optional<String> queue) {
        this.name = Names.check(name);
        this.olderThan = Bounds.positiveDuration(olderThan, "olderThan");
        this.queue = Args.notNull(queue, "queue");
        queue.ifPresent(value -> Bounds.id(value, "queue"));
    }

    /** Holds conversations idle longer than {@code olderThan} where they wait, named {@code exclude-stale}. */
    public ExcludeStale(Duration olderThan) {
        this("exclude-stale", olderThan, Optional.empty());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Verdict decide(Conversation conversation, RoutingView view) {
        Duration idle = Duration.between(conversation.lastActivityAt(), view.now());
        if (idle.compareTo(olderThan) <= 0) {
            return Verdict.pass(PassReason.NOT_APPLICABLE, "last activity " + Durations.describe(idle)
                    + " ago, within the limit of " + Durations.describe(olderThan));
        }
        String reason = "no activity for " + Durations.describe(idle) + ", longer than the limit of "
                + Durations.describe(olderThan) + ", so it is not assigned automatically";
        return queue.<Verdict>map(name -> new Verdict.Enqueue(name, reason)).orElseGet(() -> Verdict.hold(reason));
    }
}
