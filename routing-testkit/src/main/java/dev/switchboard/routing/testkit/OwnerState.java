package dev.switchboard.routing.testkit;

import dev.switchboard.routing.AssignmentCap;
import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.Owner;
import dev.switchboard.routing.Presence;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One owner as the shadow model knows it from the router's events: its presence and capacity, the conversations it
 * holds, and when it received each conversation (for its assignment cap).
 */
final class OwnerState {

    private Owner owner;
    private Presence presence;
    private final Map<String, Conversation> open = new LinkedHashMap<>();
    private final List<Instant> receipts = new ArrayList<>();

    OwnerState(Owner owner, Presence presence) {
        this.owner = owner;
        this.presence = presence;
    }

    Owner owner() {
        return owner;
    }

    String id() {
        return owner.id();
    }

    Presence presence() {
        return presence;
    }

    Map<String, Conversation> open() {
        return open;
    }

    void setPresence(Presence value) {
        presence = value;
    }

    void setOwner(Owner value) {
        owner = value;
    }

    int load() {
        return open.size();
    }

    int loadOn(String channel) {
        int load = 0;
        for (Conversation conversation : open.values()) {
            if (conversation.channel().equals(channel)) {
                load++;
            }
        }
        return load;
    }

    /** How many more conversations it may take on a channel. */
    int freeOn(String channel) {
        return owner.capacity().freeOn(channel, load(), loadOn(channel));
    }

    void receive(Conversation conversation, Instant at) {
        open.put(conversation.id(), conversation);
        receipts.add(at);
    }

    void drop(String conversationId) {
        open.remove(conversationId);
    }

    /**
     * Why the owner may not be given work now, or null when it may: for any assignment, its presence; for an
     * automatic one also opting out, working hours and the assignment cap.
     */
    String unavailable(boolean automatic, Instant now) {
        if (!presence.mayReceiveWork()) {
            return owner.id() + " is " + Words.of(presence);
        }
        if (!automatic) {
            return null;
        }
        if (!owner.autoAssign()) {
            return owner.id() + " opted out of automatic assignment";
        }
        if (owner.hours().isPresent() && !owner.hours().get().isOpen(now)) {
            return owner.id() + " is outside its working hours";
        }
        if (owner.assignmentCap().isPresent()) {
            AssignmentCap cap = owner.assignmentCap().get();
            int received = receivedWithin(cap, now);
            if (received >= cap.limit()) {
                return owner.id() + " is at its assignment cap (" + received + " of " + cap.limit() + " within "
                        + Words.of(cap.window()) + ")";
            }
        }
        return null;
    }

    private int receivedWithin(AssignmentCap cap, Instant now) {
        Instant since = now.minus(cap.window());
        int received = 0;
        for (Instant at : receipts) {
            if (at.isAfter(since) && !at.isAfter(now)) {
                received++;
            }
        }
        return received;
    }

    /**
     * Whether any step that takes whoever can take work could give it this conversation now: online, available for
     * automatic work, with room on the channel, and not one that let this conversation's response deadline lapse.
     */
    boolean couldTake(Conversation conversation, Instant now, Set<String> lapsed) {
        return presence == Presence.ONLINE && unavailable(true, now) == null
                && freeOn(conversation.channel()) > 0 && !lapsed.contains(owner.id());
    }
}
