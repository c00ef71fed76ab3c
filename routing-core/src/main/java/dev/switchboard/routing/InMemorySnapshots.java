package dev.switchboard.routing;

import dev.switchboard.routing.state.StateSnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Writes everything an {@link InMemoryLiveState} holds as a {@link StateSnapshot}, and fills an empty one from a
 * snapshot, part by part, so that it carries on exactly where the snapshot was taken. A snapshot is consistent by
 * construction, so a restore either refuses a store that already holds state, before changing it, or succeeds.
 */
final class InMemorySnapshots {
    private InMemorySnapshots() {}

    static StateSnapshot write(InMemoryLiveState store) {
        List<StateSnapshot.OwnerState> roster = new ArrayList<>();
        for (Roster.Slot slot : store.roster.inOrder()) {
            roster.add(new StateSnapshot.OwnerState(slot.owner, slot.position, slot.presence,
                    List.copyOf(slot.conversations.keySet()),
                    slot.activity.snapshot(slot.lastAssignedAt, List.copyOf(slot.recentAssignments))));
        }
        List<Placement.Owned> owned = new ArrayList<>();
        for (Placement placement : store.placed.values()) {
            if (placement instanceof Placement.Owned owner) {
                owned.add(owner);
            }
        }
        owned.sort(Comparator.comparing(placement -> placement.conversation().id()));
        List<StateSnapshot.Waiting> waiting = new ArrayList<>();
        for (WaitingConversation entry : store.queues.all()) {
            waiting.add(new StateSnapshot.Waiting(entry, store.queues.breachReported(entry.conversation().id())));
        }
        Map<String, Map<String, Long>> cursors = new HashMap<>();
        store.cursors.forEach((scope, positions) -> {
            Map<String, Long> moved = positions.positions();
            if (!moved.isEmpty()) {
                cursors.put(scope, moved);
            }
        });
        DeadlinesAndOffers timers = store.timers;
        return new StateSnapshot(store.clock.instant(), roster, store.roster.nextPosition(), owned,
                List.copyOf(timers.offers.values()), waiting, cursors, customers(store.customers),
                new StateSnapshot.Timers(timers.offlineSince, timers.responseDeadlines, timers.lapsedBy,
                        lists(timers.passedOver)));
    }

    private static StateSnapshot.Customers customers(Customers customers) {
        List<StateSnapshot.CustomerMemory> memory = new ArrayList<>();
        customers.previousOwners.current(customers.now()).forEach((customer, owners) -> memory.add(
                new StateSnapshot.CustomerMemory(customer, owners.primary(), owners.last(), owners.streak(),
                        owners.servedAt())));
        Map<String, List<String>> linked = new TreeMap<>();
        customers.linkedTo.keySet().forEach(identity -> linked.computeIfAbsent(customers.customerOf(identity),
                customer -> new ArrayList<>()).add(identity));
        List<StateSnapshot.LinkedIdentities> links = new ArrayList<>();
        linked.entrySet().stream().sorted(Comparator.comparing(set -> customers.firstSeen.get(set.getKey())))
                .forEach(set -> links.add(new StateSnapshot.LinkedIdentities(set.getKey(),
                        set.getValue().stream().sorted().toList())));
        return new StateSnapshot.Customers(memory, links, lists(customers.aliasesOf));
    }

    /** Sets as lists by id: the order they were added in is not kept (a shared store keeps them as sets). */
    private static Map<String, List<String>> lists(Map<String, Set<String>> sets) {
        Map<String, List<String>> lists = new HashMap<>();
        sets.forEach((key, values) -> lists.put(key, values.stream().sorted().toList()));
        return lists;
    }

    static void restore(InMemoryLiveState store, StateSnapshot snapshot) {
        requireEmpty(store);
        restoreCustomers(store.customers, snapshot.customers());
        for (StateSnapshot.OwnerState state : snapshot.roster()) {
            store.roster.skipTo(state.rosterPosition());
            store.addOwner(state.owner(), state.presence());
        }
        store.roster.skipTo(snapshot.nextRosterPosition());
        Map<String, Conversation> held = new HashMap<>();
        for (Placement.Owned owned : snapshot.owned()) {
            store.place(owned.conversation(), owned);
            held.put(owned.conversation().id(), owned.conversation());
        }
        for (Placement.Offered offer : snapshot.offers()) {
            store.place(offer.conversation(), offer);
            store.timers.offers.put(offer.conversation().id(), offer);
            held.put(offer.conversation().id(), offer.conversation());
        }
        for (StateSnapshot.Waiting waiting : snapshot.waiting()) {
            store.place(waiting.entry().conversation(), new Placement.Waiting(waiting.entry()));
            store.queues.add(waiting.entry());
            if (waiting.breachReported()) {
                store.queues.markBreachReported(waiting.entry().conversation().id());
            }
        }
        for (StateSnapshot.OwnerState state : snapshot.roster()) {
            Roster.Slot slot = store.roster.get(state.owner().id());
            synchronized (slot) {
                state.conversationIds().forEach(id -> store.roster.assigned(slot, held.get(id), snapshot.takenAt()));
                slot.lastAssignedAt = state.activity().lastAssignedAt();
                slot.recentAssignments.clear();
                slot.recentAssignments.addAll(state.activity().recentAssignments());
                slot.activity.restore(state.activity());
            }
        }
        snapshot.cursors().forEach((scope, positions) -> store.cursors(scope).move(positions));
        StateSnapshot.Timers timers = snapshot.timers();
        store.timers.offlineSince.putAll(timers.offlineSince());
        store.timers.responseDeadlines.putAll(timers.responseDeadlines());
        timers.lapsedBy().forEach((id, owners) -> store.timers.lapsedBy.put(id, new ArrayList<>(owners)));
        timers.passedOver().forEach((id, owners) -> store.timers.passedOver.put(id, new LinkedHashSet<>(owners)));
    }

    private static void requireEmpty(InMemoryLiveState store) {
        Customers customers = store.customers;
        if (store.roster.nextPosition() > 0 || !store.placed.isEmpty() || !store.cursors.isEmpty()
                || !customers.linkedTo.isEmpty() || !customers.previousOwners.isEmpty()
                || !customers.aliasOf.isEmpty() || !store.timers.lapsedBy.isEmpty()
                || !store.timers.passedOver.isEmpty()) {
            throw new IllegalStateException("only an empty store can be restored from a snapshot, and this one"
                    + " already holds state (" + store.roster.inOrder().size() + " owners, " + store.placed.size()
                    + " open conversations)");
        }
    }

    private static void restoreCustomers(Customers customers, StateSnapshot.Customers snapshot) {
        for (StateSnapshot.LinkedIdentities link : snapshot.links()) {
            customers.firstSeen.put(link.customer(), customers.nextIdentity++);
            link.identities().forEach(identity -> customers.linkedTo.put(identity, link.customer()));
        }
        Instant now = customers.now();
        snapshot.memory().stream().sorted(Comparator.comparing(StateSnapshot.CustomerMemory::servedAt))
                .forEach(memory -> customers.previousOwners.put(memory.customer(), new CustomerOwners(
                        memory.primaryOwner(), memory.lastOwner(), memory.streak(), memory.servedAt()), now));
        snapshot.aliases().forEach((conversationId, aliases) -> aliases.forEach(alias ->
                customers.addAlias(alias, conversationId)));
    }
}
