package dev.switchboard.routing;

/** How urgent a conversation is; waiting conversations are served in descending priority, then VIP, then age. */
public enum Priority {
    LOW,
    NORMAL,
    HIGH,
    URGENT
}
