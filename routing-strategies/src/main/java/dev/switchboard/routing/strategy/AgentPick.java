package dev.switchboard.routing.strategy;

import dev.switchboard.routing.Bounds;
import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.Owner;
import dev.switchboard.routing.Requirements;
import dev.switchboard.routing.PassReason;
import dev.switchboard.routing.RoutingView;
import dev.switchboard.routing.Strategy;
import dev.switchboard.routing.Verdict;
import dev.switchboard.routing.WaitingConversation;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Agents pick their own work. A new conversation waits in an unassigned pool, a queue of the router, where each
 * agent sees the conversations it may take ({@link #visibleTo}) and takes one with {@code Router.claim}, which is
 * atomic: when two agents claim the same conversation, one gets it and the other is told who did. A conversation
 * nobody claims before the claim deadline (counted from when it was created) is passed on with
 * {@link PassReason#EXPIRED}, so that the next step of the chain assigns it the next time the router drains its
 * queues ({@code Router.tick()}, or when capacity frees).
 *
 * <p>This step never picks an owner itself, so it has no busy policy: {@code Router.claim} lets online and busy
 * agents with free capacity claim.
 *
 * <pre>{@code
 * AgentPick agentPick = new AgentPick("pool", Duration.ofMinutes(10));
 * Router router = Router.builder()
 *         .chain(agentPick, new RoundRobin())
 *         .queue("pool", Duration.ofMinutes(30))
 *         .fallbackQueue("waiting", Duration.ofMinutes(15))
 *         .build();
 * List<WaitingConversation> mine = agentPick.visibleTo(ana, router.waiting());
 * }</pre>
 */
public final class AgentPick implements Strategy {

    private static final DateTimeFormatter CLOCK_TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final String name;
    private final String poolQueue;
    private final Duration claimDeadline;
    private final ZoneId zone;

    /**
     * A pool step named {@code agent-pick} that shows times in UTC.
     *
     * @param poolQueue the router queue that is the pool (declare it with {@code Router.Builder.queue})
     * @param claimDeadline how long after its creation a conversation may wait to be claimed, positive and at most
     *     {@link Bounds#MAX_DURATION}
     */
    public AgentPick(String poolQueue, Duration claimDeadline) {
        this(builder(poolQueue, claimDeadline));
    }

    private AgentPick(Builder builder) {
        this.name = builder.name;
        this.poolQueue = builder.poolQueue;
        this.claimDeadline = builder.claimDeadline;
        this.zone = builder.zone;
    }

    /** A builder with the pool queue and claim deadline of {@link #AgentPick(String, Duration)}. */
    public static Builder builder(String poolQueue, Duration claimDeadline) {
        return new Builder(poolQueue, claimDeadline);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Verdict decide(Conversation conversation, RoutingView view) {
        Instant deadline = conversation.createdAt().plus(claimDeadline);
        String until = CLOCK_TIME.format(deadline.atZone(zone));
        if (view.now().isBefore(deadline)) {
            return Verdict.enqueue(poolQueue, "waiting in " + poolQueue + " for an agent to claim it, until " + until);
        }
        return Verdict.pass(PassReason.EXPIRED, "no agent claimed it from " + poolQueue + " within "
                + Durations.describe(claimDeadline) + " (deadline " + until + " passed)");
    }

    /**
     * What an agent sees in the pool: the conversations of {@code waiting} (such as {@code router.waiting()}) that
     * are in the pool and whose requirements the owner meets, every skill at its minimum, language and region, by
     * the same rule as {@link SkillBased} before any relaxation. Kept in the order given, which for
     * {@code router.waiting()} is serve order. Whether the owner has room now is checked when it claims.
     */
    public List<WaitingConversation> visibleTo(Owner owner, List<WaitingConversation> waiting) {
        Args.notNull(owner, "owner");
        Args.notNull(waiting, "waiting");
        List<WaitingConversation> visible = new ArrayList<>();
        for (WaitingConversation entry : waiting) {
            Args.notNull(entry, "waiting entry");
            if (entry.queue().equals(poolQueue) && Requirements.of(entry.conversation()).metBy(owner)) {
                visible.add(entry);
            }
        }
        return List.copyOf(visible);
    }

    /** Builds an {@link AgentPick}; each option is checked when set, and {@link #build()} leaves it reusable. */
    public static final class Builder {
        private String name = "agent-pick";
        private final String poolQueue;
        private final Duration claimDeadline;
        private ZoneId zone = ZoneOffset.UTC;

        private Builder(String poolQueue, Duration claimDeadline) {
            this.poolQueue = Bounds.id(poolQueue, "poolQueue");
            this.claimDeadline = Bounds.positiveDuration(claimDeadline, "claimDeadline");
        }

        /** The step's name in traces (unique within a router). */
        public Builder name(String value) {
            name = Names.check(value);
            return this;
        }

        /** The time zone of the clock times in verdicts, such as "until 09:30" (default UTC). */
        public Builder zone(ZoneId value) {
            zone = Args.notNull(value, "zone");
            return this;
        }

        /** The pool step, as configured. */
        public AgentPick build() {
            return new AgentPick(this);
        }
    }
}
