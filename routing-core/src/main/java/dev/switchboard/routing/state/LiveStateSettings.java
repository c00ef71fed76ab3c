package dev.switchboard.routing.state;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;

/**
 * What a router asks of the store it is built on, from its builder's settings.
 *
 * @param clock the router's clock, checked against {@code dev.switchboard.routing.Bounds} at every reading
 * @param serveOrder the order of every waiting queue
 * @param maxCustomers how many customers' previous owners to remember at most
 * @param customerTtl how long after its last assignment a customer's previous owner is forgotten
 * @param tracksCustomers whether to keep each customer's placed conversations (see
 *     {@link LiveState#conversationsOfCustomer}), which only one conversation per customer needs
 * @param wrapUp how long owners without a wrap-up time of their own wrap up after a release
 */
public record LiveStateSettings(InstantSource clock, ServeOrder serveOrder, long maxCustomers, Duration customerTtl,
        boolean tracksCustomers, Duration wrapUp) {

    /** Checks every setting: not null, counts positive, durations not negative. */
    public LiveStateSettings {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(serveOrder, "serveOrder");
        Objects.requireNonNull(customerTtl, "customerTtl");
        Objects.requireNonNull(wrapUp, "wrapUp");
        if (maxCustomers <= 0) {
            throw new IllegalArgumentException("maxCustomers must be positive, was " + maxCustomers);
        }
        if (customerTtl.isNegative() || customerTtl.isZero()) {
            throw new IllegalArgumentException("customerTtl must be positive, was " + customerTtl);
        }
        if (wrapUp.isNegative()) {
            throw new IllegalArgumentException("wrapUp must not be negative, was " + wrapUp);
        }
    }
}
