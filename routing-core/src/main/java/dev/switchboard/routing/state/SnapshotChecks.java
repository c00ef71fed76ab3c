package dev.switchboard.routing.state;

import dev.switchboard.routing.Placement;
import dev.switchboard.routing.Presence;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Checks that the parts of a {@link StateSnapshot} agree: each conversation in one place, every owner named on the
 * roster and listing exactly what it holds, and every timer, alias and link about something the snapshot holds. The
 * parts are checked in their own order, and the maps by key, so that a snapshot with several faults is always refused
 * for the same one (the snapshot's maps are copies whose order changes from one JVM to the next).
 */
final class SnapshotChecks {

    /**
     * The most roster positions a snapshot may use: positions are never reused, and each one used takes a bit in
     * every index of a restored roster, so a snapshot cannot make a store allocate without bound.
     */
    /** Positions stay far below {@code Long.MAX_VALUE}, so that a cursor (a position plus one) never overflows. */
    static final long MAX_ROSTER_POSITIONS = 1L << 62;

    private SnapshotChecks() {}

    static void check(List<StateSnapshot.OwnerState> roster, long nextRosterPosition, List<Placement.Owned> owned,
            List<Placement.Offered> offers, List<StateSnapshot.Waiting> waiting, StateSnapshot.Customers customers,
            StateSnapshot.Timers timers) {
        Map<String, StateSnapshot.OwnerState> owners = owners(roster, nextRosterPosition);
        Map<String, String> places = new HashMap<>();
        Map<String, Set<String>> held = new HashMap<>();
        for (Placement.Owned placement : owned) {
            String id = place(places, placement.conversation().id(), "owned by '" + placement.ownerId() + "'");
            hold(held, owners, placement.ownerId(), id, "owner of conversation '" + id + "'");
        }
        for (Placement.Offered offer : offers) {
            String id = place(places, offer.conversation().id(), "offered to " + offer.ownerIds());
            if (new HashSet<>(offer.ownerIds()).size() < offer.ownerIds().size()) {
                throw new IllegalArgumentException("conversation '" + id + "' is offered twice to the same owner: "
                        + offer.ownerIds());
            }
            offer.ownerIds().forEach(ownerId -> hold(held, owners, ownerId, id, "owner offered conversation '" + id
                    + "'"));
        }
        for (StateSnapshot.Waiting entry : waiting) {
            place(places, entry.entry().conversation().id(), "waiting in '" + entry.entry().queue() + "'");
        }
        for (StateSnapshot.OwnerState state : roster) {
            Set<String> listed = new LinkedHashSet<>(state.conversationIds());
            Set<String> holds = held.getOrDefault(state.owner().id(), Set.of());
            if (listed.size() < state.conversationIds().size() || !listed.equals(holds)) {
                throw new IllegalArgumentException("owner '" + state.owner().id() + "' lists conversations "
                        + state.conversationIds() + " but owns or is offered " + holds);
            }
        }
        customers(customers, places.keySet());
        timers(timers, owners, owned.stream().map(placement -> placement.conversation().id()).toList());
    }

    private static Map<String, StateSnapshot.OwnerState> owners(List<StateSnapshot.OwnerState> roster,
            long nextRosterPosition) {
        if (nextRosterPosition < roster.size() || nextRosterPosition > MAX_ROSTER_POSITIONS) {
            throw new IllegalArgumentException("nextRosterPosition must be from the roster's size " + roster.size()
                    + " to " + MAX_ROSTER_POSITIONS + ", was " + nextRosterPosition);
        }
        Map<String, StateSnapshot.OwnerState> owners = new HashMap<>();
        long previous = -1;
        for (StateSnapshot.OwnerState state : roster) {
            String id = state.owner().id();
            if (owners.put(id, state) != null) {
                throw new IllegalArgumentException("owner '" + id + "' is on the roster twice");
            }
            if (state.rosterPosition() <= previous || state.rosterPosition() >= nextRosterPosition) {
                throw new IllegalArgumentException("rosterPosition of owner '" + id + "' must be above the previous"
                        + " owner's (" + previous + ") and below nextRosterPosition (" + nextRosterPosition
                        + "), was " + state.rosterPosition());
            }
            previous = state.rosterPosition();
        }
        return owners;
    }

    private static String place(Map<String, String> places, String id, String where) {
        String before = places.putIfAbsent(id, where);
        if (before != null) {
            throw new IllegalArgumentException("conversation '" + id + "' is in two places: " + before + " and "
                    + where);
        }
        return id;
    }

    private static void hold(Map<String, Set<String>> held, Map<String, StateSnapshot.OwnerState> owners,
            String ownerId, String conversationId, String field) {
        known(owners, ownerId, field);
        held.computeIfAbsent(ownerId, key -> new LinkedHashSet<>()).add(conversationId);
    }

    private static void known(Map<String, StateSnapshot.OwnerState> owners, String ownerId, String field) {
        if (!owners.containsKey(ownerId)) {
            throw new IllegalArgumentException(field + ": owner '" + ownerId + "' is not on the roster");
        }
    }

    private static void customers(StateSnapshot.Customers customers, Set<String> open) {
        Set<String> named = new HashSet<>();
        Set<String> linked = new HashSet<>();
        for (StateSnapshot.LinkedIdentities link : customers.links()) {
            if (!named.add(link.customer())) {
                throw new IllegalArgumentException("customer '" + link.customer() + "' has two sets of links");
            }
            for (String identity : link.identities()) {
                if (!linked.add(identity) || identity.equals(link.customer())) {
                    throw new IllegalArgumentException("identity '" + identity + "' is linked twice");
                }
            }
        }
        for (String identity : linked) {
            if (named.contains(identity)) {
                throw new IllegalArgumentException("identity '" + identity + "' is linked to a customer and names"
                        + " one too");
            }
        }
        Set<String> remembered = new HashSet<>();
        for (StateSnapshot.CustomerMemory memory : customers.memory()) {
            if (!remembered.add(memory.customer()) || linked.contains(memory.customer())) {
                throw new IllegalArgumentException("customer memory of '" + memory.customer() + "' is kept twice, or"
                        + " under an identity linked to another customer");
            }
        }
        Set<String> aliases = new HashSet<>();
        new TreeMap<>(customers.aliases()).forEach((conversationId, names) -> {
            for (String alias : names) {
                if (open.contains(alias) || !aliases.add(alias)) {
                    throw new IllegalArgumentException("alias '" + alias + "' of conversation '" + conversationId
                            + "' is an open conversation, or another conversation's alias");
                }
            }
        });
    }

    private static void timers(StateSnapshot.Timers timers, Map<String, StateSnapshot.OwnerState> owners,
            List<String> owned) {
        new TreeSet<>(timers.offlineSince().keySet()).forEach(ownerId -> {
            known(owners, ownerId, "offlineSince");
            if (owners.get(ownerId).presence() != Presence.OFFLINE) {
                throw new IllegalArgumentException("offlineSince: owner '" + ownerId + "' is "
                        + owners.get(ownerId).presence() + ", not offline");
            }
        });
        Set<String> ownedIds = Set.copyOf(owned);
        new TreeSet<>(timers.responseDeadlines().keySet()).forEach(id -> {
            if (!ownedIds.contains(id)) {
                throw new IllegalArgumentException("responseDeadlines: conversation '" + id + "' is not owned");
            }
        });
    }
}
