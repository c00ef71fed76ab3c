package dev.switchboard.routing;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a router does with a new conversation: ordered {@link Rule}s, tried top-down, and the queues they use. The
 * first rule whose conditions hold decides: its chain picks an owner, or the conversation waits in the rule's queue.
 * The last rule has no conditions, so every conversation matches a rule and none goes nowhere; in a plan written for
 * people it sends what nothing else caught to a manual-review queue.
 *
 * <p>A router's plan can be replaced while it runs ({@code Router.replacePlan}); who owns what, and who waits where,
 * is kept.
 *
 * @param queues every queue a rule or a chain step may send conversations to, each with its SLA
 * @param rules the rules, in the order they are tried
 */
public record RoutingPlan(List<QueueSpec> queues, List<Rule> rules) {

    public RoutingPlan {
        queues = Checks.list(queues, "queues");
        rules = Checks.list(rules, "rules");
        Set<String> queueNames = new HashSet<>();
        for (QueueSpec queue : queues) {
            if (!queueNames.add(queue.name())) {
                throw new IllegalArgumentException("queue '" + queue.name() + "' is declared twice");
            }
        }
        if (rules.isEmpty()) {
            throw new IllegalArgumentException("rules must not be empty: the last rule catches every conversation");
        }
        Set<String> ruleNames = new HashSet<>();
        for (Rule rule : rules) {
            if (!ruleNames.add(rule.name())) {
                throw new IllegalArgumentException("rule name '" + rule.name() + "' is used twice");
            }
            if (!queueNames.contains(rule.queue())) {
                throw new IllegalArgumentException("queue '" + rule.queue() + "' of rule '" + rule.name()
                        + "' is not declared");
            }
            rule.offer().flatMap(OfferPolicy::reviewQueue).filter(queue -> !queueNames.contains(queue))
                    .ifPresent(queue -> {
                        throw new IllegalArgumentException("offer review queue '" + queue + "' of rule '"
                                + rule.name() + "' is not declared");
                    });
        }
        for (Rule rule : rules) {
            for (Overflow policy : rule.overflow()) {
                requireTarget(rule, policy.action(), ruleNames, queueNames);
            }
        }
        Rule last = rules.get(rules.size() - 1);
        if (!last.when().isEmpty()) {
            throw new IllegalArgumentException("the last rule, '" + last.name() + "', must have no conditions, so"
                    + " that every conversation matches a rule");
        }
    }

    private static void requireTarget(Rule rule, Overflow.Action action, Set<String> ruleNames,
            Set<String> queueNames) {
        if (action instanceof Overflow.Action.MoveTo move && !ruleNames.contains(move.rule())) {
            throw new IllegalArgumentException("overflow of rule '" + rule.name() + "' moves to unknown rule '"
                    + move.rule() + "'; rules: " + ruleNames);
        }
        if (action instanceof Overflow.Action.MoveTo move && move.rule().equals(rule.name())) {
            throw new IllegalArgumentException("overflow of rule '" + rule.name() + "' moves to the rule itself");
        }
        if (action instanceof Overflow.Action.SendToReview review && !queueNames.contains(review.queue())) {
            throw new IllegalArgumentException("overflow review queue '" + review.queue() + "' of rule '"
                    + rule.name() + "' is not declared");
        }
    }

    /** The queues by name. */
    Map<String, QueueSpec> queuesByName() {
        Map<String, QueueSpec> byName = new LinkedHashMap<>();
        queues.forEach(queue -> byName.put(queue.name(), queue));
        return byName;
    }
}
