package dev.switchboard.routing;

/**
 * Locks by owner for the shared path when someone listens: a route's commit to an owner and a release from one, each
 * with the publication of its event, run under that owner's stripe, so the events' numbers follow the order in which
 * the owner's state changed (a conversation's events too, as it changes only with its owner's there). Owners whose
 * ids share a stripe wait for each other; other owners' commits run at once.
 */
final class OwnerStripes {

    private static final int STRIPES = 64;

    private final Object[] stripes = new Object[STRIPES];

    OwnerStripes() {
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new Object();
        }
    }

    /** The lock of the owner's stripe. */
    Object of(String ownerId) {
        int hash = ownerId.hashCode();
        return stripes[(hash ^ (hash >>> 16)) & (STRIPES - 1)];
    }
}
