package dev.switchboard.routing.testkit;

import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.Decision;
import dev.switchboard.routing.OwnerStatus;
import dev.switchboard.routing.Placement;
import dev.switchboard.routing.Router;
import dev.switchboard.routing.WaitingConversation;
import dev.switchboard.routing.event.RoutingEvent;
import dev.switchboard.routing.event.RoutingListener;
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
 * A model of where every conversation is, kept from the operations played and the router's events alone, and checked
 * as each event arrives (capacity and availability of the owner given work) and after each operation against what the
 * router reports (conservation). It never throws into the router: the first violation is kept for the run to read.
 */
final class Shadow implements RoutingListener {

    /** Where the model has a conversation. */
    sealed interface Place {}

    record Owned(String ownerId) implements Place {}

    record Waiting(String queue, boolean forReview) implements Place {}

    record Closed(String how) implements Place {}

    /** Taken from its owner and not yet placed again, which lasts only within one operation. */
    record Limbo(String why) implements Place {}

    /** The step a conversation's trace starts with when missed response deadlines sent it to review. */
    private static final String RESPONSE_REVIEW = "response-review";

    private final Map<String, OwnerState> owners = new LinkedHashMap<>();
    private final Map<String, Conversation> conversations = new HashMap<>();
    private final Map<String, Place> places = new LinkedHashMap<>();
    private final Map<String, Set<String>> lapsed = new HashMap<>();
    private final List<RoutingEvent> events = new ArrayList<>();
    private final Set<Invariant> checked;
    private RotationSpread spread;
    private Violation violation;
    private RuntimeException failure;

    Shadow(Set<Invariant> checked) {
        this.checked = Set.copyOf(checked);
    }

    /** Starts from the roster the router was built with, before any event. */
    void start(List<OwnerStatus> roster, RotationSpread rotations) {
        for (OwnerStatus status : roster) {
            owners.put(status.owner().id(), new OwnerState(status.owner(), status.presence()));
        }
        spread = rotations;
    }

    @Override
    public void onEvent(RoutingEvent event) {
        try {
            events.add(event);
            apply(event);
        } catch (RuntimeException bug) {
            if (failure == null) {
                failure = bug;
            }
        }
    }

    List<RoutingEvent> events() {
        return events;
    }

    Optional<Violation> violation() {
        if (failure != null) {
            throw new IllegalStateException("the test kit's shadow model failed on an event", failure);
        }
        return Optional.ofNullable(violation);
    }

    Map<String, OwnerState> owners() {
        return owners;
    }

    OwnerState owner(String id) {
        return owners.get(id);
    }

    Place place(String conversationId) {
        return places.get(conversationId);
    }

    Conversation conversation(String id) {
        return conversations.get(id);
    }

    Set<String> lapsedFor(String conversationId) {
        return lapsed.getOrDefault(conversationId, Set.of());
    }

    /** The open conversations, owned ({@code owned}) or both owned and waiting, in the order they were routed. */
    List<String> open(boolean ownedOnly) {
        List<String> open = new ArrayList<>();
        places.forEach((id, place) -> {
            if (place instanceof Owned || (!ownedOnly && place instanceof Waiting)) {
                open.add(id);
            }
        });
        return open;
    }

    /** A conversation the router took in: from now on it must always be somewhere. */
    void routed(Conversation conversation) {
        conversations.put(conversation.id(), conversation);
    }

