package dev.switchboard.routing;

import dev.switchboard.routing.event.RoutingEvent;
import dev.switchboard.routing.state.LiveState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides conversations by the plan in force and commits each decision to the {@link LiveState}: assigns (or offers)
 * the conversation to the owner the decisive step chose, queues it, or rejects it, and publishes what happened.
 * It owns the plan, and gives conversations to owners with the deadline for their first reply.
 */
final class Settler {

    /**
     * How many times one call decides a conversation again when the store refuses a commit its view allowed (a
     * store shared with other routers changed meanwhile), before the step is skipped as if its owner could not take
     * the conversation.
     */
    static final int MAX_RETRIES = 8;

    private final LiveState state;
    private final EventDispatcher events;
    private final Offers offers;
    private final Counters counters;
    private final Map<Priority, Duration> responseDeadlines;
    /** The plan in force: replaced only under the router's exclusive lock, read under either. */
    private PlanRunner plan;

    Settler(LiveState state, EventDispatcher events, Offers offers, Counters counters,
            Map<Priority, Duration> responseDeadlines, PlanRunner plan) {
        this.state = state;
        this.events = events;
        this.offers = offers;
        this.counters = counters;
        this.responseDeadlines = Map.copyOf(responseDeadlines);
        use(plan);
    }

    PlanRunner plan() {
        return plan;
    }

    /** Makes {@code runner} the plan in force, and has the store keep the completions its rules look back on. */
    void use(PlanRunner runner) {
        plan = runner;
        state.keepCompletions(runner.completionWindow());
    }

    /**
     * Runs the plan for a conversation that is in no place, or waiting in {@code current}, and puts it where the
     * decisive step says.
     */
    Decision settle(Conversation conversation, Instant now, Optional<WaitingConversation> current) {
        return settle(conversation, now, current, null);
    }

    /**
     * Settles a conversation as {@link #settle(Conversation, Instant, Optional)} does, with {@code because} (when not
     * null) first in the trace: why it is decided again. A rule that offers sends it to review instead once the
     * owners passed over for it reach its policy's limit, and offers the owner its chain chose instead of assigning.
     */
    Decision settle(Conversation conversation, Instant now, Optional<WaitingConversation> current,
            Trace.Step because) {
        String id = conversation.id();
        PlanRunner.Decided decided = decide(conversation, now);
        int retries = 0;
        while (decided.verdict() instanceof Verdict.Assign assign) {
            Optional<OfferPolicy> offer = decided.rule().offer();
            if (commit(decided, assign, current)) {
                Trace trace = withBecause(decided.trace(), because);
                FallbackChain.logFaults(conversation, trace);
                if (offer.isPresent()) {
                    return offers.make(conversation, plan, trace, assign, offer.get(), now);
                }
                startResponseDeadline(conversation, now);
                counters.assigned.increment();
                String step = trace.decisive().strategy();
                if (events.listening()) {
                    events.publish(new RoutingEvent.Assigned(now, conversation, assign.ownerId(), step, trace));
                }
                return new Decision.Assigned(id, assign.ownerId(), step, trace);
            }
            String refusal = decided.view().refusal(assign.ownerId());
            if (refusal == null && retries < MAX_RETRIES) {
                // the view allowed what the store refused: another router sharing the store changed what the
                // decision read (a cursor, the owner's room, the conversation's place), so decide again on fresh state
                retries++;
                counters.retried.increment();
                decided = decide(conversation, now);
                continue;
            }
            // the step chose an owner who cannot take the conversation, or the store kept refusing the commit
            decided = plan.skipDecisive(decided, conversation, "assigned owner '" + assign.ownerId() + "', "
                    + (refusal == null ? "whose commit the store refused " + (retries + 1) + " times in a row (other"
                            + " routers sharing it kept changing what the decision read)" : "who " + refusal));
        }
        Trace trace = withBecause(decided.trace(), because);
        FallbackChain.logFaults(conversation, trace);
        Verdict verdict = decided.verdict();
        if (verdict instanceof Verdict.Reject reject) {
            current.ifPresent(entry -> state.dequeue(id));
            state.forget(id);
            counters.rejected.increment();
            events.publish(new RoutingEvent.Rejected(now, conversation, reject.reason(), trace));
            return new Decision.Rejected(id, reject.reason(), trace);
        }
        String queue = verdict instanceof Verdict.Enqueue enqueue
                ? enqueue.queue()
                : current.map(WaitingConversation::queue).filter(name -> plan.queue(name) != null)
                        .orElse(decided.ruleQueue());
        if (current.isPresent() && current.get().queue().equals(queue)) {
            WaitingConversation entry = current.get();
            if (!entry.reason().equals(verdict.reason())) {
                state.updateReason(id, verdict.reason());
            }
            return new Decision.Queued(id, queue, verdict.reason(), entry.slaDeadline(), trace);
        }
        current.ifPresent(entry -> state.dequeue(id));
        WaitingConversation entry = enqueue(conversation, queue, verdict.reason(), trace, now);
        return new Decision.Queued(id, queue, entry.reason(), entry.slaDeadline(), trace);
    }

