package dev.switchboard.routing.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.RouterInput;
import dev.switchboard.routing.Trace;
import dev.switchboard.routing.event.RoutingEvent;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplayDiffTest {

    private static final Instant NINE = Instant.parse("2026-03-02T09:00:00Z");
    private static final Trace TRACE = new Trace(List.of());
    private static final Divergence NONE = new Divergence(0, List.of());

    private static final Conversation EQUAL = Conversation.builder("c1").customer("x").channel("chat")
            .createdAt(NINE).build();
    private static final Conversation VIP = Conversation.builder("c2").customer("y").channel("chat").vip(true)
            .createdAt(NINE).build();

    private static RoutingEvent route(Conversation conversation) {
        return new RoutingEvent.Input(NINE, new RouterInput.Route(conversation));
    }

    private static RoutingEvent assigned(Conversation conversation, String owner, Instant at) {
        return new RoutingEvent.Assigned(at, conversation, owner, "least-loaded", TRACE);
    }

    @Test
    void vipWhoNowWaitsTenMinutesLongerRanksBeforeAReshuffleBetweenEquals() throws IOException {
        Replay recorded = new Replay(List.of(route(EQUAL), assigned(EQUAL, "ana", NINE), route(VIP),
                assigned(VIP, "ben", NINE)), List.of(), NONE);
        Instant later = NINE.plus(Duration.ofMinutes(10));
        Replay replayed = new Replay(List.of(route(EQUAL), assigned(EQUAL, "ben", NINE), route(VIP),
                new RoutingEvent.Queued(NINE, VIP, "waiting", "no one free", later, TRACE), assigned(VIP, "ana", later)),
                List.of(), NONE);

        ReplayDiff diff = ReplayDiff.of(recorded, replayed);

        // normal VIP: weight 2 × 2, wait +10 min: 4 × (10 + 1); normal, same wait: 2 × (0 + 1)
        assertThat(diff.changes()).extracting(ReplayDiff.Change::conversationId, ReplayDiff.Change::impact)
                .containsExactly(tuple("c2", 44L),
                        tuple("c1", 2L));
        assertThat(diff.changes().get(0).waitChange()).isEqualTo(Duration.ofMinutes(10));
        assertThat(diff.changes().get(0).before()).isEqualTo("assigned ben");
        assertThat(diff.changes().get(0).after()).isEqualTo("queued in waiting");
        assertThat(diff.recorded().waited()).isZero();
        assertThat(diff.replayed().waited()).isEqualTo(1);
        assertThat(diff.replayed().p95TimeToOwner()).isEqualTo(Duration.ofMinutes(10));
        StringWriter lines = new StringWriter();
        diff.writeJsonLines(lines);
        assertThat(lines.toString().lines()).hasSize(3).element(1).asString()
                .startsWith("{\"type\":\"change\",\"conversation\":\"c2\",\"priority\":\"normal\",\"vip\":true,"
                        + "\"impact\":44,\"before\":\"assigned ben\",\"after\":\"queued in waiting\"");
    }
}
