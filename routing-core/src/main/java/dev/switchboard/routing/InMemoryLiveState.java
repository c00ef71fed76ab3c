package dev.switchboard.routing;

import dev.switchboard.routing.state.LiveState;
import dev.switchboard.routing.state.LiveStateSettings;
import dev.switchboard.routing.state.LiveView;
import dev.switchboard.routing.state.Released;
import dev.switchboard.routing.state.StateSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The embedded live state, a router's default store: plain collections, guarded by the router's lock, except for
 * what routes and releases change under its shared lock on several threads at once (see {@link LiveState}): the
 * placements (a concurrent map), the roster's loads (each owner's under its own lock, see {@link Roster}), the cursors
 * (see {@link Cursors}) and the customer memory (a Caffeine cache). Its parts are named after what they keep: the
 * {@link Roster}, the {@link WaitingQueues}, the {@link Customers} (identities, aliases, memory), the
 * {@link DeadlinesAndOffers}; {@link InMemorySnapshots} writes and restores all of them.
 */
public final class InMemoryLiveState implements LiveState {

    final InstantSource clock;
    final Roster roster;
    /**
     * Every open conversation's place; an owned one keeps its {@link Placement.Owned}, built once. Concurrent, as
     * conversations are placed and released on several threads under the router's shared lock.
     */
    final Map<String, Placement> placed = new ConcurrentHashMap<>();
    final WaitingQueues queues;
    /** Strategies' cursors by scope (a rule); concurrent, as a rule's first decision may be made on any thread. */
    final Map<String, Cursors> cursors = new ConcurrentHashMap<>();
    final Customers customers;
    final DeadlinesAndOffers timers = new DeadlinesAndOffers(this);
    /** Each thread's view, reset for each decision it makes. */
    private final ThreadLocal<InMemoryView> views;

    /** An empty store with the router's settings. */
    public InMemoryLiveState(LiveStateSettings settings) {
        Checks.notNull(settings, "settings");
        this.clock = settings.clock();
        this.roster = new Roster(settings.wrapUp());
        this.queues = new WaitingQueues(settings.serveOrder().comparator());
        this.customers = new Customers(clock, settings.maxCustomers(), settings.customerTtl(),
                settings.tracksCustomers());
        this.views = ThreadLocal.withInitial(() -> new InMemoryView(this, roster, customers));
    }

    // -- roster

    @Override
    public boolean hasRoom(String ownerId, Instant now) {
        Roster.Slot slot = roster.get(ownerId);
        return slot != null && slot.presence.mayReceiveWork() && slot.load < slot.owner.capacity().total()
                && slot.heldBack(now) == null;
    }

    @Override
    public boolean hasOwner(String ownerId) {
        return roster.get(ownerId) != null;
    }

    @Override
    public void addOwner(Owner owner, Presence presence) {
        roster.add(owner, presence);
    }

    @Override
    public void removeOwner(String ownerId) {
        Roster.Slot slot = roster.require(ownerId);
        if (!slot.conversations.isEmpty()) {
            throw new IllegalStateException("owner '" + ownerId + "' still holds conversations");
        }
        roster.remove(slot);
        timers.offlineSince.remove(ownerId);
    }

    @Override
    public OwnerStatus status(String ownerId) {
        return roster.require(ownerId).status();
    }

    @Override
    public List<OwnerStatus> statuses() {
        List<OwnerStatus> statuses = new ArrayList<>();
        for (Roster.Slot slot : roster.inOrder()) {
            statuses.add(slot.status());
        }
        return statuses;
    }

    @Override
    public void setPresence(String ownerId, Presence presence, Instant at) {
        roster.setPresence(roster.require(ownerId), presence);
        if (presence == Presence.OFFLINE) {
            timers.offlineSince.put(ownerId, at);
        } else {
            timers.offlineSince.remove(ownerId);
        }
    }

    @Override
    public void setCapacity(String ownerId, Capacity capacity) {
        roster.setCapacity(roster.require(ownerId), capacity);
    }

    @Override
    public Map<String, Instant> offlineSince() {
        return Map.copyOf(timers.offlineSince);
    }

    @Override
    public void keepCompletions(Duration window) {
        roster.keepCompletions(window);
    }

    @Override
    public List<Conversation> conversationsOf(String ownerId) {
        return List.copyOf(roster.require(ownerId).conversations.values());
    }

    // -- conversations

    @Override
    public Optional<Placement> placement(String id) {
        return Optional.ofNullable(placed.get(customers.conversationId(id)));
    }

