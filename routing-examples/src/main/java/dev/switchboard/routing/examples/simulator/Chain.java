package dev.switchboard.routing.examples.simulator;

import dev.switchboard.routing.Strategy;
import dev.switchboard.routing.strategy.LeastLoaded;
import dev.switchboard.routing.strategy.RoundRobin;
import dev.switchboard.routing.strategy.SkillBased;
import dev.switchboard.routing.strategy.StickyPreviousOwner;
import dev.switchboard.routing.strategy.WeightedCapacity;
import java.util.List;

/**
 * A routing chain under comparison: the strategies tried in order, and the queue where conversations wait when no
 * step can place them. Strategies are immutable, so one chain serves every run.
 *
 * @param name a short name for tables and charts
 * @param description the steps in words
 * @param steps the strategies, tried in this order
 * @param fallbackQueue the router's fallback queue
 */
record Chain(String name, String description, List<Strategy> steps, String fallbackQueue) {

    /** The queue where a person reviews what no step could place. */
    static final String MANUAL_REVIEW = "manual-review";

    /** The waiting queue of chains without manual review. */
    static final String WAITING = "waiting";

    Chain {
        steps = List.copyOf(steps);
    }

    /** The chains the simulator compares, in the order they are reported. */
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
}