    private void apply(RoutingEvent event) {
        if (event instanceof RoutingEvent.Assigned assigned) {
            give(assigned.conversation(), assigned.ownerId(), !assigned.strategy().equals("claim"), assigned.at());
            spread.assigned(assigned, this).ifPresent(found -> violate(found.invariant(), found.detail()));
            settle(assigned.conversation(), new Owned(assigned.ownerId()));
        } else if (event instanceof RoutingEvent.Transferred transferred) {
            String id = transferred.conversation().id();
            if (!(places.get(id) instanceof Owned owned && owned.ownerId().equals(transferred.fromOwnerId()))) {
                violate(Invariant.CONSERVATION, id + " handed from " + transferred.fromOwnerId()
                        + ", who did not own it");
            }
            settle(transferred.conversation(), new Limbo("being handed over"));
            give(transferred.conversation(), transferred.toOwnerId(), false, transferred.at());
            settle(transferred.conversation(), new Owned(transferred.toOwnerId()));
        } else if (event instanceof RoutingEvent.Queued queued) {
            if (places.get(queued.conversation().id()) instanceof Owned owned) {
                violate(Invariant.CONSERVATION, queued.conversation().id() + " queued in " + queued.queue()
                        + " while owned by " + owned.ownerId());
            }
            boolean review = queued.trace().steps().get(0).strategy().equals(RESPONSE_REVIEW);
            settle(queued.conversation(), new Waiting(queued.queue(), review));
        } else if (event instanceof RoutingEvent.Rejected rejected) {
            settle(rejected.conversation(), new Closed("rejected"));
        } else if (event instanceof RoutingEvent.Released released) {
            settle(released.conversation(), new Closed("released"));
        } else if (event instanceof RoutingEvent.Joined joined) {
            settle(joined.conversation(), new Closed("joined " + joined.joinedConversationId()));
        } else if (event instanceof RoutingEvent.Rerouted rerouted) {
            settle(rerouted.conversation(), new Limbo("re-routed from " + rerouted.fromOwnerId()));
        } else if (event instanceof RoutingEvent.ResponseDeadlineMissed missed) {
            lapsed.computeIfAbsent(missed.conversation().id(), id -> new HashSet<>()).add(missed.ownerId());
            settle(missed.conversation(), new Limbo("taken back from " + missed.ownerId()));
        } else if (event instanceof RoutingEvent.PresenceChanged changed) {
            owners.get(changed.ownerId()).setPresence(changed.to());
        } else if (event instanceof RoutingEvent.CapacityChanged changed) {
            OwnerState owner = owners.get(changed.ownerId());
            owner.setOwner(owner.owner().withCapacity(changed.to()));
        }
    }

    /** Checks that the owner may be given the conversation, then gives it. */
    private void give(Conversation conversation, String ownerId, boolean automatic, Instant at) {
        OwnerState owner = owners.get(ownerId);
        if (owner == null) {
            violate(Invariant.CONSERVATION, conversation.id() + " given to " + ownerId + ", who is not on the roster");
            return;
        }
        if (places.get(conversation.id()) instanceof Owned owned && !owned.ownerId().equals(ownerId)) {
            violate(Invariant.CONSERVATION, conversation.id() + " given to " + ownerId + " while owned by "
                    + owned.ownerId());
        }
        String unavailable = owner.unavailable(automatic, at);
        if (unavailable != null) {
            violate(Invariant.AVAILABILITY, conversation.id() + " given to " + ownerId + ", but " + unavailable);
        }
        owner.receive(conversation, at);
        String channel = conversation.channel();
        int total = owner.owner().capacity().total();
        int limit = owner.owner().capacity().limitOn(channel);
        if (owner.load() > total) {
            violate(Invariant.CAPACITY, ownerId + " over capacity (" + owner.load() + " of " + total + ")");
        } else if (owner.loadOn(channel) > limit) {
            violate(Invariant.CAPACITY, ownerId + " over capacity on " + channel + " (" + owner.loadOn(channel)
                    + " of " + limit + ")");
        }
    }

    /** Moves a conversation to a new place, leaving the owner it had. */
    private void settle(Conversation conversation, Place place) {
        conversations.putIfAbsent(conversation.id(), conversation);
        if (!(place instanceof Owned)) {
            leave(conversation.id());
        }
        places.put(conversation.id(), place);
    }

    private void leave(String conversationId) {
        if (places.get(conversationId) instanceof Owned owned && owners.containsKey(owned.ownerId())) {
            owners.get(owned.ownerId()).drop(conversationId);
        }
    }

    private void violate(Invariant invariant, String detail) {
        if (violation == null && checked.contains(invariant)) {
            violation = new Violation(invariant, detail);
        }
    }

