package dev.switchboard.routing.testkit;

import dev.switchboard.routing.Capacity;
import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.Presence;
import java.time.Duration;
import java.util.Objects;

/**
 * One call a host makes on a router, or the passing of time, as a step of a generated sequence. Conversations are
 * chosen by position ({@code pick}, taken modulo how many there are when the step runs), so that any shorter
 * sequence jqwik shrinks to still makes sense; a step that cannot apply when it runs (nothing to release, a transfer
 * to an owner without room) is skipped.
 */
public sealed interface Operation {

    /** The clock moves forward. */
    record Advance(Duration by) implements Operation {
        public Advance {
            Objects.requireNonNull(by, "by");
            if (by.isNegative() || by.isZero()) {
                throw new IllegalArgumentException("by must be positive, was " + by);
            }
        }
    }

    /**
     * A new conversation is routed. Its id and creation time are replaced when the step runs, by the next id of the
     * sequence ({@code c1}, {@code c2}, ...) and the clock's time.
     */
    record Route(Conversation conversation) implements Operation {
        public Route {
            Objects.requireNonNull(conversation, "conversation");
        }
    }

    /** An open conversation (owned or waiting, in the order they were routed) is released. */
    record Release(int pick) implements Operation {
        public Release {
            nonNegative(pick);
        }
    }

    /** An owned conversation is handed to another owner, when that owner may take it. */
    record Transfer(int pick, String toOwnerId) implements Operation {
        public Transfer {
            nonNegative(pick);
            Objects.requireNonNull(toOwnerId, "toOwnerId");
        }
    }

    /** An owner claims a waiting conversation (in serve order). */
    record Claim(String ownerId, int pick) implements Operation {
        public Claim {
            Objects.requireNonNull(ownerId, "ownerId");
            nonNegative(pick);
        }
    }

    /** The owner of an owned conversation replies to it for the first time. */
    record Acknowledge(int pick) implements Operation {
        public Acknowledge {
            nonNegative(pick);
        }
    }

    /** An owner's presence changes. */
    record SetPresence(String ownerId, Presence presence) implements Operation {
        public SetPresence {
            Objects.requireNonNull(ownerId, "ownerId");
            Objects.requireNonNull(presence, "presence");
        }
    }

    /** An owner's capacity changes. */
    record SetCapacity(String ownerId, Capacity capacity) implements Operation {
        public SetCapacity {
            Objects.requireNonNull(ownerId, "ownerId");
            Objects.requireNonNull(capacity, "capacity");
        }
    }

    /** The host's scheduler calls {@code tick()}. */
    record Tick() implements Operation {}

    private static void nonNegative(int pick) {
        if (pick < 0) {
            throw new IllegalArgumentException("pick must not be negative, was " + pick);
        }
    }
}
