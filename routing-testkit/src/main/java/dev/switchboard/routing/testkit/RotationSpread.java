package dev.switchboard.routing.testkit;

import dev.switchboard.routing.RoutingPlan;
import dev.switchboard.routing.Rule;
import dev.switchboard.routing.Strategy;
import dev.switchboard.routing.Trace;
import dev.switchboard.routing.event.RoutingEvent;
import dev.switchboard.routing.strategy.RoundRobin;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Follows every round-robin step of a plan (per rule, as the router keeps a rotation per rule): at each of its
 * assignments, the owners of the rule that could take that conversation, and the assignments each got. Two owners
 * that could take every conversation the step assigned over a stretch got the same number of them, give or take one:
 * between two turns of one, the rotation passes every other owner that could take work all along.
 */
final class RotationSpread {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

    private record Key(String rule, String step) {}

    /** One step's assignments: when each was made, and per owner when its unbroken eligibility began. */
    private static final class Rotation {
        private final List<Instant> decisions = new ArrayList<>();
        private final Map<String, Integer> runStart = new HashMap<>();
        private final Map<String, List<Integer>> turns = new HashMap<>();

        int count(String ownerId, int from) {
            int count = 0;
            for (int turn : turns.getOrDefault(ownerId, List.of())) {
                if (turn >= from) {
                    count++;
                }
            }
            return count;
        }
    }

    private final RoutingPlan plan;
    private final Map<Key, Rotation> rotations = new HashMap<>();

    RotationSpread(RoutingPlan plan) {
        this.plan = plan;
    }

    /** Notes an assignment, before the model applies it; a violation when it leaves the spread above one. */
    Optional<Violation> assigned(RoutingEvent.Assigned event, Shadow shadow) {
        Optional<Rule> rule = ruleOf(event.trace());
        if (rule.isEmpty() || !isRoundRobin(rule.get(), event.strategy())) {
            return Optional.empty();
        }
        Key key = new Key(rule.get().name(), event.strategy());
        Rotation rotation = rotations.computeIfAbsent(key, unused -> new Rotation());
        int decision = rotation.decisions.size();
        rotation.decisions.add(event.at());
        Set<String> eligible = new LinkedHashSet<>();
        Set<String> lapsed = shadow.lapsedFor(event.conversation().id());
        for (OwnerState owner : shadow.owners().values()) {
            boolean member = rule.get().owners().isEmpty() || rule.get().owners().contains(owner.id());
            if (member && owner.couldTake(event.conversation(), event.at(), lapsed)) {
                eligible.add(owner.id());
                rotation.runStart.putIfAbsent(owner.id(), decision);
            } else {
                rotation.runStart.remove(owner.id());
            }
        }
        rotation.turns.computeIfAbsent(event.ownerId(), id -> new ArrayList<>()).add(decision);
        for (String one : eligible) {
            for (String other : eligible) {
                int from = Math.max(rotation.runStart.get(one), rotation.runStart.get(other));
                int ones = rotation.count(one, from);
                int others = rotation.count(other, from);
                if (ones > others + 1) {
                    return Optional.of(new Violation(Invariant.ROUND_ROBIN_SPREAD, event.strategy() + " of rule "
                            + rule.get().name() + " gave " + one + " " + ones + " and " + other + " " + others
                            + " conversations since " + CLOCK.format(rotation.decisions.get(from))
                            + ", both able to take each of them"));
                }
            }
        }
        return Optional.empty();
    }

    private Optional<Rule> ruleOf(Trace trace) {
        if (trace.rule().isEmpty()) {
            return plan.rules().size() == 1 ? Optional.of(plan.rules().get(0)) : Optional.empty();
        }
        String name = trace.rule().get().name();
        return plan.rules().stream().filter(rule -> rule.name().equals(name)).findFirst();
    }

    private static boolean isRoundRobin(Rule rule, String stepName) {
        for (Strategy step : rule.chain()) {
            if (step instanceof RoundRobin && step.name().equals(stepName)) {
                return true;
            }
        }
        return false;
    }
}
