package dev.switchboard.routing.spring;

import dev.switchboard.routing.Router;
import dev.switchboard.routing.WaitingConversation;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** What the endpoint and the health indicator both say about waiting conversations, said once. */
final class Waiting {

    private Waiting() {
    }

    /** Checks what a reader of the router's waiting conversations is given. */
    static void checkReader(Router router, InstantSource clock, Duration atRiskHorizon) {
        if (router == null || clock == null || atRiskHorizon == null || atRiskHorizon.isNegative()) {
            throw new IllegalArgumentException("router, clock and a non-negative atRiskHorizon are required, was "
                    + atRiskHorizon);
        }
    }

    /**
     * Whether a waiting conversation's SLA deadline is at or before an instant: breached, when that instant is now;
     * at risk, when it is now plus the horizon (as {@link Router#atRisk} counts).
     */
    static boolean dueBy(WaitingConversation entry, Instant instant) {
        return !entry.slaDeadline().isAfter(instant);
    }
}
