package dev.switchboard.routing;

import dev.switchboard.routing.state.StateSnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a router's store starts with when it does not start empty: a snapshot to restore (see
 * {@link Router.Builder#restoreFrom}), or the builder's roster with the open assignments and waiting conversations a
 * host's own database holds (see {@link Router.Builder#resume}), turned into a snapshot and checked as one; each
 * customer of a resumed owned conversation remembers its owner, as an assignment would have.
 */
final class StartingState {
    private StartingState() {}

    /** The conversations a host resumes: owned ones oldest assignment first, and waiting ones. */
    record Resumed(List<Placement.Owned> owned, List<WaitingConversation> waiting) {
        Resumed {
            owned = Checks.list(owned, "owned");
            waiting = Checks.list(waiting, "waiting");
            Set<String> ids = new HashSet<>();
            for (Placement.Owned placement : owned) {
                unique(ids, placement.conversation().id());
            }
            for (WaitingConversation entry : waiting) {
                unique(ids, entry.conversation().id());
            }
        }

        private static void unique(Set<String> ids, String id) {
            if (!ids.add(id)) {
                throw new IllegalArgumentException("conversation '" + id + "' is resumed twice");
            }
        }
    }

    /**
     * The snapshot a router starts from, if any: {@code restored}, which holds its own roster, or the roster with
     * what was {@code resumed}, where no owner may hold more than its capacity, in total or on a channel.
     */
    static Optional<StateSnapshot> of(Map<Owner, Presence> roster, StateSnapshot restored, Resumed resumed,
            Instant now) {
        if (restored != null) {
            if (!roster.isEmpty() || resumed != null) {
                throw new IllegalStateException("a router restored from a snapshot takes its roster and conversations"
                        + " from it: do not also add owners or resume conversations");
            }
            return Optional.of(restored);
        }
        if (resumed == null) {
            return Optional.empty();
        }
        Map<String, List<Placement.Owned>> held = new LinkedHashMap<>();
        roster.keySet().forEach(owner -> held.put(owner.id(), new ArrayList<>()));
        for (Placement.Owned owned : resumed.owned()) {
            List<Placement.Owned> ofOwner = held.get(owned.ownerId());
            if (ofOwner == null) {
                throw new IllegalArgumentException("owner '" + owned.ownerId() + "' of resumed conversation '"
                        + owned.conversation().id() + "' is not on the roster");
            }
            ofOwner.add(owned);
        }
        List<StateSnapshot.OwnerState> owners = new ArrayList<>();
        roster.forEach((owner, presence) -> {
            List<Placement.Owned> ofOwner = held.get(owner.id());
            withinCapacity(owner, ofOwner);
            owners.add(new StateSnapshot.OwnerState(owner, owners.size(), presence,
                    ofOwner.stream().map(owned -> owned.conversation().id()).toList(), StateSnapshot.Activity.NONE));
        });
        List<StateSnapshot.Waiting> waiting = resumed.waiting().stream()
                .map(entry -> new StateSnapshot.Waiting(entry, false)).toList();
        Map<String, CustomerOwners> memory = new LinkedHashMap<>();
        resumed.owned().forEach(owned -> memory.merge(owned.conversation().customerId(),
                CustomerOwners.first(owned.ownerId(), now), (before, first) -> before.servedBy(owned.ownerId(), now)));
        List<StateSnapshot.CustomerMemory> customers = new ArrayList<>();
        memory.forEach((customer, served) -> customers.add(new StateSnapshot.CustomerMemory(customer, served.primary(),
                served.last(), served.streak(), now)));
        return Optional.of(new StateSnapshot(now, owners, owners.size(), resumed.owned(), List.of(), waiting,
                Map.of(), new StateSnapshot.Customers(customers, List.of(), Map.of()),
                StateSnapshot.empty(now).timers()));
    }

    private static void withinCapacity(Owner owner, List<Placement.Owned> held) {
        Capacity capacity = owner.capacity();
        if (held.size() > capacity.total()) {
            throw new IllegalArgumentException("owner '" + owner.id() + "' would hold " + held.size()
                    + " resumed conversations, above its capacity of " + capacity.total());
        }
        Map<String, Integer> byChannel = new HashMap<>();
        held.forEach(owned -> byChannel.merge(owned.conversation().channel(), 1, Integer::sum));
        byChannel.forEach((channel, count) -> {
            if (count > capacity.limitOn(channel)) {
                throw new IllegalArgumentException("owner '" + owner.id() + "' would hold " + count + " resumed"
                        + " conversations on channel '" + channel + "', above its limit of "
                        + capacity.limitOn(channel));
            }
        });
    }
}