    @Override
    public void assign(Conversation conversation, String ownerId, Instant at) {
        Roster.Slot slot = roster.require(ownerId);
        if (!tryAssign(conversation, slot, at, false)) {
            throw new IllegalStateException("owner '" + ownerId + "' cannot take conversation '" + conversation.id()
                    + "': it is " + slot.presence + " with free capacity " + slot.freeCapacityOn(conversation.channel())
                    + " on channel '" + conversation.channel() + "', or the conversation is already placed");
        }
    }

    /**
     * Gives a conversation to an owner if the owner can still take it and the conversation is in no place. The owner's
     * room and the conversation's place are taken together under the owner's lock, or neither is: a decision that
     * loses the place to another thread has taken nothing (no load, no assignment counted by a cap), and a release of
     * the place on another thread waits for the owner's lock before it gives the room back.
     */
    boolean tryAssign(Conversation conversation, Roster.Slot slot, Instant at, boolean automatic) {
        Placement.Owned owned = new Placement.Owned(conversation, slot.owner.id());
        synchronized (slot) {
            if (!Roster.canTake(slot, conversation, at, automatic) || !tryPlace(conversation, owned)) {
                return false;
            }
            roster.assigned(slot, conversation, at);
        }
        customers.served(conversation.customerId(), slot.owner.id(), at);
        return true;
    }

    @Override
    public boolean tryRelease(Placement.Owned owned, Instant at) {
        if (!placed.remove(owned.conversation().id(), owned)) {
            return false;
        }
        roster.released(roster.require(owned.ownerId()), owned.conversation(), at);
        return true;
    }

    @Override
    public Optional<Released> releaseIfOwned(String conversationId, Instant at) {
        Placement.Owned owned = releaseOwned(conversationId, at);
        return owned == null ? Optional.empty() : Optional.of(new Released(owned, hasWaiting()));
    }

    /**
     * As {@link #releaseIfOwned}, without building its answer: the placement the conversation left, or null when it
     * is not owned under that id (an id that joined another conversation is no key of {@link #placed}) or left its
     * owner meanwhile; the router's shared path asks {@link #hasWaiting} itself.
     */
    Placement.Owned releaseOwned(String conversationId, Instant at) {
        return placed.get(conversationId) instanceof Placement.Owned owned && tryRelease(owned, at) ? owned : null;
    }

    @Override
    public Conversation release(String conversationId, Instant at) {
        Placement.Owned owned = take(conversationId);
        roster.released(roster.require(owned.ownerId()), owned.conversation(), at);
        return owned.conversation();
    }

    @Override
    public Conversation unassign(String conversationId) {
        Placement.Owned owned = take(conversationId);
        roster.unassigned(roster.require(owned.ownerId()), owned.conversation());
        return owned.conversation();
    }

    /** Takes an owned conversation out of its place stopping its response deadline; the caller updates the owner. */
    private Placement.Owned take(String conversationId) {
        if (!(placed.get(conversationId) instanceof Placement.Owned owned)) {
            throw new IllegalStateException("conversation '" + conversationId + "' is not owned");
        }
        unplace(owned);
        if (!timers.responseDeadlines.isEmpty()) {
            timers.responseDeadlines.remove(conversationId);
        }
        return owned;
    }

    @Override
    public void enqueue(WaitingConversation entry) {
        place(entry.conversation(), new Placement.Waiting(entry));
        queues.add(entry);
    }

    @Override
    public WaitingConversation dequeue(String conversationId) {
        WaitingConversation entry = requireWaiting(conversationId);
        unplace(placed.get(conversationId));
        queues.remove(entry);
        return entry;
    }

    @Override
    public void updateReason(String conversationId, String reason) {
        WaitingConversation entry = requireWaiting(conversationId);
        WaitingConversation updated = new WaitingConversation(entry.conversation(), entry.queue(), reason,
                entry.enqueuedAt(), entry.slaDeadline());
        queues.replace(entry, updated);
        placed.put(conversationId, new Placement.Waiting(updated));
    }

    private WaitingConversation requireWaiting(String conversationId) {
        if (!(placed.get(conversationId) instanceof Placement.Waiting waiting)) {
            throw new IllegalStateException("conversation '" + conversationId + "' is not waiting");
        }
        return waiting.entry();
    }

    @Override
    public List<WaitingConversation> waiting() {
        return queues.all();
    }

    @Override
    public Optional<WaitingConversation> waitingAfter(Optional<WaitingConversation> previous) {
        return queues.after(previous, queues.names());
    }

    @Override
    public Optional<WaitingConversation> waitingAfter(Optional<WaitingConversation> previous,
            Collection<String> queueNames) {
        return queues.after(previous, queueNames);
    }

