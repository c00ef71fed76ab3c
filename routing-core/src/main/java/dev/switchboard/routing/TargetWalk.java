package dev.switchboard.routing;

import dev.switchboard.routing.state.LiveState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Walks a rule's {@link Targets} for one conversation now: skips the targets whose owners are all logged out (or, for
 * those that say so, none of whose owners can take work), spends the conversation's wait since it was created on the
 * timeouts of the others in order, and says which target it has reached and so which owners may get it.
 */
final class TargetWalk {
    private TargetWalk() {}

    /**
     * The target a conversation has reached.
     *
     * @param owners who may get the conversation now: the reached target's owners, with the earlier targets' when
     *     the targets keep them
     * @param explanation which target, and which were skipped, for the trace
     */
    record Reached(Set<String> owners, String explanation) {}

    static Reached reach(Targets targets, Conversation conversation, Instant now, LiveState state) {
        List<Targets.Target> all = targets.targets();
        Duration left = Duration.between(conversation.createdAt(), now);
        List<String> skipped = new ArrayList<>();
        int reached = -1;
        for (int i = 0; i < all.size(); i++) {
            Targets.Target target = all.get(i);
            String skip = skipReason(target, now, state);
            if (skip != null) {
                skipped.add("target " + (i + 1) + " skipped: " + skip);
                continue;
            }
            reached = i;
            if (left.compareTo(target.timeout()) < 0) {
                break;
            }
            left = left.minus(target.timeout());
        }
        if (reached < 0) {
            reached = all.size() - 1; // every target skipped: the conversation waits for the last
        }
        Set<String> owners = new LinkedHashSet<>();
        for (int i = targets.keepEarlier() ? 0 : reached; i <= reached; i++) {
            owners.addAll(all.get(i).owners());
        }
        String explanation = "target " + (reached + 1) + " of " + all.size() + " (" + String.join(", ",
                new TreeSet<>(owners)) + ")" + (skipped.isEmpty() ? "" : "; " + String.join("; ", skipped));
        return new Reached(owners, explanation);
    }

    /** Why a target is skipped now, or null when it is not. */
    private static String skipReason(Targets.Target target, Instant now, LiveState state) {
        boolean loggedIn = target.owners().stream().anyMatch(ownerId -> state.hasOwner(ownerId)
                && state.status(ownerId).presence() != Presence.OFFLINE);
        if (!loggedIn) {
            return "all its owners are logged out";
        }
        if (target.skipWhenNoneAvailable()
                && target.owners().stream().noneMatch(ownerId -> state.hasOwner(ownerId)
                        && state.status(ownerId).presence() == Presence.ONLINE && state.hasRoom(ownerId, now))) {
            return "none of its owners can take work now";
        }
        return null;
    }
}
