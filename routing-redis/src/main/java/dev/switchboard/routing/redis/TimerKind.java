package dev.switchboard.routing.redis;

/** What a timer is for; with its subject (a conversation or an owner id) it names one timer. */
public enum TimerKind {
    /** A waiting conversation breaches its queue's SLA; started and stopped with its wait. */
    SLA_BREACH,
    /** An offline owner's grace period ends (subject: the owner). */
    OFFLINE_GRACE,
    /** An owned conversation's first reply is due; stopped when it is released. */
    RESPONSE_DEADLINE,
    /** Agents had their time to pick a conversation; stopped when it is released. */
    AGENT_PICK_DEADLINE,
    /** A waiting conversation's next relaxation step (for example dropping an optional skill). */
    RELAXATION
}
