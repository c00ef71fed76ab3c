package dev.switchboard.routing.state;

import dev.switchboard.routing.RoutingView;
import dev.switchboard.routing.Verdict;
import java.util.Map;

/**
 * A view of the router's live state, as a {@link LiveState} makes it for one decision: what strategies read, and
 * what the router itself asks while it runs a chain: whether the owner a step chose can take the conversation,
 * which owners were left out of the decision and why (so that the trace explains a conversation that waits while
 * those owners have room), and, once a step assigned, the commit of that assignment.
 *
 * <p>A view is used by one thread for one decision, and then dropped; a store may reuse it for that thread's next
 * decision.
 */
public interface LiveView extends RoutingView {

    /**
     * Why an owner may not be given this conversation, or null when it may: it is not among the candidates (not on
     * the roster, not among the rule's owners, or held back), or it cannot take work or has no room on the channel.
     */
    String refusal(String ownerId);

    /**
     * Owner id to why it is held back from this decision (opted out, outside working hours, wrapping up, at the
     * assignment or daily cap, let the response deadline lapse), in roster order.
     */
    Map<String, String> heldBack();

    /**
     * Gives the conversation being decided to the owner a step assigned and moves the step's cursors, if what the
     * decision relied on still holds: the owner is a candidate and can still take it (see {@link #refusal}), the
     * cursors the decision read have not moved, and the conversation was not placed meanwhile. Atomic, so that decisions committed at once on several threads
     * never fill an owner beyond its capacity or break a rotation; false when something changed, and then nothing
     * did.
     */
    boolean commit(Verdict.Assign assign);
}
