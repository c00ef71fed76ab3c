package dev.switchboard.routing;

import dev.switchboard.routing.state.LiveState;
import java.util.List;
import java.util.Optional;

/**
 * The router's checks of the ids and plans it is given against the {@link LiveState}: each refuses an owner who is
 * not on the roster or a conversation that is not open with an {@link IllegalArgumentException} naming it, before
 * anything changes.
 */
final class StateChecks {

    private StateChecks() {}

    /** The status of an owner on the roster; {@code field} names the argument that named it. */
    static OwnerStatus requireOwner(LiveState state, String ownerId, String field) {
        if (!state.hasOwner(ownerId)) {
            throw new IllegalArgumentException(field + " '" + ownerId + "' is not on the roster");
        }
        return state.status(ownerId);
    }

    /** Where an open conversation is. */
    static Placement openPlacement(LiveState state, String conversationId) {
        Optional<Placement> placement = state.placement(conversationId);
        if (placement.isEmpty()) {
            throw new IllegalArgumentException("conversationId '" + conversationId
                    + "' is not open (never routed, or already released)");
        }
        return placement.get();
    }

    /**
     * Whether a waiting conversation read earlier still waits as it was read: a drain or a tick may have moved it
     * since, or another router sharing the store served it.
     */
    static boolean stillWaiting(LiveState state, WaitingConversation entry) {
        return state.placement(entry.conversation().id()).orElse(null) instanceof Placement.Waiting waiting
                && waiting.entry().equals(entry);
    }

    /**
     * Refuses a plan whose rules name owners who are not on the roster, as the JSON configuration does: the first
     * such rule, and its first such owner by id (a rule keeps its owners by id).
     */
    static void requireRuleOwners(LiveState state, RoutingPlan routingPlan) {
        for (Rule rule : routingPlan.rules()) {
            for (String ownerId : rule.owners()) {
                if (!state.hasOwner(ownerId)) {
                    List<String> roster = state.statuses().stream().map(status -> status.owner().id()).toList();
                    throw new IllegalArgumentException("rule '" + rule.name() + "' names unknown owner '" + ownerId
                            + "'; owners: " + roster);
                }
            }
        }
    }
}
