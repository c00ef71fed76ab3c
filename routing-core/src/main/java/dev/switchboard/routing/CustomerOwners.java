package dev.switchboard.routing;

import java.time.Instant;

/**
 * Whom a customer was served by: its last owner, and its primary owner, who stays the same when one conversation falls
 * through to someone else. The first owner to serve a customer is its primary; another owner becomes primary once it
 * has served the customer {@link #TO_BECOME_PRIMARY} times in a row.
 *
 * @param primary the customer's primary owner
 * @param last the owner of its latest conversation
 * @param streak how many of its latest conversations in a row {@code last} served
 * @param servedAt when it was last served, from which its memory's ttl counts
 */
record CustomerOwners(String primary, String last, int streak, Instant servedAt) {

    /** How many conversations in a row make their owner the customer's primary owner. */
    static final int TO_BECOME_PRIMARY = 2;

    /** The memory of a customer served once, by {@code owner} at {@code at}. */
    static CustomerOwners first(String owner, Instant at) {
        return new CustomerOwners(owner, owner, 1, at);
    }

    /** This memory after the customer's next conversation was given to {@code owner} at {@code at}. */
    CustomerOwners servedBy(String owner, Instant at) {
        if (!owner.equals(last)) {
            return new CustomerOwners(primary, owner, 1, at);
        }
        int inARow = streak + 1;
        return new CustomerOwners(inARow >= TO_BECOME_PRIMARY ? owner : primary, owner, inARow, at);
    }
}
