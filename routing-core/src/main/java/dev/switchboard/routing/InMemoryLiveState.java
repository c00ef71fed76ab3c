package dev.switchboard.routing;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
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

/**
 * The embedded live state: plain collections, guarded by the router's lock. Linked identities form a union-find
 * forest ({@code linkedTo} points towards the customer); identities that were never linked take no memory.
 */
final class InMemoryLiveState implements LiveState {

    private final Map<String, Slot> owners = new LinkedHashMap<>();
    private final Map<String, Conversation> owned = new HashMap<>();
    private final Map<String, String> ownerOf = new HashMap<>();
    private final Map<String, WaitingConversation> waitingById = new HashMap<>();
    private final Map<String, NavigableSet<WaitingConversation>> queues = new HashMap<>();
    private final Comparator<WaitingConversation> serveOrder;
    private final Set<String> breachReported = new HashSet<>();
    private final Map<String, Long> cursors = new HashMap<>();
    private final Map<String, Instant> offlineSince = new LinkedHashMap<>();
    private final Cache<String, String> previousOwners;
    private final Map<String, String> linkedTo = new HashMap<>();
    private final Map<String, Long> firstSeen = new HashMap<>();
    private final Map<String, Set<String>> placedByCustomer = new HashMap<>();
    private final Map<String, String> aliasOf = new HashMap<>();
    private final Map<String, Set<String>> aliasesOf = new HashMap<>();
    private final Map<String, Instant> responseDeadlines = new HashMap<>();
    private final Map<String, List<String>> lapsedBy = new HashMap<>();
    private long nextRosterPosition;
    private long nextIdentity;

    InMemoryLiveState(InstantSource clock, long maxCustomers, Duration customerTtl, ServeOrder serveOrder) {
        this.serveOrder = serveOrder.comparator();
        Instant start = clock.instant();
        previousOwners = Caffeine.newBuilder()
                .maximumSize(maxCustomers)
                .expireAfterWrite(customerTtl)
                .ticker(() -> Duration.between(start, clock.instant()).toNanos())
                .executor(Runnable::run)
                .build();
    }

    /** An owner's mutable live state. */
    private static final class Slot {
        Owner owner;
        final long rosterPosition;
        Presence presence;
        int load;
        final Map<String, Integer> loadByChannel = new HashMap<>();
        final LinkedHashMap<String, Conversation> conversations = new LinkedHashMap<>();
        Instant lastAssignedAt = Instant.MIN;
        /** When it received its latest conversations, oldest first; as many as its assignment cap counts. */
        final ArrayDeque<Instant> recentAssignments = new ArrayDeque<>();

        Slot(Owner owner, long rosterPosition, Presence presence) {
            this.owner = owner;
            this.rosterPosition = rosterPosition;
            this.presence = presence;
        }

        int freeCapacityOn(String channel) {
            return owner.capacity().freeOn(channel, load, loadByChannel.getOrDefault(channel, 0));
        }

        /**
         * Why strategies may not give this owner work now, presence and capacity aside, or null when they may: it
         * opted out, is outside its working hours, or is at its assignment cap.
         */
        String heldBack(Instant now) {
            if (!owner.autoAssign()) {
                return "opted out of automatic assignment";
            }
            if (owner.hours().filter(hours -> !hours.isOpen(now)).isPresent()) {
                return "outside its working hours";
            }
            return owner.assignmentCap().filter(cap -> recentAssignments.size() == cap.limit()
                    && recentAssignments.peekFirst().plus(cap.window()).isAfter(now))
                    .map(cap -> "at its cap of " + cap.limit() + " new conversations per " + cap.window())
                    .orElse(null);
        }

        void received(Instant at) {
            lastAssignedAt = at;
            owner.assignmentCap().ifPresent(cap -> {
                recentAssignments.addLast(at);
                while (recentAssignments.size() > cap.limit()) {
                    recentAssignments.removeFirst();
                }
            });
        }

        Candidate candidateFor(String channel) {
            return new Candidate(owner, rosterPosition, presence, load, freeCapacityOn(channel), lastAssignedAt);
        }

        OwnerStatus status() {
            return new OwnerStatus(owner, presence, load, loadByChannel,
                    List.copyOf(conversations.keySet()), lastAssignedAt);
        }
    }

    private Slot slot(String ownerId) {
        Slot slot = owners.get(ownerId);
        if (slot == null) {
            throw new IllegalArgumentException("ownerId '" + ownerId + "' is not on the roster");
        }
        return slot;
    }

