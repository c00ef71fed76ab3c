package dev.switchboard.routing;

import java.util.Map;

/**
 * A view of the router's live state, as a {@link LiveState} makes it for one decision: what strategies read, and
 * what the router itself asks while it runs a chain: whether the owner a step chose can take the conversation,
 * and which owners were left out of the decision and why, so that the trace explains a conversation that waits
 * while those owners have room.
 */
interface LiveView extends RoutingView {

    /**
     * Why an owner may not be given this conversation, or null when it may: it is not among the candidates (not on
     * the roster, not among the rule's owners, or held back), or it cannot take work or has no room on the channel.
     */
    String refusal(String ownerId);

    /**
     * Owner id to why it is held back from this decision (opted out, outside working hours, at the assignment cap,
     * let the response deadline lapse), in roster order.
     */
    Map<String, String> heldBack();
}
