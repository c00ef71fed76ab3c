package dev.switchboard.routing;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a router does with a new conversation: ordered {@link Rule}s, tried top-down, and the queues they use. The
 * first rule whose conditions hold decides: its chain picks an owner, or the conversation waits in the rule's queue.
 * The last rule has no conditions, so every conversation matches a rule and none goes nowhere; in a plan written for
 * people it sends what nothing else caught to a manual-review queue.
 *
 * <p>A router's plan can be replaced while it runs ({@code Router.replacePlan}); who owns what, and who waits where,
 * is kept.
 *
 * <p>Overflow policies (see {@link Overflow}) may hang on a rule and on a queue. A plan is refused when a policy
 * names a rule or queue the plan does not have, a rule's policy moves to the rule itself, or a policy moves to the
 * queue where its conversations already wait. Policies that move into each other in a cycle are allowed: each acts at
 * most once on a conversation, one move at a time, so the cycle ends.
 *
 * @param queues every queue a rule or a chain step may send conversations to, each with its SLA and overflow
 *     policies
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
                requireTarget("rule '" + rule.name() + "'", rule.queue(), policy.action(), ruleNames, queueNames);
                if (policy.action() instanceof Overflow.Action.MoveTo move && move.rule().equals(rule.name())) {
                    throw new IllegalArgumentException("overflow of rule '" + rule.name()
                            + "' moves to the rule itself");
                }
            }
        }
        for (QueueSpec queue : queues) {
            for (Overflow policy : queue.overflow()) {
                requireTarget("queue '" + queue.name() + "'", queue.name(), policy.action(), ruleNames, queueNames);
            }
        }
        Rule last = rules.get(rules.size() - 1);
        if (!last.when().isEmpty()) {
            throw new IllegalArgumentException("the last rule, '" + last.name() + "', must have no conditions, so"
                    + " that every conversation matches a rule");
        }
    }

    /**
     * Checks what an overflow policy of {@code owner} (a rule or a queue, whose conversations wait in {@code waitsIn})
     * names: a rule and queues of the plan, and not the queue its conversations already wait in.
     */
    private static void requireTarget(String owner, String waitsIn, Overflow.Action action, Set<String> ruleNames,
            Set<String> queueNames) {
        if (action instanceof Overflow.Action.MoveTo move && !ruleNames.contains(move.rule())) {
            throw new IllegalArgumentException("overflow of " + owner + " moves to unknown rule '" + move.rule()
                    + "'; rules: " + new TreeSet<>(ruleNames));
        }
        String queue = action instanceof Overflow.Action.MoveToQueue move ? move.queue()
                : action instanceof Overflow.Action.SendToReview review ? review.queue() : null;
        String field = action instanceof Overflow.Action.MoveToQueue ? "overflow queue" : "overflow review queue";
        if (queue != null && !queueNames.contains(queue)) {
            throw new IllegalArgumentException(field + " '" + queue + "' of " + owner + " is not declared; queues: "
                    + new TreeSet<>(queueNames));
        }
        if (action instanceof Overflow.Action.MoveToQueue && queue.equals(waitsIn)) {
            throw new IllegalArgumentException(field + " '" + queue + "' of " + owner + " is the queue its"
                    + " conversations already wait in");
        }
    }

    /** The queues by name. */
    Map<String, QueueSpec> queuesByName() {
        Map<String, QueueSpec> byName = new LinkedHashMap<>();
        queues.forEach(queue -> byName.put(queue.name(), queue));
        return byName;
    }
}
