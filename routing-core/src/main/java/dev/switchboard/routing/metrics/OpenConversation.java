package dev.switchboard.routing.metrics;

import dev.switchboard.routing.Conversation;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/** A conversation the metrics follow while it is open: where it is, and how long it has waited so far. */
final class OpenConversation {

    final Conversation conversation;
    String owner;
    String queue;
    Instant queuedSince;
    Duration waited = Duration.ZERO;
    boolean everQueued;
    boolean everAssigned;
    final Set<String> workedOnBy = new HashSet<>(2);

    OpenConversation(Conversation conversation) {
        this.conversation = conversation;
    }

    /** Its total wait in queues, the current stay counted up to {@code asOf}. */
    Duration waitedUntil(Instant asOf) {
        return queue == null ? waited : waited.plus(Duration.between(queuedSince, asOf));
    }
}
