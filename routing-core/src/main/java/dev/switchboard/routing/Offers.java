package dev.switchboard.routing;

import dev.switchboard.routing.event.RoutingEvent;
import dev.switchboard.routing.state.LiveState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The router's offers (see {@link OfferPolicy}): makes them once a rule's chain chose an owner, rings the next owners
 * the chain chooses, and turns an accept into an assignment and a decline, an expiry or a withdrawal into the offers
 * that still stand. The {@link LiveState} holds every reservation; this class decides what changes and publishes the
 * events. It runs under the router's exclusive lock; deciding a conversation again is left to the router.
 */
final class Offers {

    /** The name of the step that offers, accepts and takes back offers in traces. */
    static final String STEP = "offer";

    private final LiveState state;
    private final EventDispatcher events;

    Offers(LiveState state, EventDispatcher events) {
        this.state = state;
        this.events = events;
    }

    /**
     * Offers a conversation whose chain chose {@code first} (an assignment already committed through the decision's
     * view) to that owner, and, when the policy rings several, to each next owner the rule's chain chooses with those
     * already rung left out, as long as it assigns one.
     */
    Decision.Offered make(Conversation conversation, PlanRunner plan, Trace trace, Verdict.Assign first,
            OfferPolicy policy, Instant now) {
        String id = conversation.id();
        Instant expiresAt = now.plus(policy.timeout());
        state.offer(id, now, expiresAt);
        List<String> rung = new ArrayList<>(List.of(first.ownerId()));
        List<Trace.Step> steps = new ArrayList<>(trace.steps());
        while (rung.size() < policy.ring()) {
            state.passOver(id, rung.get(rung.size() - 1));
            if (!(plan.decide(conversation, now, state).verdict() instanceof Verdict.Assign next)
                    || !state.ring(id, next.ownerId(), now)) {
                break;
            }
            rung.add(next.ownerId());
            steps.add(new Trace.Step(STEP, new Verdict.Assign(next.ownerId(), "rung too: " + next.reason(),
                    Map.of())));
        }
        rung.forEach(ownerId -> state.readmit(id, ownerId));
        Trace offered = new Trace(trace.rule(), steps);
        String strategy = trace.decisive().strategy();
        for (String ownerId : rung) {
            events.publish(new RoutingEvent.Offered(now, conversation, ownerId, strategy, expiresAt, offered));
        }
        return new Decision.Offered(id, rung, strategy, expiresAt, offered);
    }

    /**
     * The offer of an open conversation to an owner, or why there is none.
     *
     * @throws IllegalStateException when the conversation is not offered to this owner: it already owns it, another
     *     owner does, it waits in a queue, or it is offered to others
     */
    static Placement.Offered require(Placement placement, String ownerId) {
        String id = placement.conversation().id();
        if (placement instanceof Placement.Offered offer && offer.ownerIds().contains(ownerId)) {
            return offer;
        }
        if (placement instanceof Placement.Owned owned) {
            throw new IllegalStateException("conversation '" + id + "' is not offered to '" + ownerId + "': it was"
                    + " already accepted by " + owned.ownerId());
        }
        throw new IllegalStateException("conversation '" + id + "' is not offered to '" + ownerId + "': it is "
                + whereNow(placement));
    }

    /** Where a conversation that is not owned is, for messages: waiting in a queue, or offered to owners. */
    static String whereNow(Placement placement) {
        if (placement instanceof Placement.Offered offer) {
            return "offered to " + String.join(", ", offer.ownerIds());
        }
        if (placement instanceof Placement.Waiting) {
            return "waiting in a queue";
        }
        return "owned by " + ((Placement.Owned) placement).ownerId();
    }

    /** Gives an offered conversation to the owner who accepted it, withdrawing the offers to the others. */
    Decision.Assigned accept(Placement.Offered offer, String ownerId, Instant now) {
        Conversation conversation = offer.conversation();
        state.accept(conversation.id(), ownerId);
        for (String other : offer.ownerIds()) {
            if (!other.equals(ownerId)) {
                events.publish(new RoutingEvent.OfferWithdrawn(now, conversation, other, "accepted by " + ownerId));
            }
        }
        Trace trace = Trace.of(STEP, new Verdict.Assign(ownerId, "accepted the offer made at " + offer.offeredAt(),
                Map.of()));
        events.publish(new RoutingEvent.Assigned(now, conversation, ownerId, STEP, trace));
        return new Decision.Assigned(conversation.id(), ownerId, STEP, trace);
    }

    /**
     * Takes back an owner's offer that it declined, leaving the owner out of the conversation's later decisions:
     * the offer that still stands to others, or empty when the conversation must be decided again.
     */
    Optional<Placement.Offered> decline(Placement.Offered offer, String ownerId, String reason, Instant now) {
        events.publish(new RoutingEvent.OfferDeclined(now, offer.conversation(), ownerId, reason));
        state.passOver(offer.conversation().id(), ownerId);
        return state.withdraw(offer.conversation().id(), ownerId);
    }

    /**
     * Takes back every offer of a conversation that expired, leaving their owners out of its later decisions; it must
     * then be decided again, and the returned sentence says why.
     */
    String expire(Placement.Offered offer, Instant now) {
        String id = offer.conversation().id();
        for (String ownerId : offer.ownerIds()) {
            events.publish(new RoutingEvent.OfferExpired(now, offer.conversation(), ownerId, offer.expiresAt()));
            state.passOver(id, ownerId);
            state.withdraw(id, ownerId);
        }
        return "offer to " + String.join(", ", offer.ownerIds()) + " expired after "
                + words(Duration.between(offer.offeredAt(), offer.expiresAt()));
    }

    /**
     * Takes back one owner's offer without its answer (it went offline or left): the offer that still stands to
     * others, or empty when the conversation must be decided again.
     */
    Optional<Placement.Offered> withdraw(Placement.Offered offer, String ownerId, String reason, Instant now) {
        events.publish(new RoutingEvent.OfferWithdrawn(now, offer.conversation(), ownerId, reason));
        return state.withdraw(offer.conversation().id(), ownerId);
    }

    /** Takes back every offer of a conversation that leaves the router (released, or joined another). */
    void withdrawAll(Placement.Offered offer, String reason, Instant now) {
        for (String ownerId : offer.ownerIds()) {
            withdraw(offer, ownerId, reason, now);
        }
    }

    /**
     * The trace that sends a conversation to review when its rule's policy says it was declined or let expire often
     * enough, in place of what the rule's chain said.
     */
    static Trace toReview(Trace trace, OfferPolicy policy, int refusals) {
        return new Trace(trace.rule(), List.of(new Trace.Step(STEP, Verdict.enqueue(policy.reviewQueue().orElseThrow(),
                refusals + " offers declined or expired (review after " + policy.reviewAfter() + ")"))));
    }

    /** The step that says why a conversation is decided again after its offers ended. */
    static Trace.Step because(String why) {
        return new Trace.Step(STEP, Verdict.pass(PassReason.NONE_AVAILABLE, why));
    }

    /** A duration as people read it: {@code 30s}, {@code 2m}, {@code 1h30m}. */
    static String words(Duration duration) {
        return duration.toString().substring(2).toLowerCase(Locale.ROOT);
    }
}
