package dev.switchboard.routing.state;

import dev.switchboard.routing.Capacity;
import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.Owner;
import dev.switchboard.routing.OwnerStatus;
import dev.switchboard.routing.Placement;
import dev.switchboard.routing.Presence;
import dev.switchboard.routing.Strategy;
import dev.switchboard.routing.WaitingConversation;
import dev.switchboard.routing.WaitingNeed;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The router's live state, as a store keeps it: the roster with presence and loads, who owns what, the waiting
 * queues, the strategies' cursors, the customer memory, which identities are one customer, the offers that stand and
 * the timers. This is the service-provider interface a store implements: the router owns no state of its own beyond
 * its counters, so a router built on a store that already holds state carries on from it.
 *
 * <p><b>Atomicity.</b> Each operation is atomic in the store itself, and the store's invariants (no owner above its
 * capacity, total or per channel; a conversation in exactly one place; a waiting conversation served once) hold
 * whatever other callers do meanwhile, so that several routers may share one store. A decision is read through a
 * {@link LiveView} and committed by {@link LiveView#commit}, which checks that what the decision relied on still
 * holds; when it does not, the router decides again. Within one router the calls also come under its lock:
 * exclusively for every operation but {@link LiveView#commit}, {@link #tryRelease} and {@link #releaseIfOwned}, which
 * it runs on several threads at once, so an embedded store needs to be atomic per owner and per conversation only for
 * those.
 *
 * <p>The embedded default is {@code dev.switchboard.routing.InMemoryLiveState}; a shared store (such as Redis, for
 * hosts that run several instances) implements the same operations, each decision's commit as one atomic script.
 * Stores are made by a {@link LiveStateFactory} from the router's {@link LiveStateSettings}.
 */
public interface LiveState {

    // -- roster

    boolean hasOwner(String ownerId);

    void addOwner(Owner owner, Presence presence);

    /** Removes an owner that holds no conversations. */
    void removeOwner(String ownerId);

    OwnerStatus status(String ownerId);

    List<OwnerStatus> statuses();

    /** Sets presence; going offline starts the owner's offline timer, anything else stops it. */
    void setPresence(String ownerId, Presence presence, Instant at);

    void setCapacity(String ownerId, Capacity capacity);

    /**
     * Whether an owner is on the roster, may be given work automatically now (see {@link #view}), and has room below
     * its total capacity.
     */
    boolean hasRoom(String ownerId, Instant now);

    /**
     * Owners that are offline, with the time they went offline, in any order: the router takes back those past their
     * grace period in the order they went offline, then by owner id.
     */
    Map<String, Instant> offlineSince();

    // -- conversations

    /** Where an open conversation is; an id that joined another conversation gives that conversation's place. */
    Optional<Placement> placement(String conversationId);

    /**
     * Gives a conversation (not open elsewhere) to an owner that can take it, and remembers the owner for its customer.
     * A strategy's choice is given through its decision's {@link LiveView#commit} instead.
     */
    void assign(Conversation conversation, String ownerId, Instant at);

    /**
     * Releases an owned conversation from its owner if it is still placed there, as ended at {@code at}; safe to call
     * from several threads at once under the router's shared lock. False when it was no longer there, and nothing
     * changed.
     */
    boolean tryRelease(Placement.Owned owned, Instant at);

    /**
     * Releases a conversation as ended at {@code at} if it is owned under that very id (not an id that joined it),
     * and says whether any conversation waits after it: the router's release of an owned conversation, safe to call
     * from several threads at once under the router's shared lock. Empty when it is not owned under that id, or left
     * its owner meanwhile, and then nothing changed.
     *
     * <p>By default {@link #placement}, {@link #tryRelease} and {@link #hasWaiting}, one after the other; a store that
     * pays a round trip per call (such as Redis) does it in one.
     */
    default Optional<Released> releaseIfOwned(String conversationId, Instant at) {
        if (!(placement(conversationId).orElse(null) instanceof Placement.Owned owned)
                || !owned.conversation().id().equals(conversationId) || !tryRelease(owned, at)) {
            return Optional.empty();
        }
        return Optional.of(new Released(owned, hasWaiting()));
    }

    /**
     * Whether the router makes this store's decisions one at a time within the instance, rather than on several
     * threads at once (releases still run at once): true for a store whose commit is a round trip, where two threads
     * deciding at once read the same rotation cursor and all but one commit is refused, each refusal a round trip
     * wasted and a decision made again. A thread waits at most 200 ms for its turn, so that a call that hangs (the
     * store unreachable) does not hold the others back longer. By default false, for stores whose commits are cheap
     * compare-and-sets, as the embedded store's are.
     */
    default boolean decidesOneAtATime() {
        return false;
    }

    /**
     * Takes an owned conversation from its owner because it ended at {@code at}, and returns it: the owner's last
     * release, completions and wrap-up record it (see {@link #tryRelease}, which does the same).
     */
    Conversation release(String conversationId, Instant at);

    /**
     * Takes an owned conversation from its owner and returns it, without counting it as ended (a transfer, a re-route);
     * it is then in no place until put somewhere. A store shared by several routers may hold the take pending for the
     * calling thread and make it with the call that places the conversation next (an {@link #assign}, an
     * {@link #enqueue}, a view's {@link LiveView#commit}), which then fails, with nothing changed, when the
     * conversation is no longer that owner's; any other call makes it first, alone.
     */
    Conversation unassign(String conversationId);

    /** An owner's open conversations, oldest assignment first. */
    List<Conversation> conversationsOf(String ownerId);

    void enqueue(WaitingConversation entry);

    WaitingConversation dequeue(String conversationId);

    /** Replaces why a conversation waits, keeping its queue, place, entry time and SLA deadline. */
    void updateReason(String conversationId, String reason);

    /** Every waiting conversation in every queue, in serve order. */
    List<WaitingConversation> waiting();

    /**
     * The first conversation waiting in any queue after {@code previous} in serve order (the very first when
     * {@code previous} is empty; it may have left its queue since). Serve order is one order across all queues, the
     * order of {@link #waiting()}.
     */
    Optional<WaitingConversation> waitingAfter(Optional<WaitingConversation> previous);

    /** As {@link #waitingAfter(Optional)}, among the conversations waiting in {@code queues}. */
    Optional<WaitingConversation> waitingAfter(Optional<WaitingConversation> previous, Collection<String> queues);

    /**
     * As {@link #waitingAfter(Optional, Collection)}, among the conversations whose {@link WaitingNeed} {@code wanted}
     * accepts; {@code wanted} gives the same answer for the same need throughout one walk. A store that groups its
     * queues by need asks once per group and passes over a refused group whole; by default the conversations are
     * walked one by one and each one's need asked.
     */
    default Optional<WaitingConversation> waitingAfter(Optional<WaitingConversation> previous,
            Collection<String> queues, Predicate<WaitingNeed> wanted) {
        Optional<WaitingConversation> next = previous;
        do {
            next = waitingAfter(next, queues);
        } while (next.isPresent() && !wanted.test(WaitingNeed.of(next.get().conversation())));
        return next;
    }

    boolean hasWaiting();

    /** Marks a waiting conversation's SLA breach as reported; returns false if it already was. */
    boolean markBreachReported(String conversationId);

    // -- customers

    /**
     * The customer an identity belongs to: of a set of linked identities, the one seen first; an identity never
     * linked is its own customer.
     */
    String customerOf(String identity);

    /**
     * Makes two identities one customer. The customer's memory of its previous owner is kept (the earlier set's,
     * when both have one), and so are its placed conversations, which the router then merges.
     */
    void link(String identity, String otherIdentity);

    /**
     * The placed conversations (owned or waiting) of a customer, as given by {@link #customerOf}, in any order: the
     * router orders them itself when it merges them.
     */
    List<String> conversationsOfCustomer(String customer);

    /**
     * Makes {@code alias} another id of the placed conversation {@code conversationId}, together with the aliases
     * {@code alias} had itself.
     */
    void addAlias(String alias, String conversationId);

    /**
     * Forgets what was kept about a conversation that has left the router (released, rejected, or joined another):
     * its aliases and the owners who let its response deadline lapse.
     */
    void forget(String conversationId);

    // -- response deadlines

    /** Starts the deadline for the first reply of an owned conversation's owner; unassigning it stops the deadline. */
    void startResponseDeadline(String conversationId, Instant deadline);

    /** Stops an owned conversation's response deadline (its owner replied); false if none was running. */
    boolean stopResponseDeadline(String conversationId);

    /**
     * The owned conversations whose response deadline is at or before {@code now}, with it, in any order: the router
     * lapses them earliest first, then by conversation id.
     */
    Map<String, Instant> responseDeadlinesDue(Instant now);

    /**
     * Records that an owner let a conversation's response deadline lapse, so that the conversation's later
     * {@link #view views} leave that owner out; returns how many deadlines of the conversation have lapsed.
     */
    int recordLapse(String conversationId, String ownerId);

    /** How many response deadlines of an open conversation have lapsed. */
    int lapses(String conversationId);

    // -- offers

    /**
     * Turns a conversation just given to an owner through its decision's {@link LiveView#commit} into an offer to that
     * owner made at {@code at}, standing until {@code expiresAt}: it keeps the owner's room, and is
     * {@link Placement.Offered} instead of owned.
     */
    Placement.Offered offer(String conversationId, Instant at, Instant expiresAt);

    /**
     * Offers an offered conversation to one more owner, taking its room, if that owner may be given it automatically
     * now and has room on its channel; false when not, and then nothing changed.
     */
    boolean ring(String conversationId, String ownerId, Instant at);

    /**
     * Takes back one owner's offer of a conversation and gives back its room: returns the offer that still stands to
     * others, or empty when none does, and the conversation is then in no place until put somewhere.
     */
    Optional<Placement.Offered> withdraw(String conversationId, String ownerId);

    /**
     * Gives an offered conversation to one of the owners it is offered to: the others' offers are taken back and their
     * room given back, and the owner is remembered for the conversation's customer (the commit that made the offer
     * remembered the owner it was first offered to).
     */
    Placement.Owned accept(String conversationId, String ownerId);

    /**
     * The offers that expire at or before {@code now}, in any order: the router expires them earliest first, then by
     * conversation id.
     */
    List<Placement.Offered> offersDue(Instant now);

    /**
     * Leaves an owner out of a conversation's later {@link #view views}: it declined the conversation or let its
     * offer expire (or is being rung for it); returns how many owners are now left out for it.
     */
    int passOver(String conversationId, String ownerId);

    /** Lets an owner that was {@link #passOver passed over} for a conversation be chosen for it again. */
    void readmit(String conversationId, String ownerId);

    /** How many owners are passed over for an open conversation. */
    int passedOver(String conversationId);

    // -- snapshots

    /**
     * Everything this store holds now (see {@link StateSnapshot}), for a store that carries on from it after a
     * restart; the router takes it under its exclusive lock, so it is consistent.
     */
    StateSnapshot snapshot();

    /**
     * Fills this store, which must be empty (as its factory made it), with a snapshot's state: afterwards it answers
     * every question as the store the snapshot was taken from did.
     *
     * @throws IllegalStateException when the store already holds state, which is then left unchanged
     */
    void restore(StateSnapshot snapshot);

    // -- strategy memory

    /** Keeps each owner's releases this far back (see {@link Strategy#completionWindow()}); zero keeps none. */
    void keepCompletions(Duration window);

    /**
     * A view for strategies deciding this conversation now by one rule: its candidates are the rule's owners
     * ({@code owners}, or the whole roster when empty) apart from those that may not be given work automatically now
     * (opted out of automatic assignment, outside their working hours, wrapping up, at their assignment or daily cap,
     * that let this conversation's response deadline lapse, or that were {@link #passOver passed over} for it); its
     * cursors are those kept under {@code cursorScope}.
     */
    LiveView view(Conversation conversation, Instant now, Set<String> owners, String cursorScope);
}
