package dev.switchboard.routing.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.routing.Conversation;
import dev.switchboard.routing.ManualClock;
import dev.switchboard.routing.OfferPolicy;
import dev.switchboard.routing.Owner;
import dev.switchboard.routing.QueueSpec;
import dev.switchboard.routing.Router;
import dev.switchboard.routing.RoutingPlan;
import dev.switchboard.routing.Rule;
import dev.switchboard.routing.event.RoutingEvent;
import dev.switchboard.routing.strategy.RoundRobin;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Offers in the routing log: every offer event and the accept and decline calls read back and replay exactly. */
class OfferLogTest {

    private static final Instant START = Instant.parse("2026-03-02T08:00:00Z");
    private static final Owner ANA = Owner.agent("ana").capacity(2).build();
    private static final Owner BEN = Owner.agent("ben").capacity(2).build();

    private final ManualClock clock = new ManualClock(START);
    private final List<RoutingEvent> seen = new ArrayList<>();

    private static Router.Builder desk() {
        return Router.builder().owner(ANA).owner(BEN).plan(new RoutingPlan(
                List.of(new QueueSpec("desk", Duration.ofMinutes(10))),
                List.of(Rule.builder("desk").chain(new RoundRobin())
                        .offer(OfferPolicy.builder(Duration.ofSeconds(30)).ring(2).build()).queue("desk").build())));
    }

    private static Conversation conversation(String id) {
        return Conversation.builder(id).customer("customer-" + id).channel("chat").createdAt(START).build();
    }

    @Test
    void offersReadBackAndReplayExactly() throws IOException {
        StringWriter log = new StringWriter();
        JsonLinesRecorder recorder = new JsonLinesRecorder(log);
        Router router = desk().clock(clock).recorder(seen::add).recorder(recorder).build();
        router.route(conversation("c1"));
        router.accept("ben", "c1");
        router.route(conversation("c2"));
        router.decline("ana", "c2", "on a call");
        clock.advance(Duration.ofSeconds(30));
        router.tick();
        router.route(conversation("c3"));
        router.release("c3");
        recorder.close();

        RoutingLog read = RoutingLog.read(new StringReader(log.toString()), "offers.jsonl", List.of(ANA, BEN));
        Replay replay = Replay.run(read, desk());

        assertThat(read.events()).isEqualTo(seen);
        assertThat(seen).extracting(event -> event.getClass().getSimpleName()).contains("Offered", "OfferDeclined",
                "OfferExpired", "OfferWithdrawn");
        assertThat(replay.events()).isEqualTo(read.events());
        assertThat(replay.refusals()).isEmpty();
    }
}
