package dev.switchboard.routing.strategy;

import dev.switchboard.routing.Candidate;
import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.Owner;
import dev.switchboard.routing.Presence;
import dev.switchboard.routing.RoutingSnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Small builders for strategy tests: candidates, conversations and snapshots. */
final class Fixtures {
    static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    private Fixtures() {}

    /** An agent candidate with capacity 5 at the given roster position. */
    static Candidate candidate(String id, long position, Presence presence, int load) {
        return candidate(Owner.agent(id).capacity(5).build(), position, presence, load);
    }

    static Candidate candidate(Owner owner, long position, Presence presence, int load) {
        int free = Math.max(0, owner.capacity().total() - load);
        return new Candidate(owner, position, presence, load, free, Instant.MIN);
    }

    /** Online agents a, b, c, ... with capacity 5 and no load. */
    static List<Candidate> online(int count) {
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            candidates.add(candidate(String.valueOf((char) ('a' + i)), i, Presence.ONLINE, 0));
        }
        return candidates;
    }

    static Conversation.Builder conversationBuilder(String id) {
        return Conversation.builder(id).customer("customer-" + id).channel("chat").createdAt(NOW);
    }

    static Conversation conversation(String id) {
        return conversationBuilder(id).build();
    }

    static RoutingSnapshot snapshot(List<Candidate> candidates) {
        return RoutingSnapshot.of(NOW, candidates);
    }
}
