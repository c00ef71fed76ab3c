package dev.switchboard.routing;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.switchboard.routing.state.LiveState;
import dev.switchboard.routing.state.LiveStateSettings;
import dev.switchboard.routing.state.LiveView;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The embedded live state, a router's default store: plain collections, guarded by the router's lock, except for
 * what routes and releases change under its shared lock on several threads at once (see {@link LiveState}): the placements (a concurrent map),
 * the roster's loads (each owner's under its own lock, see {@link Roster}), the cursors (see {@link Cursors}) and the
 * customer memory (a Caffeine cache). Linked identities form a union-find forest ({@code linkedTo} points towards the
 * customer); identities that were never linked take no memory.
 */
public final class InMemoryLiveState implements LiveState {

    private final Roster roster;
    /**
     * Every open conversation's place; an owned one keeps its {@link Placement.Owned}, built once. Concurrent, as
     * conversations are placed and released on several threads under the router's shared lock.
     */
    private final Map<String, Placement> placed = new ConcurrentHashMap<>();
    private final Map<String, NavigableSet<WaitingConversation>> queues = new HashMap<>();
    private final Comparator<WaitingConversation> serveOrder;
    private final Set<String> breachReported = new HashSet<>();
    /** Strategies' cursors by scope (a rule); concurrent, as a rule's first decision may be made on any thread. */
    private final Map<String, Cursors> cursors = new ConcurrentHashMap<>();
    /** Each thread's view, reset for each decision it makes. */
    private final ThreadLocal<View> views = ThreadLocal.withInitial(() -> new View());
    private final Map<String, Instant> offlineSince = new LinkedHashMap<>();
    private final Cache<String, CustomerOwners> previousOwners;
    private final Map<String, String> linkedTo = new HashMap<>();
    private final Map<String, Long> firstSeen = new HashMap<>();
    private final boolean tracksCustomers;
    private final Map<String, Set<String>> placedByCustomer = new HashMap<>();
    private final Map<String, String> aliasOf = new HashMap<>();
    private final Map<String, Set<String>> aliasesOf = new HashMap<>();
    private final Map<String, Instant> responseDeadlines = new HashMap<>();
    private final Map<String, List<String>> lapsedBy = new HashMap<>();
    /** The offers that stand, by conversation id, in the order they were made. */
    private final Map<String, Placement.Offered> offers = new LinkedHashMap<>();
    /** The owners left out of each conversation's views after declining it or letting its offer expire. */
    private final Map<String, Set<String>> passedOver = new HashMap<>();
    private int waitingCount;
    private long nextIdentity;

