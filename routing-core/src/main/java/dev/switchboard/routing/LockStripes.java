package dev.switchboard.routing;

/**
 * A fixed set of locks, one per stripe of ids: ids that share a stripe wait for each other, the rest run at once.
 * The shared path locks by owner when someone listens, a route's commit to an owner and a release from one each with
 * the publication of its event, so that the events' numbers follow the order in which the owner's state changed (a
 * conversation's events too, as it changes only with its owner's there); the customer memory locks by customer, so
 * that a read and a write of one customer's memory are one change (see {@link Customers#served}).
 */
final class LockStripes {

    private static final int STRIPES = 64;

    private final Object[] stripes = new Object[STRIPES];

    LockStripes() {
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new Object();
        }
    }

    /** The lock of the id's stripe. */
    Object of(String id) {
        int hash = id.hashCode();
        return stripes[(hash ^ (hash >>> 16)) & (STRIPES - 1)];
    }
}
