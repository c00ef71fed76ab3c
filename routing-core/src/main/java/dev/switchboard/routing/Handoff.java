package dev.switchboard.routing;

/**
 * The note that travels with a transfer, so the next owner can act without re-reading the thread.
 *
 * @param summary what the conversation is about, in a sentence or two
 * @param alreadySaid what the customer has already been told (may be empty)
 * @param nextAction the precise decision or action the new owner must take
 */
public record Handoff(String summary, String alreadySaid, String nextAction) {

    public Handoff {
        Checks.id(summary, "handoff.summary");
        Checks.notNull(alreadySaid, "handoff.alreadySaid");
        Checks.id(nextAction, "handoff.nextAction");
    }
}
