package dev.switchboard.routing;

/** Where an open conversation is: owned by exactly one owner, or waiting in exactly one queue. */
public sealed interface Placement {

    /** The conversation that is placed. */
    Conversation conversation();

    /** The conversation is owned. */
    record Owned(Conversation conversation, String ownerId) implements Placement {
        public Owned {
            Checks.notNull(conversation, "conversation");
            Checks.id(ownerId, "ownerId");
        }
    }

    /** The conversation waits. */
    record Waiting(WaitingConversation entry) implements Placement {
        public Waiting {
            Checks.notNull(entry, "entry");
        }

        @Override
        public Conversation conversation() {
            return entry.conversation();
        }
    }
}
