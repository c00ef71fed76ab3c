package dev.switchboard.routing;

/**
 * Whom a customer was served by: its last owner, and its primary owner, who stays the same when one conversation falls
 * through to someone else. The first owner to serve a customer is its primary; another owner becomes primary once it
 * has served the customer {@link #TO_BECOME_PRIMARY} times in a row.
 *
 * @param primary the customer's primary owner
 * @param last the owner of its latest conversation
 * @param streak how many of its latest conversations in a row {@code last} served
 */
record CustomerOwners(String primary, String last, int streak) {

    /** How many conversations in a row make their owner the customer's primary owner. */
    static final int TO_BECOME_PRIMARY = 2;

    /** The memory of a customer served once, by {@code owner}. */
    static CustomerOwners first(String owner) {
        return new CustomerOwners(owner, owner, 1);
    }

    /** This memory after the customer's next conversation was given to {@code owner}. */
    CustomerOwners servedBy(String owner) {
        if (!owner.equals(last)) {
            return new CustomerOwners(primary, owner, 1);
        }
        int inARow = streak + 1;
        return new CustomerOwners(inARow >= TO_BECOME_PRIMARY ? owner : primary, owner, inARow);
    }
}