    @Override
    public boolean hasRoom(String ownerId, Instant now) {
        Slot slot = owners.get(ownerId);
        return slot != null && slot.presence.mayReceiveWork() && slot.load < slot.owner.capacity().total()
                && slot.heldBack(now) == null;
    }

    @Override
    public boolean hasOwner(String ownerId) {
        return owners.containsKey(ownerId);
    }

    @Override
    public void addOwner(Owner owner, Presence presence) {
        owners.put(owner.id(), new Slot(owner, nextRosterPosition++, presence));
    }

    @Override
    public void removeOwner(String ownerId) {
        Slot slot = slot(ownerId);
        if (!slot.conversations.isEmpty()) {
            throw new IllegalStateException("owner '" + ownerId + "' still holds conversations");
        }
        owners.remove(ownerId);
        offlineSince.remove(ownerId);
    }

    @Override
    public OwnerStatus status(String ownerId) {
        return slot(ownerId).status();
    }

    @Override
    public List<OwnerStatus> statuses() {
        List<OwnerStatus> statuses = new ArrayList<>(owners.size());
        for (Slot slot : owners.values()) {
            statuses.add(slot.status());
        }
        return statuses;
    }

    @Override
    public void setPresence(String ownerId, Presence presence, Instant at) {
        Slot slot = slot(ownerId);
        slot.presence = presence;
        if (presence == Presence.OFFLINE) {
            offlineSince.put(ownerId, at);
        } else {
            offlineSince.remove(ownerId);
        }
    }

    @Override
    public void setCapacity(String ownerId, Capacity capacity) {
        Slot slot = slot(ownerId);
        slot.owner = slot.owner.withCapacity(capacity);
    }

    @Override
    public Map<String, Instant> offlineSince() {
        return Map.copyOf(offlineSince);
    }

    @Override
    public Optional<Placement> placement(String id) {
        String conversationId = aliasOf.getOrDefault(id, id);
        Conversation conversation = owned.get(conversationId);
        if (conversation != null) {
            return Optional.of(new Placement.Owned(conversation, ownerOf.get(conversationId)));
        }
        WaitingConversation entry = waitingById.get(conversationId);
        return entry == null ? Optional.empty() : Optional.of(new Placement.Waiting(entry));
    }

    @Override
    public void assign(Conversation conversation, String ownerId, Instant at) {
        Slot slot = slot(ownerId);
        String id = conversation.id();
        if (owned.containsKey(id) || waitingById.containsKey(id)) {
            throw new IllegalStateException("conversation '" + id + "' is already placed");
        }
        if (slot.freeCapacityOn(conversation.channel()) <= 0) {
            throw new IllegalStateException("owner '" + ownerId + "' has no free capacity on channel '"
                    + conversation.channel() + "'");
        }
        owned.put(id, conversation);
        ownerOf.put(id, ownerId);
        slot.conversations.put(id, conversation);
        slot.load++;
        slot.loadByChannel.merge(conversation.channel(), 1, Integer::sum);
        slot.received(at);
        placed(conversation);
        previousOwners.put(customerOf(conversation.customerId()), ownerId);
    }

    @Override
    public Conversation unassign(String conversationId) {
        Conversation conversation = owned.remove(conversationId);
        if (conversation == null) {
            throw new IllegalStateException("conversation '" + conversationId + "' is not owned");
        }
        Slot slot = slot(ownerOf.remove(conversationId));
        slot.conversations.remove(conversationId);
        slot.load--;
        slot.loadByChannel.computeIfPresent(conversation.channel(), (channel, load) -> load == 1 ? null : load - 1);
        responseDeadlines.remove(conversationId);
        unplaced(conversation);
        return conversation;
    }

    @Override
    public List<Conversation> conversationsOf(String ownerId) {
        return List.copyOf(slot(ownerId).conversations.values());
    }

    @Override
    public void enqueue(WaitingConversation entry) {
        String id = entry.conversation().id();
        if (owned.containsKey(id) || waitingById.containsKey(id)) {
            throw new IllegalStateException("conversation '" + id + "' is already placed");
        }
        waitingById.put(id, entry);
        queues.computeIfAbsent(entry.queue(), queue -> new TreeSet<>(serveOrder)).add(entry);
        placed(entry.conversation());
    }

