package dev.switchboard.routing.state;

import dev.switchboard.routing.Placement;

/**
 * What {@link LiveState#releaseIfOwned} released: the conversation with the owner it left, and whether any
 * conversation was waiting just after, so that the router knows whether to drain for that owner.
 *
 * @param owned the conversation, as it was owned until the release
 * @param waiting whether any conversation waited in any queue right after the release
 */
public record Released(Placement.Owned owned, boolean waiting) {

    public Released {
        Values.notNull(owned, "owned");
    }
}
