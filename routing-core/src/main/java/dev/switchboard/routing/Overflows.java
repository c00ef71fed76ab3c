package dev.switchboard.routing;

import dev.switchboard.routing.event.RoutingEvent;
import dev.switchboard.routing.state.LiveState;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The router's overflow policies (see {@link Overflow}): looks at a rule's triggers for the conversations waiting in
 * its queue, and moves those whose trigger holds on. A conversation carries its moves in reserved attributes, so that
 * the waiting entry is all the state a move needs and every store keeps it: {@value #RULE} names the rule that routes
 * it after a move, {@value #REVIEW} the queue where it is held for review, and {@value #FIRED} the policies that
 * already acted on it, each acting once. Runs under the router's exclusive lock; deciding a conversation again is the
 * {@link Settler}'s.
 */
final class Overflows {

    /** The name of the step that moves conversations in traces. */
    static final String STEP = "overflow";

    /** The attribute naming the rule that routes a conversation after a move. */
    static final String RULE = "switchboard.overflow.rule";

    /** The attribute naming the queue where a conversation is held for review. */
    static final String REVIEW = "switchboard.overflow.review";

    /** The attribute listing the policies that acted on a conversation, as {@code rule#index}, comma-separated. */
    static final String FIRED = "switchboard.overflow.fired";

    private final LiveState state;
    private final EventDispatcher events;
    private final Settler settler;
    private final Counters counters;

    Overflows(LiveState state, EventDispatcher events, Settler settler, Counters counters) {
        this.state = state;
        this.events = events;
        this.settler = settler;
        this.counters = counters;
    }

    /** The rule an overflow moved a conversation to, if one did. */
    static Optional<String> movedTo(Conversation conversation) {
        return Optional.ofNullable(conversation.attributes().get(RULE));
    }

    /** The queue an overflow holds a conversation in for review, if one does. */
    static Optional<String> reviewQueue(Conversation conversation) {
        return Optional.ofNullable(conversation.attributes().get(REVIEW));
    }

    /**
     * A conversation just routed waits in its rule's queue: when a policy of the rule holds for it already, it moves
     * on at once, and the answer is where it went; otherwise the decision stands.
     */
    Decision routed(PlanRunner plan, Decision decision, Instant now) {
        if (!plan.overflows() || !(decision instanceof Decision.Queued)
                || !(state.placement(decision.conversationId()).orElse(null) instanceof Placement.Waiting waiting)) {
            return decision;
        }
        return act(plan, waiting.entry(), now, new Lengths()).orElse(decision);
    }

    /** Moves on every waiting conversation, in serve order, for which a policy of its rule holds now. */
    void tick(PlanRunner plan, Instant now) {
        if (!plan.overflows()) {
            return;
        }
        Lengths lengths = new Lengths();
        for (WaitingConversation entry : state.waiting()) {
            if (StateChecks.stillWaiting(state, entry)) {
                act(plan, entry, now, lengths);
            }
        }
    }

    /** The queue lengths, counted on first use and kept up to date as conversations move. */
    private final class Lengths {
        private Map<String, Integer> byQueue;

        int of(String queue) {
            if (byQueue == null) {
                byQueue = new HashMap<>();
                state.waiting().forEach(entry -> byQueue.merge(entry.queue(), 1, Integer::sum));
            }
            return byQueue.getOrDefault(queue, 0);
        }

        void moved(String from, Decision to) {
            if (byQueue != null) {
                byQueue.merge(from, -1, Integer::sum);
                if (to instanceof Decision.Queued queued) {
                    byQueue.merge(queued.queue(), 1, Integer::sum);
                }
            }
        }
    }

    /** Applies the first policy of the conversation's rule that holds for it and has not acted on it yet. */
    private Optional<Decision> act(PlanRunner plan, WaitingConversation entry, Instant now, Lengths lengths) {
        Conversation conversation = entry.conversation();
        Rule rule = plan.ruleFor(conversation, now);
        if (!entry.queue().equals(rule.queue()) || reviewQueue(conversation).isPresent()) {
            return Optional.empty(); // it waits elsewhere: held for review, or in a queue a step chose
        }
        Set<String> fired = fired(conversation);
        for (int i = 0; i < rule.overflow().size(); i++) {
            Overflow policy = rule.overflow().get(i);
            String tag = rule.name() + "#" + i;
            if (!fired.contains(tag) && holds(policy, rule, entry, now, lengths)) {
                fired.add(tag);
                Decision decision = apply(plan, policy, rule, entry, fired, now);
                lengths.moved(entry.queue(), decision);
                return Optional.of(decision);
            }
        }
        return Optional.empty();
    }

    private boolean holds(Overflow policy, Rule rule, WaitingConversation entry, Instant now, Lengths lengths) {
        if (policy.action() instanceof Overflow.Action.RaisePriority
                && entry.conversation().priority() == Priority.URGENT) {
            return false;
        }
        Overflow.Trigger trigger = policy.trigger();
        if (trigger instanceof Overflow.Trigger.AfterWaiting after) {
            return !entry.enqueuedAt().plus(after.limit()).isAfter(now);
        }
        if (trigger instanceof Overflow.Trigger.QueueHolds holds) {
            return lengths.of(rule.queue()) >= holds.conversations();
        }
        return nobodyLoggedIn(rule);
    }

    private boolean nobodyLoggedIn(Rule rule) {
        if (rule.allOwners().isEmpty()) {
            return state.statuses().stream().allMatch(status -> status.presence() == Presence.OFFLINE);
        }
        return rule.allOwners().stream().noneMatch(ownerId -> state.hasOwner(ownerId)
                && state.status(ownerId).presence() != Presence.OFFLINE);
    }

    /**
     * Moves the conversation on by the policy, all at once: it leaves its queue and is decided again as it is now,
     * or, when only its priority is raised, keeps its place, entry time and SLA deadline.
     */
    private Decision apply(PlanRunner plan, Overflow policy, Rule rule, WaitingConversation entry, Set<String> fired,
            Instant now) {
        Conversation conversation = entry.conversation();
        Map<String, String> attributes = new HashMap<>(conversation.attributes());
        attributes.put(FIRED, String.join(",", fired));
        String type = conversation.type();
        Priority priority = conversation.priority();
        String to;
        String what;
        Overflow.Action action = policy.action();
        if (action instanceof Overflow.Action.MoveTo move) {
            attributes.put(RULE, move.rule());
            to = move.rule();
            what = "overflowed from " + rule.name() + " to " + to;
        } else if (action instanceof Overflow.Action.Reclassify reclassify) {
            attributes.remove(RULE);
            if (reclassify.field().equalsIgnoreCase("type")) {
                type = reclassify.value();
            } else {
                attributes.put(reclassify.field(), reclassify.value());
            }
            to = "";
            what = "reclassified (" + reclassify.field() + " = " + reclassify.value() + ") from " + rule.name();
        } else if (action instanceof Overflow.Action.SendToReview review) {
            attributes.put(REVIEW, review.queue());
            to = review.queue();
            what = "sent from " + rule.name() + " to review in " + to;
        } else {
            priority = Priority.values()[priority.ordinal() + 1];
            to = rule.name();
            what = "raised to priority " + priority.name().toLowerCase(Locale.ROOT) + " in " + rule.name();
        }
        Conversation moved = new Conversation(conversation.id(), conversation.customerId(), conversation.channel(),
                type, priority, conversation.vip(), conversation.language(), conversation.region(),
                conversation.requiredSkills(), attributes, conversation.createdAt(), conversation.lastActivityAt(),
                conversation.preferredOwners());
        if (to.isEmpty()) {
            to = plan.ruleFor(moved, now).name();
            what += " to " + to;
        }
        String reason = what + " " + describe(policy.trigger(), entry, now);
        counters.overflowed.increment();
        events.publish(new RoutingEvent.Overflowed(now, moved, rule.name(), to, reason));
        String id = conversation.id();
        state.dequeue(id);
        if (action instanceof Overflow.Action.RaisePriority) {
            state.enqueue(new WaitingConversation(moved, entry.queue(), reason, entry.enqueuedAt(),
                    entry.slaDeadline()));
            if (!entry.slaDeadline().isAfter(now)) {
                state.markBreachReported(id); // reported before it moved: the tick reports breaches first
            }
            return new Decision.Queued(id, entry.queue(), reason, entry.slaDeadline(),
                    Trace.of(STEP, Verdict.enqueue(entry.queue(), reason)));
        }
        return settler.settle(moved, now, Optional.empty(),
                new Trace.Step(STEP, Verdict.pass(PassReason.NONE_AVAILABLE, reason)));
    }

    /** The trigger that held, in words: {@code after 2m}, with the wait when it is another trigger. */
    private static String describe(Overflow.Trigger trigger, WaitingConversation entry, Instant now) {
        String waited = Overflow.words(Duration.between(entry.enqueuedAt(), now));
        return trigger instanceof Overflow.Trigger.AfterWaiting ? trigger.describe()
                : trigger.describe() + " (after waiting " + waited + ")";
    }

    private static Set<String> fired(Conversation conversation) {
        String listed = conversation.attributes().get(FIRED);
        return listed == null ? new LinkedHashSet<>() : new LinkedHashSet<>(Arrays.asList(listed.split(",")));
    }
}
