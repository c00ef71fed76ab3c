package dev.switchboard.routing.examples.bench;

import java.util.Arrays;

/** What is benchmarked: one strategy alone, or a chain; the names are the values of the benchmark's parameter. */
public enum Scenario {
    /** Round-robin over the online agents with room. */
    ROUND_ROBIN("round-robin"),
    /** Skill-based: the best skill score among matching online agents with room, ties to the least loaded. */
    SKILL_BASED("skill-based"),
    /** Deterministic shares in proportion to the agents' weights. */
    WEIGHTED_CAPACITY("weighted-capacity"),
    /** The fewest open conversations, ties to the longest idle, then roster order. */
    LEAST_LOADED("least-loaded"),
    /**
     * Sticky previous owner, with round-robin when it passes (a sticky step alone would send every first-time
     * customer to the queue, so nobody would ever be remembered).
     */
    STICKY("sticky"),
    /** The full chain: sticky → skill-based → weighted-capacity → the manual-review queue. */
    CHAIN("chain");

    private final String label;

    Scenario(String label) {
        this.label = label;
    }

    /** The name used as the benchmark parameter and in results. */
    public String label() {
        return label;
    }

    /** The scenario with this {@link #label()}. */
    public static Scenario of(String label) {
        return Arrays.stream(values()).filter(s -> s.label.equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown scenario '" + label + "'; one of "
                        + Arrays.stream(values()).map(Scenario::label).toList()));
    }
}