    @Override
    public WaitingConversation dequeue(String conversationId) {
        WaitingConversation entry = waitingById.remove(conversationId);
        if (entry == null) {
            throw new IllegalStateException("conversation '" + conversationId + "' is not waiting");
        }
        queues.get(entry.queue()).remove(entry);
        breachReported.remove(conversationId);
        unplaced(entry.conversation());
        return entry;
    }

    @Override
    public void updateReason(String conversationId, String reason) {
        WaitingConversation entry = waitingById.get(conversationId);
        if (entry == null) {
            throw new IllegalStateException("conversation '" + conversationId + "' is not waiting");
        }
        WaitingConversation updated = new WaitingConversation(entry.conversation(), entry.queue(), reason,
                entry.enqueuedAt(), entry.slaDeadline());
        NavigableSet<WaitingConversation> queue = queues.get(entry.queue());
        queue.remove(entry);
        queue.add(updated);
        waitingById.put(conversationId, updated);
    }

    @Override
    public List<WaitingConversation> waiting() {
        List<WaitingConversation> entries = new ArrayList<>(waitingById.values());
        entries.sort(serveOrder);
        return entries;
    }

    @Override
    public Optional<WaitingConversation> waitingAfter(String queue, Optional<WaitingConversation> previous) {
        NavigableSet<WaitingConversation> entries = queues.get(queue);
        if (entries == null || entries.isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(previous.isEmpty() ? entries.first() : entries.higher(previous.get()));
    }

    @Override
    public boolean hasWaiting() {
        return !waitingById.isEmpty();
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
        String root = customer;
        String hop = identity;
        while (!hop.equals(root)) {
            hop = linkedTo.put(hop, root);
        }
        return root;
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
        String absorbedOwner = previousOwners.getIfPresent(absorbed);
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

    private void placed(Conversation conversation) {
        placedByCustomer.computeIfAbsent(customerOf(conversation.customerId()), key -> new LinkedHashSet<>())
                .add(conversation.id());
    }

    private void unplaced(Conversation conversation) {
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
        for (String alias : aliasesOf.getOrDefault(conversationId, Set.of())) {
            aliasOf.remove(alias);
        }
        aliasesOf.remove(conversationId);
        lapsedBy.remove(conversationId);
    }

    @Override
    public void startResponseDeadline(String conversationId, Instant deadline) {
        if (!owned.containsKey(conversationId)) {
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
    public RoutingView view(Conversation conversation, Instant now) {
        return new View(conversation.channel(), now, Set.copyOf(lapsedBy.getOrDefault(conversation.id(), List.of())));
    }

    @Override
    public void moveCursors(Map<String, Long> moves) {
        cursors.putAll(moves);
    }

    /**
     * Candidates are made on first use, for the channel of the conversation being decided, leaving out the owners
     * held back from automatic assignment and those that let this conversation's response deadline lapse.
     */
    private final class View implements RoutingView, HoldsBack {
        private final String channel;
        private final Instant now;
        private final Set<String> lapsed;
        private List<Candidate> candidates;

        View(String channel, Instant now, Set<String> lapsed) {
            this.channel = channel;
            this.now = now;
            this.lapsed = lapsed;
        }

        private String heldBack(Slot slot) {
            String reason = slot.heldBack(now);
            return reason != null || !lapsed.contains(slot.owner.id()) ? reason
                    : "let this conversation's response deadline lapse";
        }

        private boolean offered(Slot slot) {
            return heldBack(slot) == null;
        }

        @Override
        public Map<String, String> heldBack() {
            Map<String, String> held = new LinkedHashMap<>();
            for (Slot slot : owners.values()) {
                String reason = heldBack(slot);
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
                List<Candidate> all = new ArrayList<>(owners.size());
                for (Slot slot : owners.values()) {
                    if (offered(slot)) {
                        all.add(slot.candidateFor(channel));
                    }
                }
                candidates = List.copyOf(all);
            }
            return candidates;
        }

        @Override
        public Optional<Candidate> candidate(String ownerId) {
            Slot slot = owners.get(ownerId);
            return slot == null || !offered(slot) ? Optional.empty() : Optional.of(slot.candidateFor(channel));
        }

        @Override
        public Optional<String> previousOwner(String customerId) {
            return Optional.ofNullable(previousOwners.getIfPresent(customerOf(customerId)));
        }

        @Override
        public long cursor(String key) {
            return cursors.getOrDefault(key, 0L);
        }
    }
}