    @Override
    public Optional<WaitingConversation> waitingAfter(Optional<WaitingConversation> previous,
            Collection<String> queueNames, Predicate<WaitingNeed> wanted) {
        return queues.after(previous, queueNames, wanted);
    }

    @Override
    public boolean hasWaiting() {
        return !queues.isEmpty();
    }

    @Override
    public boolean markBreachReported(String conversationId) {
        return queues.markBreachReported(conversationId);
    }

    void place(Conversation conversation, Placement placement) {
        if (!tryPlace(conversation, placement)) {
            throw new IllegalStateException("conversation '" + conversation.id() + "' is already placed");
        }
    }

    private boolean tryPlace(Conversation conversation, Placement placement) {
        if (placed.putIfAbsent(conversation.id(), placement) != null) {
            return false;
        }
        customers.placed(conversation);
        return true;
    }

    void unplace(Placement placement) {
        placed.remove(placement.conversation().id());
        customers.unplaced(placement.conversation());
    }

    // -- customers

    @Override
    public String customerOf(String identity) {
        return customers.customerOf(identity);
    }

    @Override
    public void link(String identity, String otherIdentity) {
        customers.link(identity, otherIdentity);
    }

    @Override
    public List<String> conversationsOfCustomer(String customer) {
        return customers.conversationsOf(customer);
    }

    @Override
    public void addAlias(String alias, String conversationId) {
        customers.addAlias(alias, conversationId);
    }

    @Override
    public void forget(String conversationId) {
        if (customers.hasAliases() || timers.keepsAnyConversation()) {
            customers.forgetAliases(conversationId);
            timers.forget(conversationId);
        }
    }

    // -- response deadlines

    @Override
    public void startResponseDeadline(String conversationId, Instant deadline) {
        if (!(placed.get(conversationId) instanceof Placement.Owned)) {
            throw new IllegalStateException("conversation '" + conversationId + "' is not owned");
        }
        timers.responseDeadlines.put(conversationId, deadline);
    }

    @Override
    public boolean stopResponseDeadline(String conversationId) {
        return timers.responseDeadlines.remove(conversationId) != null;
    }

    @Override
    public Map<String, Instant> responseDeadlinesDue(Instant now) {
        return timers.responseDeadlinesDue(now);
    }

    @Override
    public int recordLapse(String conversationId, String ownerId) {
        return timers.recordLapse(conversationId, ownerId);
    }

    @Override
    public int lapses(String conversationId) {
        return timers.lapses(conversationId);
    }

    // -- offers

    @Override
    public Placement.Offered offer(String conversationId, Instant at, Instant expiresAt) {
        return timers.offer(conversationId, at, expiresAt);
    }

    @Override
    public boolean ring(String conversationId, String ownerId, Instant at) {
        return timers.ring(conversationId, ownerId, at);
    }

    @Override
    public Optional<Placement.Offered> withdraw(String conversationId, String ownerId) {
        return timers.withdraw(conversationId, ownerId);
    }

    @Override
    public Placement.Owned accept(String conversationId, String ownerId) {
        return timers.accept(conversationId, ownerId);
    }

    @Override
    public List<Placement.Offered> offersDue(Instant now) {
        return timers.offersDue(now);
    }

    @Override
    public int passOver(String conversationId, String ownerId) {
        return timers.passOver(conversationId, ownerId);
    }

    @Override
    public void readmit(String conversationId, String ownerId) {
        timers.readmit(conversationId, ownerId);
    }

    @Override
    public int passedOver(String conversationId) {
        return timers.passedOver(conversationId);
    }

    // -- snapshots

    @Override
    public StateSnapshot snapshot() {
        return InMemorySnapshots.write(this);
    }

    @Override
    public void restore(StateSnapshot snapshot) {
        Checks.notNull(snapshot, "snapshot");
        InMemorySnapshots.restore(this, snapshot);
    }

    // -- deciding

    @Override
    public LiveView view(Conversation conversation, Instant now, Set<String> owners, String cursorScope) {
        InMemoryView view = views.get();
        view.reset(conversation, now, owners, timers.lapsedBy.isEmpty() ? null : timers.lapsedBy.get(conversation.id()),
                timers.passedOver.isEmpty() ? null : timers.passedOver.get(conversation.id()), cursors(cursorScope));
        return view;
    }

    Cursors cursors(String cursorScope) {
        Cursors scope = cursors.get(cursorScope);
        return scope != null ? scope : cursors.computeIfAbsent(cursorScope, key -> new Cursors());
    }
}
