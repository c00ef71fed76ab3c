package dev.switchboard.routing.redis;

import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.ManualClock;
import dev.switchboard.routing.Owner;
import dev.switchboard.routing.Priority;
import dev.switchboard.routing.state.LiveState;
import dev.switchboard.routing.state.LiveStateSettings;
import dev.switchboard.routing.state.ServeOrder;
import java.time.Duration;
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

    /** A live state on the store, as a router at {@link #T0} opens it: no aging, memory for a day, no wrap-up. */
    static LiveState liveState(RedisRoutingStore on) {
        return on.liveState().open(new LiveStateSettings(new ManualClock(T0), ServeOrder.WITHOUT_AGING, 1_000,
                Duration.ofDays(1), false, Duration.ZERO));
    }
}
