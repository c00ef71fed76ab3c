package dev.switchboard.routing;

import dev.switchboard.routing.state.LiveState;
import dev.switchboard.routing.state.LiveView;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs a {@link RoutingPlan}: finds the first rule a conversation matches (or the rule an {@link Overflow} moved it
 * to, or the rule that drains the queue an overflow moved it to) and runs that rule's chain over a view of
 * the rule's owners, with the rule's own strategy cursors, so that a rotation in one team does not move another's;
 * when the rule requires something of every owner (see {@link Rule.Requirement}), the view holds only those that
 * meet it.
 */
final class PlanRunner {

    /**
     * What the plan said about one conversation: the trace, the queue of the rule that decided, the view the rule's
     * chain decided on, through which an assignment is committed, with that chain (neither when the rule was closed),
     * and the rule.
     */
    record Decided(Trace trace, String ruleQueue, LiveView view, FallbackChain chain, Rule rule) {

        /** The decisive step's verdict. */
        Verdict verdict() {
            return trace.decisive().verdict();
        }
    }

    private record Compiled(Rule rule, FallbackChain chain) {}

    /** The name of the step that holds a conversation while its rule is outside its business hours. */
    static final String AFTER_HOURS_STEP = "after-hours";

    private final RoutingPlan plan;
    private final Map<String, QueueSpec> queues;
    private final List<Compiled> rules;
    /** Each rule's index in {@link #rules}, by name. */
    private final Map<String, Integer> ruleIndex;
    /** The indexes of the rules whose queue it is, in rule order, by queue. */
    private final Map<String, List<Integer>> drainedBy;
    /** {@link #ownersServing} by queue, for the queues rules drain. */
    private final Map<String, Set<String>> serving;
    private final boolean overflows;
    private final Duration completionWindow;
    /** {@link #servedBy} per owner id, found on first use; called under the router's lock. */
    private final Map<String, Served> served = new HashMap<>();

    PlanRunner(RoutingPlan plan) {
        this.plan = plan;
        this.queues = plan.queuesByName();
        List<Compiled> compiled = new ArrayList<>();
        for (Rule rule : plan.rules()) {
            compiled.add(new Compiled(rule, new FallbackChain(rule.chain(), rule.queue(), queues.keySet())));
        }
        this.rules = List.copyOf(compiled);
        Map<String, Integer> indexes = new HashMap<>();
        for (int i = 0; i < rules.size(); i++) {
            indexes.put(rules.get(i).rule().name(), i);
        }
        this.ruleIndex = Map.copyOf(indexes);
        Map<String, List<Integer>> drains = new HashMap<>();
        for (int i = 0; i < rules.size(); i++) {
            drains.computeIfAbsent(rules.get(i).rule().queue(), queue -> new ArrayList<>()).add(i);
        }
        this.drainedBy = Map.copyOf(drains);
        Map<String, Set<String>> owners = new HashMap<>();
        drainedBy.forEach((queue, draining) -> owners.put(queue, findOwnersServing(draining)));
        this.serving = Map.copyOf(owners);
        this.overflows = plan.rules().stream().anyMatch(rule -> !rule.overflow().isEmpty())
                || plan.queues().stream().anyMatch(queue -> !queue.overflow().isEmpty());
        this.completionWindow = longestCompletionWindow(plan);
    }

    RoutingPlan plan() {
        return plan;
    }

    /** The longest window of completions a step of the plan reads (see {@link Strategy#completionWindow}). */
    Duration completionWindow() {
        return completionWindow;
    }

    private static Duration longestCompletionWindow(RoutingPlan plan) {
        Duration longest = Duration.ZERO;
        for (Rule rule : plan.rules()) {
            for (Strategy step : rule.chain()) {
                Duration window = Checks.nonNegative(step.completionWindow(), "completionWindow of chain step '"
                        + step.name() + "'");
                if (window.compareTo(longest) > 0) {
                    longest = window;
                }
            }
        }
        return longest;
    }

    /** A declared queue, or null. */
    QueueSpec queue(String name) {
        return queues.get(name);
    }

    /**
     * Decides by the first rule the conversation matches, skipping those outside their business hours that send
     * conversations on to the next rule; a rule outside its hours holds the conversation in its queue. A conversation
     * an overflow sent to review, or to a queue no rule drains, is held there, while the plan declares that queue.
     */
    Decided decide(Conversation conversation, Instant now, LiveState state) {
        int chosen = chosen(conversation, now);
        Rule rule = rules.get(chosen).rule();
        Optional<String> review = Overflows.reviewQueue(conversation); // no lambdas: this runs for every decision
        if (review.isPresent() && queues.containsKey(review.get())) {
            return held(rule, chosen, conversation, review.get(), "held for review after it overflowed");
        }
        Optional<String> undrained = Overflows.movedToQueue(conversation);
        if (undrained.isPresent() && queues.containsKey(undrained.get()) && !drainedBy.containsKey(undrained.get())) {
            return held(rule, chosen, conversation, undrained.get(), "overflowed to queue " + undrained.get()
                    + ", which no rule drains: it waits to be claimed");
        }
        if (!rule.isOpen(now)) {
            return new Decided(matched(rule, chosen, conversation, Trace.of(AFTER_HOURS_STEP, Verdict.hold("rule "
                    + rule.name() + " is outside its business hours; the conversation waits until it opens"))),
                    rule.queue(), null, null, rule);
        }
        Set<String> owners = rule.owners();
        String reached = null;
        if (!rule.targets().isEmpty()) {
            TargetWalk.Reached walk = TargetWalk.reach(rule.targets(), conversation, now, state);
            owners = walk.owners();
            reached = walk.explanation();
        }
        LiveView view = state.view(conversation, now, owners, rule.name());
        Requirements required = rule.requirementsFor(conversation);
        if (!required.equals(Requirements.NONE)) {
            view = new RequiredView(view, required, rule.name());
        }
        FallbackChain chain = rules.get(chosen).chain();
        Trace trace = chain.run(conversation, view);
        return new Decided(reached == null ? matched(rule, chosen, conversation, trace)
                : new Trace(Optional.of(new Trace.RuleMatch(rule.name(), rule.explain(conversation, chosen == 0) + "; "
                        + reached)), trace.steps()), rule.queue(), view, chain, rule);
    }

