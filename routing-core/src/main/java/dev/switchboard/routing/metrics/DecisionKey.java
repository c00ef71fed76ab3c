package dev.switchboard.routing.metrics;

import java.util.Objects;

/**
 * What decisions are counted by: the rule whose chain ran, the strategy that decided, the queue and the outcome.
 *
 * @param rule the rule's name, or empty when the plan has one rule (or for claims and transfers)
 * @param strategy the chain step (or router rule, such as {@code claim}) that decided
 * @param queue the queue a queued conversation entered, or the queue an assigned or rejected one left; empty when
 *     it was in none
 * @param outcome assigned, queued or rejected
 */
public record DecisionKey(String rule, String strategy, String queue, Outcome outcome) {

    public DecisionKey {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(outcome, "outcome");
    }
}
