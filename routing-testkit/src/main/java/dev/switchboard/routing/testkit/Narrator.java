package dev.switchboard.routing.testkit;

import dev.switchboard.routing.event.RoutingEvent;

/**
 * Tells a router's event in a few words for a story. Events about the operation's own conversation or owner leave its
 * name out, as the line already starts with it.
 */
final class Narrator {

    private Narrator() {}

    /** The event in words, or null when the operation's line already says it. */
    static String tell(RoutingEvent event, String subject) {
        if (event instanceof RoutingEvent.Assigned assigned) {
            return assigned.strategy().equals("claim")
                    ? about(assigned.conversation().id(), subject) + "claimed by " + assigned.ownerId()
                    : about(assigned.conversation().id(), subject) + "to " + assigned.ownerId() + " by "
                            + assigned.strategy();
        }
        if (event instanceof RoutingEvent.Queued queued) {
            return about(queued.conversation().id(), subject) + "waits in " + queued.queue();
        }
        if (event instanceof RoutingEvent.Rejected rejected) {
            return about(rejected.conversation().id(), subject) + "rejected: " + rejected.reason();
        }
        if (event instanceof RoutingEvent.Released released) {
            return about(released.conversation().id(), subject) + "released from " + released.from();
        }
        if (event instanceof RoutingEvent.Joined joined) {
            return about(joined.conversation().id(), subject) + "joins " + joined.joinedConversationId();
        }
        if (event instanceof RoutingEvent.Rerouted rerouted) {
            return about(rerouted.conversation().id(), subject) + "taken from " + rerouted.fromOwnerId();
        }
        if (event instanceof RoutingEvent.Transferred transferred) {
            return transferred.conversation().id().equals(subject) ? null : transferred.conversation().id()
                    + " handed from " + transferred.fromOwnerId() + " to " + transferred.toOwnerId();
        }
        if (event instanceof RoutingEvent.ResponseDeadlineMissed missed) {
            return missed.ownerId() + " missed the reply deadline of " + missed.conversation().id();
        }
        if (event instanceof RoutingEvent.SlaBreached breached) {
            return about(breached.conversation().id(), subject) + "past its SLA in " + breached.queue();
        }
        if (event instanceof RoutingEvent.PresenceChanged changed) {
            return changed.ownerId().equals(subject) ? null : changed.ownerId() + " " + Words.of(changed.to());
        }
        if (event instanceof RoutingEvent.CapacityChanged changed) {
            return changed.ownerId().equals(subject) ? null : changed.ownerId() + " " + Words.of(changed.to());
        }
        if (event instanceof RoutingEvent.OwnerJoined joined) {
            return joined.owner().id() + " joins the roster";
        }
        if (event instanceof RoutingEvent.OwnerLeft left) {
            return left.ownerId() + " leaves the roster";
        }
        return null; // inputs go to recorders only
    }

    private static String about(String conversationId, String subject) {
        return conversationId.equals(subject) ? "" : conversationId + " ";
    }
}
