package dev.switchboard.routing;

/** What an owner stands for: one person, a team that shares work, or a queue worked by people outside the roster. */
public enum OwnerKind {
    AGENT,
    TEAM,
    QUEUE
}
