package dev.switchboard.routing.metrics;

/** What a decision did with a conversation. */
public enum Outcome {
    /** Given to an owner. */
    ASSIGNED,
    /** Put in a queue to wait. */
    QUEUED,
    /** Refused by a chain step. */
    REJECTED
}
