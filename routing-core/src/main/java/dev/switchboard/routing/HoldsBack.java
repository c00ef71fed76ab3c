package dev.switchboard.routing;

import java.util.Map;

/**
 * A router's view that can say which owners it leaves out of a decision's candidates although they are on the
 * roster, and why (opted out, outside working hours, at the assignment cap, let the response deadline lapse), so
 * that the trace explains a conversation that waits while those owners have room.
 */
interface HoldsBack {

    /** Owner id to why it is held back from this decision, in roster order. */
    Map<String, String> heldBack();
}