    /**
     * Decides a conversation by the plan in force; a rule that offers sends it to review instead once the owners
     * passed over for it reach its policy's limit.
     */
    private PlanRunner.Decided decide(Conversation conversation, Instant now) {
        PlanRunner.Decided decided = plan.decide(conversation, now, state);
        Optional<OfferPolicy> offer = decided.rule().offer();
        int refusals = offer.isPresent() ? state.passedOver(conversation.id()) : 0;
        if (offer.isPresent() && offer.get().sendsToReview(refusals)) {
            decided = new PlanRunner.Decided(Offers.toReview(decided.trace(), offer.get(), refusals),
                    decided.ruleQueue(), decided.view(), decided.chain(), decided.rule());
        }
        return decided;
    }

    /** The trace with {@code because} (when not null) first: why the conversation is decided again. */
    private static Trace withBecause(Trace trace, Trace.Step because) {
        if (because == null) {
            return trace;
        }
        List<Trace.Step> steps = new ArrayList<>(trace.steps().size() + 1);
        steps.add(because);
        steps.addAll(trace.steps());
        return new Trace(trace.rule(), steps);
    }

    /**
     * Gives the conversation, in no place or waiting in {@code current}, to the owner the decisive step assigned;
     * false, with nothing changed, when that owner cannot take it.
     */
    private boolean commit(PlanRunner.Decided decided, Verdict.Assign assign, Optional<WaitingConversation> current) {
        if (current.isEmpty()) {
            return decided.view().commit(assign);
        }
        if (decided.view().refusal(assign.ownerId()) != null) {
            return false; // checked before the conversation leaves its queue, which would forget its reported breach
        }
        String id = current.get().conversation().id();
        state.dequeue(id);
        if (decided.view().commit(assign)) {
            return true;
        }
        state.enqueue(current.get());
        return false;
    }

    WaitingConversation enqueue(Conversation conversation, String queue, String reason, Trace trace,
            Instant now) {
        WaitingConversation entry = new WaitingConversation(conversation, queue, reason, now,
                now.plus(plan.queue(queue).sla()));
        state.enqueue(entry);
        counters.queued.increment();
        events.publish(new RoutingEvent.Queued(now, conversation, queue, reason, entry.slaDeadline(), trace));
        return entry;
    }

    /** Gives a conversation in no place to an owner, starting the deadline for its first reply if it has one. */
    void give(Conversation conversation, String ownerId, Instant now) {
        state.assign(conversation, ownerId, now);
        startResponseDeadline(conversation, now);
    }

    void startResponseDeadline(Conversation conversation, Instant now) {
        Duration deadline = responseDeadlines.get(conversation.priority());
        if (deadline != null) {
            state.startResponseDeadline(conversation.id(), now.plus(deadline));
        }
    }
}
