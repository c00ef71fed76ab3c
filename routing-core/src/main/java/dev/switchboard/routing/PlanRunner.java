package dev.switchboard.routing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs a {@link RoutingPlan}: finds the first rule a conversation matches and runs that rule's chain over the
 * rule's owners. Each rule keeps its own strategy cursors, so that a rotation in one team does not move another's.
 */
final class PlanRunner {

    /** What the plan said about one conversation. */
    record Decided(Trace trace, String ruleQueue, Map<String, Long> cursors) {}

    private record Compiled(Rule rule, FallbackChain chain) {}

    /** The name of the step that holds a conversation while its rule is outside its business hours. */
    static final String AFTER_HOURS_STEP = "after-hours";

    private final RoutingPlan plan;
    private final Map<String, QueueSpec> queues;
    private final List<Compiled> rules;

    PlanRunner(RoutingPlan plan) {
        this.plan = plan;
        this.queues = plan.queuesByName();
        List<Compiled> compiled = new ArrayList<>();
        for (Rule rule : plan.rules()) {
            compiled.add(new Compiled(rule, new FallbackChain(rule.chain(), rule.queue(), queues.keySet())));
        }
        this.rules = List.copyOf(compiled);
    }

    RoutingPlan plan() {
        return plan;
    }

    /** A declared queue, or null. */
    QueueSpec queue(String name) {
        return queues.get(name);
    }

    /**
     * Decides by the first rule the conversation matches, skipping those outside their business hours that send
     * conversations on to the next rule; a rule outside its hours holds the conversation in its queue.
     */
    Decided decide(Conversation conversation, RoutingView view) {
        int chosen = rules.size() - 1;
        for (int i = 0; i < rules.size() - 1; i++) {
            Rule rule = rules.get(i).rule();
            if (rule.matches(conversation)
                    && (rule.afterHours() == Rule.AfterHours.HOLD || rule.isOpen(view.now()))) {
                chosen = i;
                break;
            }
        }
        Rule rule = rules.get(chosen).rule();
        Trace trace = rule.isOpen(view.now())
                ? rules.get(chosen).chain().run(conversation, new RuleView(view, rule))
                : Trace.of(AFTER_HOURS_STEP, Verdict.hold("rule " + rule.name()
                        + " is outside its business hours; the conversation waits until it opens"));
        if (rules.size() > 1) {
            trace = new Trace(Optional.of(new Trace.RuleMatch(rule.name(), rule.explain(conversation, chosen == 0))),
                    trace.steps());
        }
        Map<String, Long> cursors = new HashMap<>();
        if (trace.steps().get(trace.steps().size() - 1).verdict() instanceof Verdict.Assign assign) {
            assign.cursors().forEach((key, position) -> cursors.put(cursorKey(rule, key), position));
        }
        return new Decided(trace, rule.queue(), cursors);
    }

    /**
     * The queues where conversations wait for an owner that this owner could be: those of the rules whose chain may
     * choose it, in rule order. Queues of rules that pick no owner (review, a pool) are left to ticks and claims.
     */
    List<String> queuesServedBy(String ownerId) {
        Set<String> served = new LinkedHashSet<>();
        for (Compiled compiled : rules) {
            Rule rule = compiled.rule();
            if (!compiled.chain().isEmpty() && (rule.owners().isEmpty() || rule.owners().contains(ownerId))) {
                served.add(rule.queue());
            }
        }
        return List.copyOf(served);
    }

    private static String cursorKey(Rule rule, String key) {
        return rule.name() + "/" + key;
    }

    /** The router's view as one rule's chain sees it: only the rule's owners, and the rule's own cursors. */
    private static final class RuleView implements RoutingView, HoldsBack {
        private final RoutingView view;
        private final Rule rule;
        private List<Candidate> candidates;

        RuleView(RoutingView view, Rule rule) {
            this.view = view;
            this.rule = rule;
        }

        @Override
        public Instant now() {
            return view.now();
        }

        @Override
        public List<Candidate> candidates() {
            if (rule.owners().isEmpty()) {
                return view.candidates();
            }
            if (candidates == null) {
                List<Candidate> members = new ArrayList<>();
                for (Candidate candidate : view.candidates()) {
                    if (rule.owners().contains(candidate.id())) {
                        members.add(candidate);
                    }
                }
                candidates = List.copyOf(members);
            }
            return candidates;
        }

        @Override
        public Optional<Candidate> candidate(String ownerId) {
            return rule.owners().isEmpty() || rule.owners().contains(ownerId) ? view.candidate(ownerId)
                    : Optional.empty();
        }

        @Override
        public Optional<String> previousOwner(String customerId) {
            return view.previousOwner(customerId);
        }

        @Override
        public Map<String, String> heldBack() {
            if (!(view instanceof HoldsBack holds)) {
                return Map.of();
            }
            Map<String, String> held = new LinkedHashMap<>(holds.heldBack());
            if (!rule.owners().isEmpty()) {
                held.keySet().retainAll(rule.owners());
            }
            return held;
        }

        @Override
        public long cursor(String key) {
            return view.cursor(cursorKey(rule, key));
        }
    }
}
