package dev.switchboard.routing.examples.simulator;

import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.OfferPolicy;
import dev.switchboard.routing.QueueSpec;
import dev.switchboard.routing.Router;
import dev.switchboard.routing.RoutingPlan;
import dev.switchboard.routing.Rule;
import dev.switchboard.routing.Strategy;
import dev.switchboard.routing.config.RoutingConfig;
import dev.switchboard.routing.strategy.LeastLoaded;
import dev.switchboard.routing.strategy.RoundRobin;
import dev.switchboard.routing.strategy.SkillBased;
import dev.switchboard.routing.strategy.StickyPreviousOwner;
import dev.switchboard.routing.strategy.WeightedCapacity;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A routing setup under comparison: either one chain of strategies for every conversation, with the queue where
 * conversations wait when no step can place them, or a {@link RoutingPlan} of ordered rules, each with its owners,
 * chain and queue. Strategies and plans are immutable, so one chain serves every run.
 *
 * @param name a short name for tables and charts
 * @param description the routing in words
 * @param routing how conversations are routed
 */
record Chain(String name, String description, Routing routing) {

    /** The queue where a person reviews what no step could place. */
    static final String MANUAL_REVIEW = "manual-review";

    /** The waiting queue of chains without manual review. */
    static final String WAITING = "waiting";

    /** How a chain routes: {@link Steps}, {@link Rules} or a {@link Document}. */
    sealed interface Routing permits Steps, Rules, Document {}

    /**
     * One chain for every conversation.
     *
     * @param steps the strategies, tried in this order
     * @param fallbackQueue the router's fallback queue, whose SLA is the day's
     */
    record Steps(List<Strategy> steps, String fallbackQueue) implements Routing {
        Steps {
            steps = List.copyOf(steps);
        }
    }

    /**
     * Ordered rules, with their own queues and SLAs.
     *
     * @param plan the rules and queues
     */
    record Rules(RoutingPlan plan) implements Routing {}

    /**
     * A routing configuration, whose router is built from it as a host builds one ({@code
     * RouterSettings.routerBuilder}), so that a log recorded from it rebuilds the same router.
     *
     * @param config the document: its roster, plan, identity linking and response deadlines
     */
    record Document(RoutingConfig config) implements Routing {}

    /** A chain of strategies for every conversation, then {@code fallbackQueue}. */
    Chain(String name, String description, List<Strategy> steps, String fallbackQueue) {
        this(name, description, new Steps(steps, fallbackQueue));
    }

    /** The chains of strategies the simulator always compares, in the order they are reported. */
    static List<Chain> standard() {
        return List.of(
                new Chain("round-robin", "round-robin only", List.of(new RoundRobin()), WAITING),
                new Chain("skills+least-loaded", "skill-based, then least-loaded",
                        List.of(SkillBased.builder().build(), new LeastLoaded()), WAITING),
                new Chain("sticky+skills+weighted", "sticky previous owner, then skill-based, then weighted "
                        + "capacity, then manual review",
                        List.of(new StickyPreviousOwner(), SkillBased.builder().build(), new WeightedCapacity()),
                        MANUAL_REVIEW));
    }

    /**
     * Gives the builder this chain's routing; {@code queueSla} is the SLA of a chain of strategies' queue. A
     * {@link Document} builds its own builder ({@link Simulation#routerBuilder}).
     */
    Router.Builder configure(Router.Builder builder, Duration queueSla) {
        if (routing instanceof Steps steps) {
            return builder.chain(steps.steps().toArray(Strategy[]::new)).fallbackQueue(steps.fallbackQueue(), queueSla);
        }
        return builder.plan(plan().orElseThrow());
    }

    /**
     * The queues this chain's conversations wait in, with their SLAs: a chain of strategies' fallback queue, whose
     * SLA is {@code queueSla} (the day's), or the plan's queues.
     */
    List<QueueSpec> queues(Duration queueSla) {
        if (routing instanceof Steps steps) {
            return List.of(new QueueSpec(steps.fallbackQueue(), queueSla));
        }
        return plan().orElseThrow().queues();
    }

    /** The plan of a chain of rules or of a document; a chain of steps has none. */
    Optional<RoutingPlan> plan() {
        if (routing instanceof Document document) {
            return Optional.of(document.config().plan());
        }
        return routing instanceof Rules rules ? Optional.of(rules.plan()) : Optional.empty();
    }

    /**
     * Whether a conversation that entered {@code queue} was sent there for a person to review. A chain of
     * strategies sends to review what waits in its fallback queue when that queue is {@value #MANUAL_REVIEW}; a
     * plan sends to review what a rule that picks no owner takes (the last rule, which catches what no other rule
     * matched, or a rule with a queue and no chain), and what a rule's offers send to review after repeated
     * refusals, not what waits for a team with no room.
     */
    boolean sendsToReview(Conversation conversation, String queue) {
        if (routing instanceof Steps steps) {
            return steps.fallbackQueue().equals(MANUAL_REVIEW) && queue.equals(MANUAL_REVIEW);
        }
        for (Rule rule : plan().orElseThrow().rules()) {
            if (rule.matches(conversation)) {
                return rule.chain().isEmpty() && rule.queue().equals(queue)
                        || rule.offer().flatMap(OfferPolicy::reviewQueue).filter(queue::equals).isPresent();
            }
        }
        return false;
    }
}