    /** The decision a route returned agrees with the events: the conversation is where the decision says. */
    void decided(Decision decision) {
        String id = decision.conversationId();
        Place place = places.get(id);
        String expected = null;
        if (decision instanceof Decision.Assigned assigned) {
            boolean there = place instanceof Owned owned && owned.ownerId().equals(assigned.ownerId());
            expected = there ? null : "assigned to " + assigned.ownerId();
        } else if (decision instanceof Decision.Queued queued) {
            boolean there = place instanceof Waiting waiting && waiting.queue().equals(queued.queue());
            expected = there ? null : "queued in " + queued.queue();
        } else if (!(place instanceof Closed)) {
            expected = decision instanceof Decision.Rejected ? "rejected"
                    : "joined to " + ((Decision.Joined) decision).joinedConversationId();
        }
        if (expected != null) {
            violate(Invariant.CONSERVATION, "the router said " + id + " was " + expected + ", but its events left it "
                    + (place == null ? "nowhere" : describe(place)));
        }
    }

    /**
     * After an operation: no conversation is left between places, and the router's roster and queues hold exactly
     * the conversations the model has there, each once.
     */
    void reconcile(Router router) {
        places.forEach((id, place) -> {
            if (place instanceof Limbo limbo) {
                String where = router.placement(id).map(placement -> " (the router says " + describe(placement) + ")")
                        .orElse(", the router has it nowhere either");
                violate(Invariant.CONSERVATION, id + " was " + limbo.why() + " and placed nowhere" + where);
            }
        });
        Set<String> seen = new HashSet<>();
        for (OwnerStatus status : router.roster()) {
            OwnerState owner = owners.get(status.owner().id());
            for (String id : status.conversationIds()) {
                if (!seen.add(id)) {
                    violate(Invariant.CONSERVATION, id + " is held twice by the router");
                }
            }
            if (owner != null && !Set.copyOf(status.conversationIds()).equals(owner.open().keySet())) {
                violate(Invariant.CONSERVATION, "the router has " + owner.id() + " holding "
                        + status.conversationIds() + ", its events say " + List.copyOf(owner.open().keySet()));
            }
        }
        Map<String, String> waiting = new LinkedHashMap<>();
        for (WaitingConversation entry : router.waiting()) {
            if (!seen.add(entry.conversation().id())) {
                violate(Invariant.CONSERVATION, entry.conversation().id() + " both owned and waiting, or waiting"
                        + " twice");
            }
            waiting.put(entry.conversation().id(), entry.queue());
        }
        places.forEach((id, place) -> {
            if (place instanceof Waiting inQueue && !inQueue.queue().equals(waiting.get(id))) {
                violate(Invariant.CONSERVATION, "the events have " + id + " waiting in " + inQueue.queue()
                        + ", the router " + (waiting.containsKey(id) ? "in " + waiting.get(id) : "nowhere"));
            }
        });
        waiting.forEach((id, queue) -> {
            if (!(places.get(id) instanceof Waiting)) {
                violate(Invariant.CONSERVATION, "the router has " + id + " waiting in " + queue + ", its events "
                        + (places.containsKey(id) ? "have it " + describe(places.get(id)) : "never placed it"));
            }
        });
        conversations.keySet().forEach(id -> {
            if (!places.containsKey(id)) {
                violate(Invariant.CONSERVATION, id + " was routed but no event placed it: lost");
            } else if (places.get(id) instanceof Closed && router.placement(id).map(Placement::conversation)
                    .filter(open -> open.id().equals(id)).isPresent()) {
                violate(Invariant.CONSERVATION, id + " is " + describe(places.get(id)) + ", but the router still"
                        + " has it open");
            }
        });
    }

    private static String describe(Placement placement) {
        return placement instanceof Placement.Owned owned ? "owned by " + owned.ownerId()
                : "waiting in " + ((Placement.Waiting) placement).entry().queue();
    }

    private static String describe(Place place) {
        if (place instanceof Owned owned) {
            return "owned by " + owned.ownerId();
        }
        if (place instanceof Waiting waiting) {
            return "waiting in " + waiting.queue();
        }
        return place instanceof Closed closed ? closed.how() : ((Limbo) place).why();
    }
}
