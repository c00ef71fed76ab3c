package dev.switchboard.routing;

import dev.switchboard.routing.event.RoutingEvent;
import dev.switchboard.routing.state.LiveState;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The router's overflow policies (see {@link Overflow}): looks at the triggers of a waiting conversation's rule (while
 * it waits in the rule's queue), then at those of the queue it waits in, and moves it on by the first that holds. A
 * conversation carries its moves in reserved attributes, so that the waiting entry is all the state a move needs and
 * every store keeps it: {@value #RULE} names the rule that routes it after a move, {@value #QUEUE} the queue whose
 * rule routes it, {@value #REVIEW} the queue where it is held for review, and {@value #FIRED} and
 * {@value #QUEUE_FIRED} the policies of rules and of queues that already acted on it, each acting once. Runs under
 * the router's exclusive lock; deciding a conversation again is the {@link Settler}'s.
 */
final class Overflows {

    /** The name of the step that moves conversations in traces. */
    static final String STEP = "overflow";

    /** The attribute naming the rule that routes a conversation after a move. */
    static final String RULE = "switchboard.overflow.rule";

    /** The attribute naming the queue a move sent a conversation to, whose rule routes it from then on. */
    static final String QUEUE = "switchboard.overflow.queue";

    /** The attribute naming the queue where a conversation is held for review. */
    static final String REVIEW = "switchboard.overflow.review";

    /** The attribute listing the rules' policies that acted on a conversation, as {@code rule#index}, comma-separated. */
    static final String FIRED = "switchboard.overflow.fired";

    /** The attribute listing the queues' policies that acted on a conversation, as {@code queue#index}. */
    static final String QUEUE_FIRED = "switchboard.overflow.queue.fired";

    /**
     * The policies of a rule or a queue, as a move names them.
     *
     * @param name the rule's or queue's name
     * @param from how a move's reason names it: {@code billing} for a rule, {@code queue billing} for a queue
     * @param list the policies, in the order they are tried
     * @param firedKey the attribute that lists which of them acted
     */
    private record Policies(String name, String from, List<Overflow> list, String firedKey) {}

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

    /** The queue an overflow moved a conversation to, if one did. */
    static Optional<String> movedToQueue(Conversation conversation) {
        return Optional.ofNullable(conversation.attributes().get(QUEUE));
    }

    /** The queue an overflow holds a conversation in for review, if one does. */
    static Optional<String> reviewQueue(Conversation conversation) {
        return Optional.ofNullable(conversation.attributes().get(REVIEW));
    }

    /**
     * A conversation just routed waits in a queue: when a policy of its rule or of that queue holds for it already, it
     * moves on at once, and the answer is where it went; otherwise the decision stands.
     */
    Decision routed(PlanRunner plan, Decision decision, Instant now) {
        if (!plan.overflows() || !(decision instanceof Decision.Queued)
                || !(state.placement(decision.conversationId()).orElse(null) instanceof Placement.Waiting waiting)) {
            return decision;
        }
        return act(plan, waiting.entry(), now, new Lengths()).orElse(decision);
    }

    /**
     * Moves on every waiting conversation, in serve order, for which a policy of its rule or queue holds now: each
     * once at most, so that a conversation moved into another queue waits there until the next tick.
     */
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

    /**
     * Applies the first policy that holds for the conversation and has not acted on it yet: of its rule, while it waits
     * in the rule's queue and is not held for review, then of the queue it waits in.
     */
    private Optional<Decision> act(PlanRunner plan, WaitingConversation entry, Instant now, Lengths lengths) {
        Conversation conversation = entry.conversation();
        Rule rule = plan.ruleFor(conversation, now);
        if (entry.queue().equals(rule.queue()) && reviewQueue(conversation).isEmpty()) {
            Optional<Decision> moved = act(plan, new Policies(rule.name(), rule.name(), rule.overflow(), FIRED),
                    rule.allOwners(), rule, entry, now, lengths);
            if (moved.isPresent()) {
                return moved;
            }
        }
        QueueSpec queue = plan.queue(entry.queue());
        if (queue == null || queue.overflow().isEmpty()) {
            return Optional.empty();
        }
        return act(plan, new Policies(queue.name(), "queue " + queue.name(), queue.overflow(), QUEUE_FIRED),
                plan.ownersServing(queue.name()), rule, entry, now, lengths);
    }

    /** Applies the first of {@code policies} that holds and has not acted on the conversation yet. */
    private Optional<Decision> act(PlanRunner plan, Policies policies, Set<String> owners, Rule rule,
            WaitingConversation entry, Instant now, Lengths lengths) {
        Set<String> fired = fired(entry.conversation(), policies.firedKey());
        for (int i = 0; i < policies.list().size(); i++) {
            Overflow policy = policies.list().get(i);
            String tag = policies.name() + "#" + i;
            if (!fired.contains(tag) && holds(policy, owners, entry, now, lengths)) {
                fired.add(tag);
                Decision decision = apply(plan, policy, policies, rule, entry, fired, now);
                lengths.moved(entry.queue(), decision);
                return Optional.of(decision);
            }
        }
        return Optional.empty();
    }

    private boolean holds(Overflow policy, Set<String> owners, WaitingConversation entry, Instant now,
            Lengths lengths) {
        if (policy.action() instanceof Overflow.Action.RaisePriority
                && entry.conversation().priority() == Priority.URGENT) {
            return false;
        }
        Overflow.Trigger trigger = policy.trigger();
        if (trigger instanceof Overflow.Trigger.AfterWaiting after) {
            return !entry.enqueuedAt().plus(after.limit()).isAfter(now);
        }
        if (trigger instanceof Overflow.Trigger.QueueHolds holds) {
            return lengths.of(entry.queue()) >= holds.conversations();
        }
        return nobodyLoggedIn(owners);
    }

    /** Whether none of {@code owners} (the whole roster when empty) is logged in. */
    private boolean nobodyLoggedIn(Set<String> owners) {
        if (owners.isEmpty()) {
            return state.statuses().stream().allMatch(status -> status.presence() == Presence.OFFLINE);
        }
        return owners.stream().noneMatch(ownerId -> state.hasOwner(ownerId)
                && state.status(ownerId).presence() != Presence.OFFLINE);
    }

    /**
     * Moves the conversation on by the policy, all at once: it leaves its queue and is decided again as it is now,
     * or, when only its priority is raised, keeps its place, entry time and SLA deadline.
     */
    private Decision apply(PlanRunner plan, Overflow policy, Policies policies, Rule rule, WaitingConversation entry,
            Set<String> fired, Instant now) {
        Conversation conversation = entry.conversation();
        Map<String, String> attributes = new HashMap<>(conversation.attributes());
        attributes.put(policies.firedKey(), String.join(",", fired));
        String type = conversation.type();
        Priority priority = conversation.priority();
        String from = policies.from();
        String to;
        String what;
        Overflow.Action action = policy.action();
        if (!(action instanceof Overflow.Action.RaisePriority)) {
            attributes.remove(RULE); // each of the other moves says anew what routes the conversation
            attributes.remove(QUEUE);
            attributes.remove(REVIEW);
        }
        if (action instanceof Overflow.Action.MoveTo move) {
            attributes.put(RULE, move.rule());
            to = move.rule();
            what = "overflowed from " + from + " to " + to;
        } else if (action instanceof Overflow.Action.MoveToQueue move) {
            attributes.put(QUEUE, move.queue());
            to = move.queue();
            what = "overflowed from " + from + " to queue " + to;
        } else if (action instanceof Overflow.Action.Reclassify reclassify) {
            if (reclassify.field().equalsIgnoreCase("type")) {
                type = reclassify.value();
            } else {
                attributes.put(reclassify.field(), reclassify.value());
            }
            to = "";
            what = "reclassified (" + reclassify.field() + " = " + reclassify.value() + ") from " + from;
        } else if (action instanceof Overflow.Action.SendToReview review) {
            attributes.put(REVIEW, review.queue());
            to = review.queue();
            what = "sent from " + from + " to review in " + to;
        } else {
            priority = Priority.values()[priority.ordinal() + 1];
            to = policies.name();
            what = "raised to priority " + priority.name().toLowerCase(Locale.ROOT) + " in " + from;
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
        events.publish(new RoutingEvent.Overflowed(now, moved, rule.name(), entry.queue(), to, reason));
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

    private static Set<String> fired(Conversation conversation, String key) {
        String listed = conversation.attributes().get(key);
        return listed == null ? new LinkedHashSet<>() : new LinkedHashSet<>(Arrays.asList(listed.split(",")));
    }
}