    /** An empty store with the router's settings. */
    public InMemoryLiveState(LiveStateSettings settings) {
        Checks.notNull(settings, "settings");
        InstantSource clock = settings.clock();
        Duration customerTtl = settings.customerTtl();
        Duration wrapUp = settings.wrapUp();
        this.roster = new Roster(wrapUp);
        this.serveOrder = settings.serveOrder().comparator();
        this.tracksCustomers = settings.tracksCustomers();
        // Caffeine keeps time as nanoseconds in a long, which lasts 292 years, less than a ManualClock may run. So the
        // memory keeps time in microseconds since the router started instead, the ticker and the ttl alike: that lasts
        // 292,000 years, more than all of Bounds, and the ticker saturates beyond.
        Instant start = clock.instant();
        previousOwners = Caffeine.newBuilder()
                .maximumSize(settings.maxCustomers())
                .expireAfterWrite(Math.max(1, TimeUnit.MICROSECONDS.convert(customerTtl)), TimeUnit.NANOSECONDS)
                .ticker(() -> TimeUnit.MICROSECONDS.convert(Duration.between(start, clock.instant())))
                .executor(Runnable::run)
                .build();
    }

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
        offlineSince.remove(ownerId);
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
            offlineSince.put(ownerId, at);
        } else {
            offlineSince.remove(ownerId);
        }
    }

    @Override
    public void setCapacity(String ownerId, Capacity capacity) {
        roster.setCapacity(roster.require(ownerId), capacity);
    }

    @Override
    public Map<String, Instant> offlineSince() {
        return Map.copyOf(offlineSince);
    }

    @Override
    public Optional<Placement> placement(String id) {
        String conversationId = aliasOf.isEmpty() ? id : aliasOf.getOrDefault(id, id);
        return Optional.ofNullable(placed.get(conversationId));
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
    private boolean tryAssign(Conversation conversation, Roster.Slot slot, Instant at, boolean automatic) {
        Placement.Owned owned = new Placement.Owned(conversation, slot.owner.id());
        synchronized (slot) {
            if (!Roster.canTake(slot, conversation, at, automatic) || !tryPlace(conversation, owned)) {
                return false;
            }
            roster.assigned(slot, conversation, at);
        }
        String ownerId = slot.owner.id();
        previousOwners.asMap().merge(customerOf(conversation.customerId()), CustomerOwners.first(ownerId),
                (remembered, first) -> remembered.servedBy(ownerId));
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
        if (!responseDeadlines.isEmpty()) {
            responseDeadlines.remove(conversationId);
        }
        return owned;
    }

    @Override
    public void keepCompletions(Duration window) {
        roster.keepCompletions(window);
    }

    @Override
    public List<Conversation> conversationsOf(String ownerId) {
        return List.copyOf(roster.require(ownerId).conversations.values());
    }

    @Override
    public void enqueue(WaitingConversation entry) {
        place(entry.conversation(), new Placement.Waiting(entry));
        queues.computeIfAbsent(entry.queue(), queue -> new TreeSet<>(serveOrder)).add(entry);
        waitingCount++;
    }

    @Override
    public WaitingConversation dequeue(String conversationId) {
        if (!(placed.get(conversationId) instanceof Placement.Waiting waiting)) {
            throw new IllegalStateException("conversation '" + conversationId + "' is not waiting");
        }
        WaitingConversation entry = waiting.entry();
        unplace(waiting);
        queues.get(entry.queue()).remove(entry);
        waitingCount--;
        breachReported.remove(conversationId);
        return entry;
    }

    @Override
    public void updateReason(String conversationId, String reason) {
        if (!(placed.get(conversationId) instanceof Placement.Waiting waiting)) {
            throw new IllegalStateException("conversation '" + conversationId + "' is not waiting");
        }
        WaitingConversation entry = waiting.entry();
        WaitingConversation updated = new WaitingConversation(entry.conversation(), entry.queue(), reason,
                entry.enqueuedAt(), entry.slaDeadline());
        NavigableSet<WaitingConversation> queue = queues.get(entry.queue());
        queue.remove(entry);
        queue.add(updated);
        placed.put(conversationId, new Placement.Waiting(updated));
    }

    @Override
    public List<WaitingConversation> waiting() {
        List<WaitingConversation> entries = new ArrayList<>(waitingCount);
        queues.values().forEach(entries::addAll);
        entries.sort(serveOrder);
        return entries;
    }

    @Override
    public Optional<WaitingConversation> waitingAfter(Optional<WaitingConversation> previous) {
        return waitingAfter(previous, queues.keySet());
    }

    /** The earliest, in serve order, of the queues' first conversations after {@code previous}. */
    @Override
    public Optional<WaitingConversation> waitingAfter(Optional<WaitingConversation> previous,
            Collection<String> queueNames) {
        WaitingConversation next = null;
        for (String queue : queueNames) {
            NavigableSet<WaitingConversation> entries = queues.get(queue);
            WaitingConversation first = entries == null || entries.isEmpty() ? null
                    : previous.isEmpty() ? entries.first() : entries.higher(previous.get());
            if (first != null && (next == null || serveOrder.compare(first, next) < 0)) {
                next = first;
            }
        }
        return Optional.ofNullable(next);
    }

    @Override
    public boolean hasWaiting() {
        return waitingCount > 0;
    }

    @Override
    public boolean markBreachReported(String conversationId) {
        return breachReported.add(conversationId);
    }

    @Override
    public String customerOf(String identity) {
        String customer = identity;
        String next;
        while ((next = linkedTo.get(customer)) != null) {
            customer = next;
        }
        return customer;
    }

    @Override
    public void link(String identity, String otherIdentity) {
        String first = customerOf(identity);
        String second = customerOf(otherIdentity);
        if (first.equals(second)) {
            return;
        }
        String customer = seen(first) <= seen(second) ? first : second;
        String absorbed = customer.equals(first) ? second : first;
        linkedTo.put(absorbed, customer);
        firstSeen.remove(absorbed);
        Set<String> conversations = placedByCustomer.remove(absorbed);
        if (conversations != null) {
            placedByCustomer.computeIfAbsent(customer, key -> new LinkedHashSet<>()).addAll(conversations);
        }
        CustomerOwners absorbedOwner = previousOwners.getIfPresent(absorbed);
        if (absorbedOwner != null && previousOwners.getIfPresent(customer) == null) {
            previousOwners.put(customer, absorbedOwner);
        }
        previousOwners.invalidate(absorbed);
    }

    /** When a customer (a root of the links) entered the links: the earlier one names a merged set. */
    private long seen(String customer) {
        return firstSeen.computeIfAbsent(customer, key -> nextIdentity++);
    }

    @Override
    public List<String> conversationsOfCustomer(String customer) {
        return List.copyOf(placedByCustomer.getOrDefault(customer, Set.of()));
    }

    private void place(Conversation conversation, Placement placement) {
        if (!tryPlace(conversation, placement)) {
            throw new IllegalStateException("conversation '" + conversation.id() + "' is already placed");
        }
    }

    private boolean tryPlace(Conversation conversation, Placement placement) {
        String id = conversation.id();
        if (placed.putIfAbsent(id, placement) != null) {
            return false;
        }
        if (tracksCustomers) {
            placedByCustomer.computeIfAbsent(customerOf(conversation.customerId()), key -> new LinkedHashSet<>())
                    .add(id);
        }
        return true;
    }

    private void unplace(Placement placement) {
        Conversation conversation = placement.conversation();
        placed.remove(conversation.id());
        if (!tracksCustomers) {
            return;
        }
        String customer = customerOf(conversation.customerId());
        Set<String> conversations = placedByCustomer.get(customer);
        conversations.remove(conversation.id());
        if (conversations.isEmpty()) {
            placedByCustomer.remove(customer);
        }
    }

    @Override
    public void addAlias(String alias, String conversationId) {
        Set<String> names = aliasesOf.computeIfAbsent(conversationId, key -> new LinkedHashSet<>());
        names.add(alias);
        aliasOf.put(alias, conversationId);
        for (String inherited : aliasesOf.getOrDefault(alias, Set.of())) {
            names.add(inherited);
            aliasOf.put(inherited, conversationId);
        }
        aliasesOf.remove(alias);
    }

    @Override
    public void forget(String conversationId) {
        if (aliasesOf.isEmpty() && lapsedBy.isEmpty() && passedOver.isEmpty()) {
            return;
        }
        passedOver.remove(conversationId);
        for (String alias : aliasesOf.getOrDefault(conversationId, Set.of())) {
            aliasOf.remove(alias);
        }
        aliasesOf.remove(conversationId);
        lapsedBy.remove(conversationId);
    }

    @Override
    public void startResponseDeadline(String conversationId, Instant deadline) {
        if (!(placed.get(conversationId) instanceof Placement.Owned)) {
            throw new IllegalStateException("conversation '" + conversationId + "' is not owned");
        }
        responseDeadlines.put(conversationId, deadline);
    }

    @Override
    public boolean stopResponseDeadline(String conversationId) {
        return responseDeadlines.remove(conversationId) != null;
    }

    @Override
    public Map<String, Instant> responseDeadlinesDue(Instant now) {
        List<Map.Entry<String, Instant>> due = new ArrayList<>();
        for (Map.Entry<String, Instant> deadline : responseDeadlines.entrySet()) {
            if (!deadline.getValue().isAfter(now)) {
                due.add(deadline);
            }
        }
        due.sort(Map.Entry.<String, Instant>comparingByValue().thenComparing(Map.Entry.comparingByKey()));
        Map<String, Instant> ordered = new LinkedHashMap<>();
        due.forEach(deadline -> ordered.put(deadline.getKey(), deadline.getValue()));
        return ordered;
    }

    @Override
    public int recordLapse(String conversationId, String ownerId) {
        List<String> owners = lapsedBy.computeIfAbsent(conversationId, key -> new ArrayList<>());
        owners.add(ownerId);
        return owners.size();
    }

    @Override
    public int lapses(String conversationId) {
        return lapsedBy.getOrDefault(conversationId, List.of()).size();
    }

    @Override
    public Placement.Offered offer(String conversationId, Instant at, Instant expiresAt) {
        if (!(placed.get(conversationId) instanceof Placement.Owned owned)) {
            throw new IllegalStateException("conversation '" + conversationId + "' is not owned");
        }
        return offered(new Placement.Offered(owned.conversation(), List.of(owned.ownerId()), at, expiresAt));
    }

    @Override
    public boolean ring(String conversationId, String ownerId, Instant at) {
        Placement.Offered offer = requireOffer(conversationId);
        Roster.Slot slot = roster.get(ownerId);
        if (slot == null || offer.ownerIds().contains(ownerId)) {
            return false;
        }
        synchronized (slot) {
            if (!Roster.canTake(slot, offer.conversation(), at, true)) {
                return false;
            }
            roster.assigned(slot, offer.conversation(), at);
        }
        List<String> owners = new ArrayList<>(offer.ownerIds());
        owners.add(ownerId);
        offered(new Placement.Offered(offer.conversation(), owners, offer.offeredAt(), offer.expiresAt()));
        return true;
    }

    @Override
    public Optional<Placement.Offered> withdraw(String conversationId, String ownerId) {
        Placement.Offered offer = requireOffer(conversationId, ownerId);
        roster.unassigned(roster.require(ownerId), offer.conversation());
        List<String> owners = new ArrayList<>(offer.ownerIds());
        owners.remove(ownerId);
        if (owners.isEmpty()) {
            offers.remove(conversationId);
            unplace(offer);
            return Optional.empty();
        }
        return Optional.of(offered(new Placement.Offered(offer.conversation(), owners, offer.offeredAt(),
                offer.expiresAt())));
    }

    @Override
    public Placement.Owned accept(String conversationId, String ownerId) {
        Placement.Offered offer = requireOffer(conversationId, ownerId);
        for (String other : offer.ownerIds()) {
            if (!other.equals(ownerId)) {
                roster.unassigned(roster.require(other), offer.conversation());
            }
        }
        offers.remove(conversationId);
        Placement.Owned owned = new Placement.Owned(offer.conversation(), ownerId);
        placed.put(conversationId, owned);
        // the commit that made the offer remembered the owner first offered it; one who accepts instead is served now
        previousOwners.asMap().merge(customerOf(offer.conversation().customerId()), CustomerOwners.first(ownerId),
                (remembered, first) -> remembered.last().equals(ownerId) ? remembered : remembered.servedBy(ownerId));
        return owned;
    }

    @Override
    public List<Placement.Offered> offersDue(Instant now) {
        List<Placement.Offered> due = new ArrayList<>();
        for (Placement.Offered offer : offers.values()) {
            if (!offer.expiresAt().isAfter(now)) {
                due.add(offer);
            }
        }
        due.sort(Comparator.comparing(Placement.Offered::expiresAt));
        return due;
    }

    @Override
    public int passOver(String conversationId, String ownerId) {
        Set<String> owners = passedOver.computeIfAbsent(conversationId, key -> new LinkedHashSet<>());
        owners.add(ownerId);
        return owners.size();
    }

    @Override
    public void readmit(String conversationId, String ownerId) {
        Set<String> owners = passedOver.get(conversationId);
        if (owners != null && owners.remove(ownerId) && owners.isEmpty()) {
            passedOver.remove(conversationId);
        }
    }

    @Override
    public int passedOver(String conversationId) {
        return passedOver.getOrDefault(conversationId, Set.of()).size();
    }

    private Placement.Offered offered(Placement.Offered offer) {
        String id = offer.conversation().id();
        placed.put(id, offer);
        offers.put(id, offer);
        return offer;
    }

    private Placement.Offered requireOffer(String conversationId) {
        Placement.Offered offer = offers.get(conversationId);
        if (offer == null) {
            throw new IllegalStateException("conversation '" + conversationId + "' is not offered");
        }
        return offer;
    }

    private Placement.Offered requireOffer(String conversationId, String ownerId) {
        Placement.Offered offer = requireOffer(conversationId);
        if (!offer.ownerIds().contains(ownerId)) {
            throw new IllegalStateException("conversation '" + conversationId + "' is not offered to '" + ownerId
                    + "'");
        }
        return offer;
    }

    @Override
    public LiveView view(Conversation conversation, Instant now, Set<String> owners, String cursorScope) {
        List<String> lapsed = lapsedBy.isEmpty() ? null : lapsedBy.get(conversation.id());
        Set<String> passed = passedOver.isEmpty() ? null : passedOver.get(conversation.id());
        Set<String> excluded = lapsed == null ? Set.of() : Set.copyOf(lapsed);
        if (passed != null) {
            excluded = new HashSet<>(excluded);
            excluded.addAll(passed);
        }
        View view = views.get();
        view.reset(conversation, now, owners, excluded, passed == null ? Set.of() : Set.copyOf(passed),
                cursors(cursorScope));
        return view;
    }

    private Cursors cursors(String cursorScope) {
        Cursors scope = cursors.get(cursorScope);
        return scope != null ? scope : cursors.computeIfAbsent(cursorScope, key -> new Cursors());
    }

    /**
     * What strategies see of the live state while deciding one conversation by one rule: the rule's owners (or
     * everyone, when the rule names none), leaving out those held back from automatic assignment and those that let
     * this conversation's response deadline lapse, and the rule's own cursors. Candidates are made on request, for
     * the channel of the conversation being decided; {@link #eligible} answers from the roster's indexes.
     *
     * <p>A view is valid only during its decision and a thread makes one decision at a time, so each thread keeps one
     * view and resets it for each decision. The view notes the cursors the decision read, so that {@link #commit}
     * can tell whether they moved since.
     */
    private final class View implements LiveView {
        private Conversation conversation;
        private String channel;
        private Instant now;
        private Set<String> owners;
        /** The owners left out of this decision: those that let its response deadline lapse, and {@link #passed}. */
        private Set<String> lapsed;
        /** The owners passed over for this conversation (see {@link LiveState#passOver}). */
        private Set<String> passed;
        private Cursors cursors;
        private List<Candidate> candidates;
        private String[] readKeys = new String[2];
        private long[] readPositions = new long[2];
        private int reads;

        void reset(Conversation conversation, Instant now, Set<String> owners, Set<String> lapsed, Set<String> passed,
                Cursors cursors) {
            this.passed = passed;
            this.conversation = conversation;
            this.channel = conversation.channel();
            this.now = now;
            this.owners = owners;
            this.lapsed = lapsed;
            this.cursors = cursors;
            this.candidates = null;
            this.reads = 0;
        }

        @Override
        public boolean commit(Verdict.Assign assign) {
            Roster.Slot slot = roster.get(assign.ownerId());
            if (slot == null || !considered(slot) || lapsed.contains(assign.ownerId())) {
                return false; // presence, room, opting out, hours and the cap are checked by tryAssign, atomically
            }
            if (reads == 0 && assign.cursors().isEmpty()) {
                return tryAssign(conversation, slot, now, true);
            }
            synchronized (cursors) {
                if (!cursors.unchanged(readKeys, readPositions, reads) || !tryAssign(conversation, slot, now, true)) {
                    return false;
                }
                cursors.move(assign.cursors());
                return true;
            }
        }

        private boolean considered(Roster.Slot slot) {
            return owners.isEmpty() || owners.contains(slot.owner.id());
        }

        private String heldBack(Roster.Slot slot) {
            String reason = slot.heldBack(now);
            if (reason != null || !lapsed.contains(slot.owner.id())) {
                return reason;
            }
            return passed.contains(slot.owner.id()) ? "declined this conversation or let its offer expire"
                    : "let this conversation's response deadline lapse";
        }

        @Override
        public Map<String, String> heldBack() {
            Map<String, String> held = new LinkedHashMap<>();
            for (Roster.Slot slot : roster.inOrder()) {
                String reason = considered(slot) ? heldBack(slot) : null;
                if (reason != null) {
                    held.put(slot.owner.id(), reason);
                }
            }
            return held;
        }

        @Override
        public Instant now() {
            return now;
        }

        @Override
        public List<Candidate> candidates() {
            if (candidates == null) {
                List<Candidate> all = new ArrayList<>();
                for (Roster.Slot slot : roster.inOrder()) {
                    if (considered(slot) && heldBack(slot) == null) {
                        all.add(slot.candidateFor(channel));
                    }
                }
                candidates = List.copyOf(all);
            }
            return candidates;
        }

        @Override
        public Eligible eligible(Requirements requirements, BusyPolicy busyPolicy) {
            Checks.notNull(requirements, "requirements");
            Checks.notNull(busyPolicy, "busyPolicy");
            return roster.eligible(requirements, busyPolicy, channel, owners, lapsed, now);
        }

        @Override
        public List<Candidate> matching(Requirements requirements) {
            Checks.notNull(requirements, "requirements");
            List<Candidate> matches = new ArrayList<>();
            Eligible hits = roster.eligible(requirements, null, channel, owners, lapsed, now);
            while (hits.next()) {
                matches.add(hits.candidate());
            }
            return List.copyOf(matches);
        }

        @Override
        public Optional<Candidate> candidate(String ownerId) {
            Roster.Slot slot = roster.get(ownerId);
            return slot == null || !considered(slot) || heldBack(slot) != null ? Optional.empty()
                    : Optional.of(slot.candidateFor(channel));
        }

        @Override
        public String refusal(String ownerId) {
            Roster.Slot slot = roster.get(ownerId);
            if (slot == null || !considered(slot)) {
                return "is not on the roster or not among the rule's owners";
            }
            String heldBack = heldBack(slot);
            if (heldBack != null) {
                return "is held back from this decision: it " + heldBack;
            }
            int free = slot.freeCapacityOn(channel);
            return slot.presence.mayReceiveWork() && free > 0 ? null
                    : "cannot take it (" + slot.presence + ", free capacity " + free + ")";
        }

        @Override
        public Optional<String> previousOwner(String customerId) {
            return remembered(customerId).map(CustomerOwners::last);
        }

        @Override
        public Optional<String> primaryOwner(String customerId) {
            return remembered(customerId).map(CustomerOwners::primary);
        }

        private Optional<CustomerOwners> remembered(String customerId) {
            return Optional.ofNullable(previousOwners.getIfPresent(customerOf(customerId)));
        }

        @Override
        public long cursor(String key) {
            long position = cursors.get(key);
            if (reads == readKeys.length) {
                readKeys = Arrays.copyOf(readKeys, reads * 2);
                readPositions = Arrays.copyOf(readPositions, reads * 2);
            }
            readKeys[reads] = key;
            readPositions[reads++] = position;
            return position;
        }
    }
}
