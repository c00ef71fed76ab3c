package dev.switchboard.routing;

import dev.switchboard.routing.event.RoutingEvent;
import dev.switchboard.routing.state.LiveState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The work {@link Router#tick()} does by the clock, in this order: takes back the conversations of owners offline past
 * the grace period, takes back conversations whose owner let the response deadline lapse (to review after too many),
 * decides expired offers again, reports SLA breaches once each, moves waiting conversations
 * whose overflow policies hold (see {@link Overflows}), and drains every queue.
 */
final class Timers {

    private static final String RESPONSE_REVIEW = "response-review";

    /**
     * Earliest first, then by id. The work a tick finds due is done in this order of its own, never in the order a
     * store hands it over (a map has none, and stores break ties differently), so that a router restored from a
     * snapshot, or sharing its store with another, does the same work in the same order.
     */
    private static final Comparator<Map.Entry<String, Instant>> EARLIEST_THEN_BY_ID = Map.Entry
            .<String, Instant>comparingByValue().thenComparing(Map.Entry.comparingByKey());

    private static final Comparator<Placement.Offered> EXPIRING_FIRST_THEN_BY_ID = Comparator
            .comparing(Placement.Offered::expiresAt).thenComparing(offer -> offer.conversation().id());

    private final RouterLock lock;
    private final LiveState state;
    private final Settler settler;
    private final Drains drains;
    private final Offers offers;
    private final Overflows overflows;
    private final EventDispatcher events;
    private final Counters counters;
    private final OfflinePolicy offlinePolicy;
    private final int maxBounces;
    private final String reviewQueue;
    /**
     * The waits past their SLA whose breach the store answered is reported (by this router or another sharing the
     * store), so that a tick does not ask about them again: a shared store answers each question with a round trip.
     * Kept to the waits that still wait past their SLA at the latest tick; a wait that changes (a new reason, queue
     * or deadline) is another entry, and is asked about. Read and replaced only under the exclusive lock.
     */
    private Set<WaitingConversation> breachesReported = Set.of();

    Timers(RouterLock lock, LiveState state, Settler settler, Drains drains, Offers offers, Overflows overflows,
            EventDispatcher events, Counters counters, OfflinePolicy offlinePolicy, int maxBounces, String reviewQueue) {
        this.lock = lock;
        this.state = state;
        this.settler = settler;
        this.drains = drains;
        this.offers = offers;
        this.overflows = overflows;
        this.events = events;
        this.counters = counters;
        this.offlinePolicy = offlinePolicy;
        this.maxBounces = maxBounces;
        this.reviewQueue = reviewQueue;
    }

    void tick() {
        lock.atomically(now -> {
            lock.record(now, new RouterInput.Tick());
            takeBackOfflinePastGrace(now);
            lapseResponseDeadlines(now);
            expireOffers(now);
            reportSlaBreaches(now);
            overflows.tick(settler.plan(), now);
            drains.drainAll(now);
            return null;
        });
    }

    /** In the order the owners went offline, then by owner id (see {@link #EARLIEST_THEN_BY_ID}). */
    private void takeBackOfflinePastGrace(Instant now) {
        List<Map.Entry<String, Instant>> pastGrace = new ArrayList<>();
        for (Map.Entry<String, Instant> offline : state.offlineSince().entrySet()) {
            if (!offline.getValue().plus(offlinePolicy.grace()).isAfter(now)) {
                pastGrace.add(offline);
            }
        }
        pastGrace.sort(EARLIEST_THEN_BY_ID);
        for (Map.Entry<String, Instant> offline : pastGrace) {
            drains.takeBack(offline.getKey(), "owner " + offline.getKey() + " stayed offline past the grace period of "
                    + offlinePolicy.grace(), now);
        }
    }

    /** Lapses the response deadlines due, earliest first, then by conversation id (see {@link #EARLIEST_THEN_BY_ID}). */
    private void lapseResponseDeadlines(Instant now) {
        List<Map.Entry<String, Instant>> due = new ArrayList<>(state.responseDeadlinesDue(now).entrySet());
        due.sort(EARLIEST_THEN_BY_ID);
        due.forEach(deadline -> lapse(deadline.getKey(), deadline.getValue(), now));
    }

    /**
     * Takes back a conversation whose owner did not reply by its deadline and routes it again without that owner, or,
     * when it was already routed again {@code maxBounces} times, puts it in the review queue.
     */
    private void lapse(String id, Instant deadline, Instant now) {
        if (!(state.placement(id).orElse(null) instanceof Placement.Owned owned)) {
            return; // released or taken back since it was due, by another instance sharing the store
        }
        String ownerId = owned.ownerId();
        int missed = state.recordLapse(id, ownerId); // first: a store may hold the take until the conversation's next place
        Conversation conversation = state.unassign(id);
        events.publish(new RoutingEvent.ResponseDeadlineMissed(now, conversation, ownerId, deadline, missed));
        String reason = "owner " + ownerId + " did not reply by the response deadline " + deadline;
        if (missed > maxBounces) {
            String held = reason + "; " + missed + " response deadlines missed";
            settler.enqueue(conversation, reviewQueue, held, Trace.of(RESPONSE_REVIEW,
                    Verdict.enqueue(reviewQueue, held)), now);
        } else {
            drains.reroute(List.of(conversation), ownerId, reason, now);
        }
        drains.drainFor(ownerId, now);
    }

    /**
     * Takes back expired offers, earliest first, then by conversation id (a shared store breaks ties by the order the
     * offers were made, which another instance or a restored router does not share), and decides those conversations
     * again without the owners who let them expire.
     */
    private void expireOffers(Instant now) {
        List<Placement.Offered> due = new ArrayList<>(state.offersDue(now));
        due.sort(EXPIRING_FIRST_THEN_BY_ID);
        for (Placement.Offered offer : due) {
            String why = offers.expire(offer, now);
            settler.settle(offer.conversation(), now, Optional.empty(), Offers.because(why));
            offer.ownerIds().forEach(ownerId -> drains.drainFor(ownerId, now));
        }
    }

    private void reportSlaBreaches(Instant now) {
        Set<WaitingConversation> reported = new HashSet<>();
        for (WaitingConversation entry : state.waiting()) {
            if (entry.slaDeadline().isAfter(now)) {
                continue;
            }
            if (!breachesReported.contains(entry) && state.markBreachReported(entry.conversation().id())) {
                counters.slaBreached.increment();
                events.publish(new RoutingEvent.SlaBreached(now, entry.conversation(), entry.queue(),
                        entry.slaDeadline()));
            }
            reported.add(entry);
        }
        breachesReported = reported;
    }
}