    /** A decision that holds the conversation in {@code queue}, routing it no further. */
    private Decided held(Rule rule, int chosen, Conversation conversation, String queue, String why) {
        return new Decided(matched(rule, chosen, conversation, Trace.of(Overflows.STEP, Verdict.enqueue(queue, why))),
                queue, null, null, rule);
    }

    /** The rule that decides a conversation now (see {@link #decide}). */
    Rule ruleFor(Conversation conversation, Instant now) {
        return rules.get(chosen(conversation, now)).rule();
    }

    /** Whether any rule or queue of the plan has overflow policies. */
    boolean overflows() {
        return overflows;
    }

    /**
     * The index of the rule that decides a conversation: the rule an overflow moved it to, while the plan has it; or
     * the rule that drains the queue an overflow moved it to (the first of them it matches, else the first of them);
     * else the first it matches, skipping those outside their business hours that send conversations on.
     */
    private int chosen(Conversation conversation, Instant now) {
        Optional<String> movedTo = Overflows.movedTo(conversation); // no lambdas: this runs for every decision
        Integer moved = movedTo.isPresent() ? ruleIndex.get(movedTo.get()) : null;
        if (moved != null) {
            return moved;
        }
        Optional<String> movedToQueue = Overflows.movedToQueue(conversation);
        List<Integer> draining = movedToQueue.isPresent() ? drainedBy.get(movedToQueue.get()) : null;
        if (draining != null) {
            return draining.stream().filter(i -> rules.get(i).rule().matches(conversation)).findFirst()
                    .orElse(draining.get(0));
        }
        for (int i = 0; i < rules.size() - 1; i++) {
            Rule rule = rules.get(i).rule();
            if (rule.matches(conversation)
                    && (rule.afterHours() == Rule.AfterHours.HOLD || rule.isOpen(now))) {
                return i;
            }
        }
        return rules.size() - 1;
    }

    /**
     * The owners who could take a conversation waiting in {@code queue}: those of the rules whose queue it is and
     * whose chain picks an owner; empty for the whole roster, when one of them takes every owner or none picks one.
     */
    Set<String> ownersServing(String queue) {
        return serving.getOrDefault(queue, Set.of());
    }

    private Set<String> findOwnersServing(List<Integer> draining) {
        Set<String> owners = new LinkedHashSet<>();
        for (int i : draining) {
            Compiled compiled = rules.get(i);
            if (!compiled.chain().isEmpty()) {
                if (compiled.rule().allOwners().isEmpty()) {
                    return Set.of();
                }
                owners.addAll(compiled.rule().allOwners());
            }
        }
        return Set.copyOf(owners);
    }

    /**
     * The same decision without its decisive step, an assignment the router could not commit although nothing else
     * changed the state meanwhile: the step chose an owner who cannot take the conversation. That step is recorded as
     * skipped for {@code fault}, and the steps after it decide, on the same view.
     */
    Decided skipDecisive(Decided decided, Conversation conversation, String fault) {
        Trace steps = decided.chain().skipDecisive(conversation, decided.view(), decided.trace(), fault);
        return new Decided(new Trace(decided.trace().rule(), steps.steps()), decided.ruleQueue(), decided.view(),
                decided.chain(), decided.rule());
    }

    /** The trace with the rule that matched, when the plan has several. */
    private Trace matched(Rule rule, int chosen, Conversation conversation, Trace trace) {
        return rules.size() == 1 ? trace : new Trace(
                Optional.of(new Trace.RuleMatch(rule.name(), rule.explain(conversation, chosen == 0))), trace.steps());
    }

    /**
     * What an owner may be chosen for: the rules whose chain may choose it, in rule order, and the queues where
     * conversations wait for an owner that it could be, those rules' queues. Queues of rules that pick no owner
     * (review, a pool) are left to ticks and claims. {@code followsTheCustomer} tells whether a rule whose
     * conversations wait in those queues, serving this owner or not, has a step that follows the customer (see
     * {@link Strategy#followsTheCustomer}).
     */
    record Served(List<Rule> rules, List<String> queues, boolean followsTheCustomer) {}

    /** What an owner may be chosen for (see {@link Served}). */
    Served servedBy(String ownerId) {
        Served found = served.get(ownerId);
        if (found == null) {
            found = findServedBy(ownerId);
            served.put(ownerId, found);
        }
        return found;
    }

    private Served findServedBy(String ownerId) {
        List<Rule> choosing = new ArrayList<>();
        Set<String> queues = new LinkedHashSet<>();
        for (Compiled compiled : rules) {
            Rule rule = compiled.rule();
            if (!compiled.chain().isEmpty() && (rule.allOwners().isEmpty() || rule.allOwners().contains(ownerId))) {
                choosing.add(rule);
                queues.add(rule.queue());
            }
        }
        boolean followsTheCustomer = false;
        for (String queue : queues) {
            for (int draining : drainedBy.getOrDefault(queue, List.of())) {
                followsTheCustomer |= rules.get(draining).rule().chain().stream()
                        .anyMatch(Strategy::followsTheCustomer);
            }
        }
        return new Served(List.copyOf(choosing), List.copyOf(queues), followsTheCustomer);
    }
}
