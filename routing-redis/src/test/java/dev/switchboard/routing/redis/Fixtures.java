package dev.switchboard.routing.redis;

import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.Owner;
import dev.switchboard.routing.Priority;
import java.time.Instant;

/** Conversations and owners for the tests. */
final class Fixtures {

    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    private Fixtures() {}

    static Conversation chat(String id) {
        return conversation(id, "chat", Priority.NORMAL, false, T0);
    }

    static Conversation conversation(String id, String channel, Priority priority, boolean vip, Instant createdAt) {
        return Conversation.builder(id).customer("customer-" + id).channel(channel).priority(priority).vip(vip)
                .createdAt(createdAt).build();
    }

    static Owner agent(String id, int capacity) {
        return Owner.agent(id).capacity(capacity).build();
    }
}
